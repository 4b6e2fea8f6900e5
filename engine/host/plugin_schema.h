/*
 * plugin_schema.h - validation of a plugin's init config against the JSON
 * Schema from plugin_get_init_schema, before plugin_init (as libsinsp does
 * with valijson). Supported keywords: type, enum, minimum, maximum,
 * required, properties, additionalProperties, items; others are ignored.
 * Only the first error is reported: "In <root> [key] ..., <description>".
 * Threading: pure.
 */
#ifndef SK_HOST_PLUGIN_SCHEMA_H
#define SK_HOST_PLUGIN_SCHEMA_H

#include <stddef.h>
#include <jansson.h>

int sk_plugin_schema_validate(const json_t *schema, const json_t *config, char *err, size_t errlen);

#endif
