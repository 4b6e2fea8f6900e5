/*
 * cgroup.h - container id and runtime type from a process's cgroups.
 *
 * Input is the text of /proc/<pid>/cgroup ("hierarchy:controllers:path"
 * lines, cgroup v1 and v2), or the same paths as the syscall plugin's
 * `cgroups` thread field holds them (one path per line, or
 * "controller=path" items separated by newlines or spaces). Every path is
 * examined, its components from the deepest up, against the forms the
 * runtimes create:
 *
 *   docker      /docker/<id>                 docker-<id>.scope
 *   podman      /libpod_parent/libpod-<id>   libpod-<id>.scope  libpod-conmon excluded
 *   cri-o       /crio-<id>                   crio-<id>.scope    crio-conmon excluded
 *   containerd  cri-containerd-<id>.scope    /<namespace>/<id> under a containerd slice
 *               nerdctl-<id>.scope
 *   cri         /kubepods/.../pod<uid>/<id>  (cgroupfs driver: runtime unknown)
 *   lxc         /lxc/<name>, lxc.payload.<name>, /lxc.payload/<name>
 *
 * <id> is 64 lowercase hex digits (lxc: the container name). A process in
 * none of these is on the host.
 *
 * Pure functions, no allocation, thread-safe.
 */
#ifndef SAKER_CONTAINER_CGROUP_H
#define SAKER_CONTAINER_CGROUP_H

#include <stddef.h>

#define SK_CTR_ID_MAX 72     /* full id buffer (64 hex + NUL, lxc names truncated) */
#define SK_CTR_SHORT_ID_LEN 12

typedef enum sk_ctr_type {
	SK_CTR_HOST = 0,
	SK_CTR_DOCKER,
	SK_CTR_PODMAN,
	SK_CTR_CRIO,
	SK_CTR_CONTAINERD,
	SK_CTR_CRI,
	SK_CTR_LXC,
} sk_ctr_type_t;

typedef struct sk_ctr_ref {
	sk_ctr_type_t type;
	char full_id[SK_CTR_ID_MAX]; /* "" for the host */
} sk_ctr_ref_t;

/* Fill *out from cgroup text (NULL or "" -> host). Returns 1 when a
 * container was found, 0 for the host. */
int sk_ctr_from_cgroups(const char *text, size_t len, sk_ctr_ref_t *out);

/* Falco's container.type string ("docker", "podman", "cri-o",
 * "containerd", "cri", "lxc"; "" for the host). */
const char *sk_ctr_type_name(sk_ctr_type_t t);

/* The 12-character id Falco reports in container.id ("host" for the host),
 * written to out (>= SK_CTR_ID_MAX bytes). */
void sk_ctr_short_id(const sk_ctr_ref_t *r, char *out);

#endif /* SAKER_CONTAINER_CGROUP_H */
