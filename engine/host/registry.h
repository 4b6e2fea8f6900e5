/*
 * registry.h - the loaded plugins (by name), their primary states, the
 * event sources they open, and the field catalogue the rules compile
 * against (sk_rules_host_t).
 *
 * Extractor indexes in sk_field_info_t: 0 is the built-in evt.* extractor
 * (engine/events), i + 1 is plugins[i].
 *
 * Ownership: the registry owns plugins and primary states. Threading:
 * built and queried on the main thread; read-only afterwards, so workers
 * may read it concurrently.
 */
#ifndef SK_HOST_REGISTRY_H
#define SK_HOST_REGISTRY_H

#include <stdbool.h>
#include <stddef.h>

#include "plugin.h"
#include "../config/config.h"
#include "../rules/rules.h"

typedef struct sk_registry {
	sk_plugin_t **plugins;
	sk_plugin_state_t **primary;   /* one initialised state per plugin */
	bool *primary_claimed;         /* taken by a source worker (main thread only) */
	size_t n;
	sk_rules_host_t host;          /* field catalogue for the rules */
} sk_registry_t;

/* Load, validate and initialise every configured plugin, in order, then
 * check the cross-plugin rules: one plugin per event source and id, no
 * field overlap per source (Falco's message), every extractor/parser
 * On failure err holds one line naming the
 * plugin, the library path and the reason:
 *   "plugin '<name>': cannot load plugin <path>: <reason>"
 *   "plugin '<name>': cannot initialize plugin <path>: could not initialize plugin: <last error>"
 *   "Plugin '<name>' supports extraction of field '<f>' that is overlapping for source '<src>'"
 */
int sk_registry_load(const sk_config_plugin_t *cfg, size_t n, sk_registry_t **out, char *err,
	size_t errlen);
/* Every extractor/parser must be compatible with a loaded source, else
 * "Plugin '<name>' is loaded but unused as not compatible with any known event source". */
int sk_registry_check_used(const sk_registry_t *r, char *err, size_t errlen);
void sk_registry_free(sk_registry_t *r); /* NULL-safe; destroys primary states */

sk_plugin_t *sk_registry_find(const sk_registry_t *r, const char *name);
/* For sk_rules_opts_t.event_deliverable (ctx: the registry): false only
 * when the source's plugin lists the evt.type names its configured open
 * parameters deliver (saker_get_event_names) and name is not one. */
bool sk_registry_event_deliverable(void *ctx, const char *source, const char *name);
bool sk_registry_source_known(const sk_registry_t *r, const char *source);
/* Plugin (sourcing) providing source, or NULL. */
sk_plugin_t *sk_registry_source_plugin(const sk_registry_t *r, const char *source);
/* Is plugin p's extraction (or parsing) usable on source? */
bool sk_registry_extracts(const sk_plugin_t *p, const char *source);
bool sk_registry_parses(const sk_plugin_t *p, const char *source);

/* Every field usable for source, in catalogue order (plugins first, evt.*
 * last; shadowed built-ins are skipped). Calls fn for each. */
void sk_registry_foreach_field(const sk_registry_t *r, const char *source,
	void (*fn)(void *ud, const sk_field_info_t *f, const sk_plugin_t *owner), void *ud);

#endif
