/*
 * cli.h - pieces of the `saker` command shared by main.c and list.c.
 */
#ifndef SK_CLI_H
#define SK_CLI_H

#include <stdio.h>

#include "registry.h"
#include "../rules/rules.h"

/* --list-plugins: Falco's layout ("N Plugins Loaded:", then per plugin
 * Name/Description/Contact/Version/Capabilities). */
void sk_cli_list_plugins(FILE *out, const sk_registry_t *reg);
/* -L/--list [source]: fields per source with type and description.
 * Returns 0, or -ENOENT when source is given but unknown. */
int sk_cli_list_fields(FILE *out, const sk_registry_t *reg, const char *source);
/* --plugin-info <name>: details, init schema and open params of one plugin
 * (name from the configuration or plugin_get_name). -ENOENT if not loaded. */
int sk_cli_plugin_info(FILE *out, const sk_registry_t *reg, const char *name);
/* --list-correlations: each correlation with its kind, window, key, steps
 * (rule or inline condition with its source), until, state and origin. */
void sk_cli_list_correlations(FILE *out, const sk_ruleset_t *rs);
/* One line "N correlations (M enabled, K skipped: plugin not loaded)" on
 * out, or logged at info level when out is NULL; nothing when N is 0. */
void sk_cli_correlation_summary(FILE *out, const sk_ruleset_t *rs);
/* The /versions JSON (malloc'd). */
char *sk_cli_versions_json(const sk_registry_t *reg);

#endif
