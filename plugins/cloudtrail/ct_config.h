/*
 * ct_config.h - init_config parsing and validation for the cloudtrail
 * plugin, and the s3Interval forms.
 */
#ifndef CT_CONFIG_H
#define CT_CONFIG_H

#include <stddef.h>
#include <stdint.h>

#include "cloudtrail.h"

/* Fill c from init_config text (NULL or "" = defaults). 0 or -EINVAL with
 * err naming the key. */
int ct_config_load(ct_config_t *c, const char *text, char *err, size_t errlen);
void ct_config_free(ct_config_t *c);
/* The init schema (JSON Schema) text. */
extern const char sk__ct_init_schema[];

/* s3Interval: "" (everything), "<dur>" (from now-dur), "<time>" (from
 * time), "<a>-<b>" where a and b are each a duration ago or an RFC 3339
 * time. Durations: numbers with s, m, h, d, w units ("1d12h"). now is unix
 * seconds. 0 or -EINVAL. */
int ct_interval_parse(const char *s, int64_t now, int64_t *start, int64_t *end);

/* Time of a CloudTrail object key from its "_YYYYMMDDTHHmmZ_" part, unix
 * seconds; -ENOENT when the key has none. */
int ct_key_time(const char *key, int64_t *t);

#endif /* CT_CONFIG_H */
