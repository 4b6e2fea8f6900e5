/*
 * sk_field_types.h - the names of field types in get_fields JSON ("uint64",
 * "string", ...), one table for the host, the SDK and saker's own plugins.
 *
 * Ownership: names point into a static, read-only table.
 * Threading: pure functions, thread-safe.
 */
#ifndef SAKER_FIELD_TYPES_H
#define SAKER_FIELD_TYPES_H

#include <stdbool.h>
#include <stdint.h>

#include "plugin_api.h"

#ifdef __cplusplus
extern "C" {
#endif

/* saker's extension beyond FTYPE_*: "int64" (the libscap PT_INT64 code),
 * understood by the saker host only; Falco hosts reject it. */
#define SK_FTYPE_INT64 4u

/* The JSON name of type ("uint64"), or NULL when type is not known. */
const char *sk_ftype_name(uint32_t type);

/* The type named name; 0, or -ENOENT when the name is not known. */
int sk_ftype_parse(const char *name, uint32_t *type);

/* True for the types of the Falco plugin ABI (every known type but
 * saker's extensions). */
bool sk_ftype_is_abi(uint32_t type);

#ifdef __cplusplus
}
#endif
#endif /* SAKER_FIELD_TYPES_H */
