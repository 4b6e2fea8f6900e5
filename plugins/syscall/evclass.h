/*
 * evclass.h - the classes of event codes the syscall fields treat apart
 * (open-family, fd creators, connect), resolved from the event names of
 * the schema once, so that extraction tests a bit instead of comparing
 * event names for every field of every event.
 * Ownership: none. Threading: thread-safe (the table is built once, under
 * pthread_once, then only read).
 */
#ifndef SK_SYSCALL_EVCLASS_H
#define SK_SYSCALL_EVCLASS_H

#include <stdint.h>

/* open, openat, openat2, creat: the call names the path in "name". */
#define SK_EVC_OPEN_NAMED (1u << 0)
/* open_by_handle_at: opens a file without naming it. */
#define SK_EVC_OPEN_BY_HANDLE (1u << 1)
/* creat: always opens for writing. */
#define SK_EVC_CREAT (1u << 2)
/* socket, accept, accept4: the fd created is a socket. */
#define SK_EVC_SOCKET_CREATOR (1u << 3)
/* pipe, pipe2. */
#define SK_EVC_PIPE_CREATOR (1u << 4)
/* connect. */
#define SK_EVC_CONNECT (1u << 5)

#define SK_EVC_OPEN_FAMILY (SK_EVC_OPEN_NAMED | SK_EVC_OPEN_BY_HANDLE)

/* The SK_EVC_* bits of an event code (all versions, enter and exit);
 * 0 for codes outside the schema. */
uint32_t sk_evclass(uint16_t code);

#endif
