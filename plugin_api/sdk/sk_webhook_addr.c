/* sk_webhook_addr.c - webhook URL parsing and the listening socket. */
#include "sk_webhook.h"
#include "sk_webhook_tls.h"

#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int sk_webhook_parse_url(const char *url, bool *tls, char **host, unsigned *port, char **path,
	char *err, size_t errlen)
{
	const char *p, *hs, *he, *ps;
	char *end;
	unsigned long pn;

	*host = *path = NULL;
	if (strncmp(url, "http://", 7) == 0) {
		*tls = false;
		p = url + 7;
	} else if (strncmp(url, "https://", 8) == 0) {
		*tls = true;
		p = url + 8;
	} else {
		snprintf(err, errlen, "webhook URL must start with http:// or https://: %s", url);
		return -EINVAL;
	}
	ps = strchr(p, '/');
	if (!ps)
		ps = p + strlen(p);
	hs = p;
	if (*hs == '[') {
		he = memchr(hs, ']', (size_t)(ps - hs));
		if (!he) {
			snprintf(err, errlen, "bad IPv6 address in webhook URL: %s", url);
			return -EINVAL;
		}
		*host = strndup(hs + 1, (size_t)(he - hs - 1));
		he++;
	} else {
		he = memchr(hs, ':', (size_t)(ps - hs));
		if (!he)
			he = ps;
		*host = strndup(hs, (size_t)(he - hs));
	}
	*port = *tls ? 443 : 80;
	if (*he == ':') {
		errno = 0;
		pn = strtoul(he + 1, &end, 10);
		if (errno || end != ps || end == he + 1 || pn > 65535) {
			snprintf(err, errlen, "bad port in webhook URL: %s", url);
			free(*host);
			*host = NULL;
			return -EINVAL;
		}
		*port = (unsigned)pn;
	} else if (he != ps) {
		snprintf(err, errlen, "bad host in webhook URL: %s", url);
		free(*host);
		*host = NULL;
		return -EINVAL;
	}
	*path = strdup(*ps ? ps : "/");
	if (!*host || !*path) {
		free(*host);
		free(*path);
		*host = *path = NULL;
		return -ENOMEM;
	}
	return 0;
}

int sk__wh_bind_listen(const char *host, unsigned port, unsigned backlog, int *fd_out, bool *v6,
	char *err, size_t errlen)
{
	struct addrinfo hints = { 0 }, *res = NULL, *ai;
	char pbuf[8];
	int fd = -1, one = 1, zero = 0, rc, e = 0;

	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
	snprintf(pbuf, sizeof(pbuf), "%u", port);
	/* an empty host means every address: prefer a dual-stack IPv6 socket */
	if (!*host)
		hints.ai_family = AF_INET6;
	rc = getaddrinfo(*host ? host : NULL, pbuf, &hints, &res);
	if (rc != 0 && !*host) {
		hints.ai_family = AF_INET;
		rc = getaddrinfo(NULL, pbuf, &hints, &res);
	}
	if (rc != 0) {
		snprintf(err, errlen, "cannot resolve webhook address '%s': %s", host, gai_strerror(rc));
		return -EINVAL;
	}
	for (ai = res; ai; ai = ai->ai_next) {
		fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC, ai->ai_protocol);
		if (fd < 0) {
			e = errno;
			continue;
		}
		setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
		if (ai->ai_family == AF_INET6 && !*host)
			setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &zero, sizeof(zero));
		if (bind(fd, ai->ai_addr, ai->ai_addrlen) == 0 && listen(fd, (int)backlog) == 0) {
			*v6 = ai->ai_family == AF_INET6;
			break;
		}
		e = errno;
		close(fd);
		fd = -1;
	}
	freeaddrinfo(res);
	if (fd < 0) {
		snprintf(err, errlen, "cannot listen on %s:%u: %s", *host ? host : "*", port, strerror(e));
		return -(e ? e : EADDRNOTAVAIL);
	}
	*fd_out = fd;
	return 0;
}
