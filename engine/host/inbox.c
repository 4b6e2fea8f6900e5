#include "inbox.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

struct sk_inbox {
	pthread_mutex_t lock;
	ss_plugin_event **ring;
	uint32_t cap, head, len;
};

int sk_inbox_new(uint32_t capacity, sk_inbox_t **out)
{
	sk_inbox_t *q = calloc(1, sizeof(*q));
	if (!q || capacity == 0 || !(q->ring = calloc(capacity, sizeof(*q->ring)))) {
		free(q);
		return capacity ? -ENOMEM : -EINVAL;
	}
	pthread_mutex_init(&q->lock, NULL);
	q->cap = capacity;
	*out = q;
	return 0;
}

void sk_inbox_free(sk_inbox_t *q)
{
	if (!q)
		return;
	ss_plugin_event *e;
	while ((e = sk_inbox_pop(q)))
		free(e);
	pthread_mutex_destroy(&q->lock);
	free(q->ring);
	free(q);
}

bool sk_inbox_push(sk_inbox_t *q, const ss_plugin_event *evt, uint32_t plugin_id)
{
	ss_plugin_event *c = malloc(evt->len);
	if (!c)
		return false;
	memcpy(c, evt, evt->len);
	size_t off = sizeof(ss_plugin_event) + 4 * (size_t)evt->nparams;
	if (off + 4 <= evt->len)
		memcpy((unsigned char *)c + off, &plugin_id, 4);
	pthread_mutex_lock(&q->lock);
	if (q->len == q->cap) {
		pthread_mutex_unlock(&q->lock);
		free(c);
		return false;
	}
	q->ring[(q->head + q->len) % q->cap] = c;
	q->len++;
	pthread_mutex_unlock(&q->lock);
	return true;
}

ss_plugin_event *sk_inbox_pop(sk_inbox_t *q)
{
	ss_plugin_event *e = NULL;
	pthread_mutex_lock(&q->lock);
	if (q->len) {
		e = q->ring[q->head];
		q->head = (q->head + 1) % q->cap;
		q->len--;
	}
	pthread_mutex_unlock(&q->lock);
	return e;
}
