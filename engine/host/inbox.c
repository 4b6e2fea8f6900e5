/* The inbox is a ring of event copies stamped with their plugin's id. */
#include "inbox.h"

#include <stdlib.h>
#include <string.h>

#include "sk_event_schema.h"

int sk_inbox_new(uint32_t capacity, sk_inbox_t **out)
{
	return sk_ring_new(capacity, out);
}

void sk_inbox_free(sk_inbox_t *q)
{
	sk_ring_free(q, free);
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
	if (!sk_ring_push(q, c, 0)) {
		free(c);
		return false;
	}
	return true;
}

ss_plugin_event *sk_inbox_pop(sk_inbox_t *q)
{
	return sk_ring_pop(q);
}
