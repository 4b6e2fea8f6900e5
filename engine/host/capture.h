/*
 * capture.h - capture listening (plugin API 3.7+): plugins with
 * plugin_capture_open/close are told when a source's capture opens and
 * closes, and may subscribe "routines" the host runs repeatedly on its own
 * threads until they return false or are unsubscribed.
 *
 * Each subscribed routine gets one host thread calling fn(state, rstate)
 * in a loop. The plugin is responsible for what its routines share with
 * its other entry points (the ABI lets routines run concurrently).
 *
 * Threading: open/close on the thread that owns the source (main thread
 * at open, worker teardown at close); subscribe/unsubscribe from any thread.
 */
#ifndef SK_HOST_CAPTURE_H
#define SK_HOST_CAPTURE_H

#include "plugin.h"

/* capture_open on st; 0 or -EIO with err (the plugin's last error). */
int sk_capture_open(sk_plugin_state_t *st, char *err, size_t errlen);
/* capture_close on st, then stop and join the routines st still has. */
void sk_capture_close(sk_plugin_state_t *st);

#endif
