/* The inbox is a ring of event copies stamped with their plugin's id. */
#include "inbox.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "sk_event_schema.h"
#include "../util/ring.h"

struct sk_inbox {
	sk_ring_t ring;
};

int sk_inbox_new(uint32_t capacity, sk_inbox_t **out)
{
	sk_inbox_t *q = calloc(1, sizeof(*q));
	if (!q)
		return -ENOMEM;
	int rc = sk_ring_init(&q->ring, capacity);
	if (rc < 0) {
		free(q);
		return rc;
	}
	*out = q;
	return 0;
}

void sk_inbox_free(sk_inbox_t *q)
{
	if (!q)
		return;
	sk_ring_destroy(&q->ring, free);
	free(q);
}

bool sk_inbox_push(sk_inbox_t *q, const ss_plugin_event *evt, uint32_t plugin_id)
{
	uint32_t len = sk_evt_get_len(evt);
	uint8_t *c = malloc(len);
	if (!c)
		return false;
	memcpy(c, evt, len);
	size_t off = SK_EVT_HEADER_LEN + 4 * (size_t)sk_evt_get_nparams(evt);
	if (off + 4 <= len)
		memcpy(c + off, &plugin_id, 4);
	if (!sk_ring_push(&q->ring, c, 0)) {
		free(c);
		return false;
	}
	return true;
}

ss_plugin_event *sk_inbox_pop(sk_inbox_t *q)
{
	return sk_ring_pop(&q->ring);
}
