/*
 * render.h - value formats of the syscall fields, as Falco/sysdig print
 * them: addresses and tuples, flag sets, errno and signal names,
 * capability sets, paths; and event parameters as text.
 * Ownership: outputs go to caller buffers. Threading: the formatters are
 * pure functions; sk_render_param reads the tables of the extraction
 * context's sk_sys_t, so it runs on the thread that owns it.
 */
#ifndef SK_SYSCALL_RENDER_H
#define SK_SYSCALL_RENDER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sk_event_schema.h"

typedef struct sk_sockaddr {
	uint8_t family;          /* SK_PPM_AF_* */
	uint8_t ip[16];          /* v4 in the first 4 bytes */
	uint16_t port;
	const char *path;        /* unix; points into the event */
} sk_sockaddr_t;

typedef struct sk_socktuple {
	uint8_t family;
	uint8_t sip[16], dip[16]; /* source (client side) and destination */
	uint16_t sport, dport;
	const char *path;         /* unix */
	uint64_t usrc, udst;
} sk_socktuple_t;

bool sk_parse_sockaddr(const sk_evt_param_t *p, sk_sockaddr_t *out);
bool sk_parse_socktuple(const sk_evt_param_t *p, sk_socktuple_t *out);

/* "1.2.3.4" or an IPv6 text form. */
void sk_fmt_ip(char *buf, size_t cap, bool v6, const uint8_t *ip);
/* "ip:port". */
void sk_fmt_ipport(char *buf, size_t cap, bool v6, const uint8_t *ip, uint16_t port);

/* "O_RDONLY|O_CLOEXEC" (bit flags) or the name of an enum value. */
void sk_fmt_flags(char *buf, size_t cap, const sk_flag_name_t *names, uint32_t val, bool is_enum);
/* "ENOENT", or NULL if unknown. */
const char *sk_errno_name(int64_t err);
const char *sk_signal_name(int sig);
/* Space-separated "CAP_CHOWN CAP_KILL ..." names of the bits in caps. */
void sk_fmt_caps(char *buf, size_t cap, uint64_t caps);

/* Joins base and rel into an absolute, normalised path ("." and ".."
 * removed, no duplicate '/'). rel absolute: base is ignored. */
void sk_path_join(char *buf, size_t cap, const char *base, const char *rel);

/* Renders a parameter as the text Falco shows; resolved adds fd names,
 * flag names, errno names, user names and absolute paths. pi is the row of
 * p, from the event's own row or its paired enter event's (see evview.h). */
typedef struct sk_xctx sk_xctx_t;
void sk_render_param(sk_xctx_t *c, const sk_evt_param_info_t *pi, const sk_evt_param_t *p,
	bool resolved, char *buf, size_t cap);

#endif
