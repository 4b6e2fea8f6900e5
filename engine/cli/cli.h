/*
 * cli.h - pieces of the `saker` command shared by main.c and list.c.
 */
#ifndef SK_CLI_H
#define SK_CLI_H

#include <stdio.h>

#include "registry.h"

/* --list-plugins: Falco's layout ("N Plugins Loaded:", then per plugin
 * Name/Description/Contact/Version/Capabilities). */
void sk_cli_list_plugins(FILE *out, const sk_registry_t *reg);
/* -L/--list [source]: fields per source with type and description.
 * Returns 0, or -ENOENT when source is given but unknown. */
int sk_cli_list_fields(FILE *out, const sk_registry_t *reg, const char *source);
/* --plugin-info <name>: details, init schema and open params of one plugin
 * (name from the configuration or plugin_get_name). -ENOENT if not loaded. */
int sk_cli_plugin_info(FILE *out, const sk_registry_t *reg, const char *name);
/* The /versions JSON (malloc'd). */
char *sk_cli_versions_json(const sk_registry_t *reg);

#endif
