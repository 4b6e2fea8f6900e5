/*
 * runtime.h - container metadata from the runtimes' local APIs.
 *
 *   Docker Engine API (also served by podman): GET /containers/<id>/json
 *   CRI-O inspect API (HTTP on crio.sock):     GET /containers/<id>
 *
 * Both are HTTP/1.x over a unix socket. containerd speaks only gRPC and is
 * not queried (its containers keep the cgroup-derived id and type).
 *
 * sk_rt_http_get() does blocking I/O (libcurl) bounded by a total deadline;
 * it is called only from the container plugin's lookup thread. The parsers are
 * pure. sk_ctr_info_t is a plain value: the caller owns it and frees its
 * members with sk_ctr_info_clear().
 */
#ifndef SAKER_CONTAINER_RUNTIME_H
#define SAKER_CONTAINER_RUNTIME_H

#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "cgroup.h"

typedef struct sk_ctr_mount {
	char *source, *dest, *mode, *propagation;
	int rw;
} sk_ctr_mount_t;

typedef struct sk_ctr_info {
	char *name, *image, *image_id, *image_repo, *image_tag, *image_digest;
	char *ip;
	int privileged, host_pid, host_network, host_ipc;
	uint64_t created_ns; /* runtime's start time, 0 if unknown */
	sk_ctr_mount_t *mounts;
	size_t nmounts;
	json_t *labels; /* object of string values (owned), or NULL */
} sk_ctr_info_t;

void sk_ctr_info_clear(sk_ctr_info_t *c);

/* libcurl's global state: sk_rt_http_init() once before any thread calls
 * sk_rt_http_get() (the container store does it before starting its lookup
 * thread), sk_rt_http_cleanup() once per successful init, after them. */
int sk_rt_http_init(char *err, size_t errlen);
void sk_rt_http_cleanup(void);

/* GET path over the unix socket at sock_path (libcurl,
 * CURLOPT_UNIX_SOCKET_PATH; plain HTTP, no redirects, no proxy). Total time
 * bounded by timeout_ms (connect + send + receive); the body is capped at
 * max_bytes. On success returns 0 with *status (HTTP status) and *body
 * (malloc'd, NUL terminated, *blen bytes; transfer coding removed).
 * Negative errno on failure (-ETIMEDOUT, -ECONNREFUSED, -ENOENT, -EPROTO for
 * a malformed answer, -EMSGSIZE), err filled. Thread-safe after
 * sk_rt_http_init(). */
int sk_rt_http_get(const char *sock_path, const char *path, int timeout_ms, size_t max_bytes,
	int *status, char **body, size_t *blen, char *err, size_t errlen);

/* Map a Docker/podman inspect document. Returns 0 or -EPROTO (not a JSON
 * object / no container in it), err filled. Labels longer than
 * label_max_len are dropped (0: no limit). */
int sk_rt_parse_docker(const char *body, size_t len, size_t label_max_len, sk_ctr_info_t *out,
	char *err, size_t errlen);

/* Map a CRI-O inspect document (same contract). */
int sk_rt_parse_crio(const char *body, size_t len, size_t label_max_len, sk_ctr_info_t *out,
	char *err, size_t errlen);

/* Split an image reference into repository, tag and digest (each malloc'd,
 * "" when absent): "reg:5000/ns/app:1.2@sha256:ab" -> "reg:5000/ns/app",
 * "1.2", "sha256:ab". */
int sk_rt_split_image(const char *image, char **repo, char **tag, char **digest);

/* Kubernetes metadata for a CRI container from the kubelet's log links:
 * <dir>/<pod>_<namespace>_<container>-<full_id>.log (any CRI runtime,
 * containerd included). Fills name and the io.kubernetes.pod.name /
 * .pod.namespace / .container.name labels; other strings "". Returns 0,
 * -ENOENT (no link for that id) or another negative errno. */
int sk_rt_k8s_log_lookup(const char *dir, const char *full_id, sk_ctr_info_t *out);

/* RFC 3339 time ("2024-05-01T10:00:00.123456789Z", offsets allowed) to ns
 * since the epoch; 0 when unparsable or the zero time. */
uint64_t sk_rt_parse_time(const char *s);

#endif /* SAKER_CONTAINER_RUNTIME_H */
