/*
 * plugin_schema.h - validation of a plugin's init config against the JSON
 * Schema from plugin_get_init_schema, before plugin_init (as libsinsp does
 * with valijson). Supported keywords: type, enum, const, minimum, maximum,
 * exclusiveMinimum, exclusiveMaximum, minLength, maxLength, pattern (PCRE2,
 * unanchored), required, properties, additionalProperties, items, minItems,
 * maxItems, allOf, anyOf, oneOf, not, and $ref to a local JSON pointer
 * ("#/definitions/X", "#/$defs/X", as Go-SDK plugins emit); others are
 * ignored, remote references fail.
 * Only the first error is reported: "In <root> [key] ..., <description>".
 * Threading: pure.
 */
#ifndef SK_HOST_PLUGIN_SCHEMA_H
#define SK_HOST_PLUGIN_SCHEMA_H

#include <stddef.h>
#include <jansson.h>

int sk_plugin_schema_validate(const json_t *schema, const json_t *config, char *err, size_t errlen);

#endif
