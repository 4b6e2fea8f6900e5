/*
 * ppm.h - the driver-independent constants carried inside scap event
 * parameters (open flags, clone flags, execve flags, socket families,
 * socktuple/sockaddr encodings), as the upstream event schema defines them.
 */
#ifndef SK_SYSCALL_PPM_H
#define SK_SYSCALL_PPM_H

#define SK_PPM_O_RDONLY 1u
#define SK_PPM_O_WRONLY 2u
#define SK_PPM_O_RDWR 3u
#define SK_PPM_O_CREAT 4u
#define SK_PPM_O_APPEND 8u
#define SK_PPM_O_TRUNC 256u
#define SK_PPM_O_DIRECTORY 1024u
#define SK_PPM_O_CLOEXEC 4096u
#define SK_PPM_O_TMPFILE 8192u
/* Extra bits the drivers set on the flags of an open exit event. */
#define SK_PPM_O_F_CREATED (1u << 14)

/* The dirfd value of a call relative to the current directory. */
#define SK_PPM_AT_FDCWD (-100)

/* Event codes the fields name directly (PPME_* upstream). */
#define SK_PPME_GENERIC_E 0       /* generic "syscall" enter, real call in "ID" */
#define SK_PPME_GENERIC_X 1
#define SK_PPME_SYSCALL_OPEN_X 3  /* its "flags" names are the open flags */

#define SK_PPM_CL_CLONE_FILES (1u << 0)
#define SK_PPM_CL_CLONE_FS (1u << 1)
#define SK_PPM_CL_CLONE_NEWPID (1u << 6)
#define SK_PPM_CL_CLONE_THREAD (1u << 13)
#define SK_PPM_CL_CLONE_VM (1u << 15)
#define SK_PPM_CL_CLONE_INVERTED (1u << 16)
#define SK_PPM_CL_CHILD_IN_PIDNS (1u << 29)
#define SK_PPM_CL_CLONE_VFORK (1u << 27)

#define SK_PPM_EXE_WRITABLE (1u << 0)
#define SK_PPM_EXE_UPPER_LAYER (1u << 1)
#define SK_PPM_EXE_FROM_MEMFD (1u << 2)
#define SK_PPM_EXE_LOWER_LAYER (1u << 3)

#define SK_PPM_AF_UNIX 1
#define SK_PPM_AF_INET 2
#define SK_PPM_AF_INET6 10
#define SK_PPM_AF_NETLINK 16

/* Socket types in the socket() "type" parameter (Linux numbering). */
#define SK_SOCK_STREAM 1
#define SK_SOCK_DGRAM 2
#define SK_SOCK_RAW 3

#endif
