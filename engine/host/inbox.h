/*
 * inbox.h - a bounded queue of event copies: async events handed to the
 * host by a plugin's own threads (plugin_set_async_event_handler) wait here
 * until their source worker picks them up between batches.
 *
 * Ownership: push copies the event; pop returns a malloc'd event the caller
 * frees. Threading: push from any thread, pop from the worker thread.
 */
#ifndef SK_HOST_INBOX_H
#define SK_HOST_INBOX_H

#include <stdbool.h>
#include <stdint.h>

#include "plugin_api.h"
#include "../util/ring.h"

/* A ring whose items are malloc'd events. */
typedef sk_ring_t sk_inbox_t;

int sk_inbox_new(uint32_t capacity, sk_inbox_t **out);
void sk_inbox_free(sk_inbox_t *q); /* NULL-safe; frees queued events */
/* Copy evt, writing plugin_id into its first parameter (right after the
 * nparams 4-byte lengths). false when full or out of memory (nothing queued). */
bool sk_inbox_push(sk_inbox_t *q, const ss_plugin_event *evt, uint32_t plugin_id);
ss_plugin_event *sk_inbox_pop(sk_inbox_t *q);

#endif
