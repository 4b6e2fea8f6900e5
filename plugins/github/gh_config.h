/*
 * gh_config.h - init_config parsing for the github plugin (keys in
 * docs/github.md) and the JSON schema the host can validate against.
 *
 * Ownership: gh_config_load fills a caller-owned gh_config_t; free it with
 * gh_config_free (secrets and the token are wiped first).
 */
#ifndef GH_CONFIG_H
#define GH_CONFIG_H

#include "github.h"

extern const char sk__gh_init_schema[];

int gh_config_load(gh_config_t *c, const char *text, char *err, size_t errlen);
void gh_config_free(gh_config_t *c);
/* Append a secret (takes ownership); -ENOSPC past GH_MAX_SECRETS. */
int gh_config_add_secret(gh_config_t *c, char *s, char *err, size_t errlen);

#endif /* GH_CONFIG_H */
