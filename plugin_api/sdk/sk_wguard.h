/*
 * sk_wguard.h - connection guard for libmicrohttpd daemons: caps, absolute
 * deadlines and dead-peer release (part of the `sk_webhook` library; the
 * host's web server uses it too).
 *
 * libmicrohttpd 0.9.75 only has an idle timeout, which a peer trickling one
 * header byte every few seconds never trips, and with edge-triggered epoll
 * it misses a FIN that arrives together with a partial request, keeping the
 * slot until that idle timeout. The guard records every connection
 * (MHD_OPTION_NOTIFY_CONNECTION) with its phase and deadline; sweep(),
 * called every ~100 ms, shuts down (shutdown(2), never close(2): the daemon
 * still owns the fd and then sees EOF and releases the connection) the
 * sockets past their deadline and those whose peer closed mid-request with
 * nothing left unread. Accepts are filtered by MHD_OPTION_APC: a total cap,
 * a per-IP cap and a cap on connections not yet authenticated, so that
 * authenticated keep-alive clients keep room.
 *
 * Phases: HEADERS (from accept, or from the end of the previous request;
 * header deadline, including the TLS handshake) -> BODY (headers in; body
 * deadline) -> RESPONDING (request complete; no guard deadline) -> back to
 * HEADERS after the response (keep-alive; an authenticated connection gets
 * keepalive_ms instead of header_timeout_ms).
 *
 * Wiring (see sk_webhook.c, engine/web/web.c): MHD_OPTION_APC sk_wguard_apc,
 * MHD_OPTION_NOTIFY_CONNECTION sk_wguard_notify, both with the guard as
 * closure; MHD_OPTION_CONNECTION_LIMIT sk_wguard_mhd_limit(); the access
 * handler calls sk_wguard_headers_in on its first call, sk_wguard_auth once
 * the peer is authenticated, sk_wguard_body_in when the body is complete;
 * MHD_OPTION_NOTIFY_COMPLETED calls sk_wguard_request_end.
 *
 * Threading: every function may be called from any thread (one mutex),
 * except sk_wguard_sweep: one sweeping thread per guard at a time.
 * Ownership: create/destroy; destroy only after the daemon is stopped.
 */
#ifndef SK_WGUARD_H
#define SK_WGUARD_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/socket.h>

#include <microhttpd.h>

typedef struct sk_wguard sk_wguard_t;

typedef struct sk_wguard_limits {
	unsigned max_conns;          /* total (default 512) */
	unsigned max_conns_per_ip;   /* default 64 */
	unsigned max_unauth_conns;   /* not yet authenticated (default 3/4 of max_conns) */
	unsigned header_timeout_ms;  /* absolute, from accept / previous response (5000) */
	unsigned body_timeout_ms;    /* absolute, from the end of the headers (30000) */
	unsigned keepalive_ms;       /* authenticated idle keep-alive deadline (30000) */
} sk_wguard_limits_t;

enum sk_wguard_counter {
	SK_WG_ACCEPTED,          /* connections admitted */
	SK_WG_REF_TOTAL,         /* refused: total cap */
	SK_WG_REF_PER_IP,        /* refused: per-IP cap */
	SK_WG_REF_UNAUTH,        /* refused: cap on unauthenticated connections */
	SK_WG_HEADER_TIMEOUT,    /* cut: header deadline (or keep-alive deadline) */
	SK_WG_BODY_TIMEOUT,      /* cut: body deadline */
	SK_WG_PEER_CLOSED,       /* released: peer closed mid-request */
	SK_WG_COUNT
};

/* Fills defaults for zero fields; -EINVAL when max_unauth_conns or
 * max_conns_per_ip exceed max_conns. */
int sk_wguard_create(sk_wguard_t **out, const sk_wguard_limits_t *lim, char *err, size_t errlen);
void sk_wguard_destroy(sk_wguard_t *g); /* NULL-safe */
const sk_wguard_limits_t *sk_wguard_limits(const sk_wguard_t *g);
/* The value for MHD_OPTION_CONNECTION_LIMIT: above the guard's own cap so
 * refusals happen (and are counted) in the guard, not silently in MHD. */
unsigned sk_wguard_mhd_limit(const sk_wguard_t *g);

enum MHD_Result sk_wguard_apc(void *g, const struct sockaddr *addr, socklen_t addrlen);
void sk_wguard_notify(void *g, struct MHD_Connection *c, void **socket_context,
	enum MHD_ConnectionNotificationCode code);
void sk_wguard_headers_in(sk_wguard_t *g, struct MHD_Connection *c);
void sk_wguard_auth(sk_wguard_t *g, struct MHD_Connection *c);
void sk_wguard_body_in(sk_wguard_t *g, struct MHD_Connection *c);
void sk_wguard_request_end(sk_wguard_t *g, struct MHD_Connection *c);

/* Shuts down expired and dead connections; returns how many. */
unsigned sk_wguard_sweep(sk_wguard_t *g);

uint64_t sk_wguard_counter(const sk_wguard_t *g, enum sk_wguard_counter k);
const char *sk_wguard_counter_name(enum sk_wguard_counter k);
unsigned sk_wguard_open(const sk_wguard_t *g);    /* current connections */
unsigned sk_wguard_unauth(const sk_wguard_t *g);  /* of which not authenticated */

/* True when the request carries two Content-Length headers that differ
 * (request smuggling); identical repeats are tolerated (RFC 9110 8.6). */
bool sk_wguard_dup_content_length(struct MHD_Connection *c);

#endif /* SK_WGUARD_H */
