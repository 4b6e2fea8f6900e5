/*
 * loader_items.h - helpers shared by the item readers (loader_items.c,
 * loader_rule.c). Loading thread only.
 */
#ifndef SK_RULES_LOADER_ITEMS_H
#define SK_RULES_LOADER_ITEMS_H

#include "loader_state.h"

enum { LD_OV_NONE = 0, LD_OV_APPEND, LD_OV_REPLACE };

ld_loc_t ld_loc(const sk__src_t *src, const sk__ynode_t *n);
void ld_check_keys(ld_state_t *st, const sk__src_t *src, const sk__ynode_t *item,
	const char *kind, const char *name, const char *const *allowed);
/* *out = the scalar (NULL if absent and !required); error when required and
 * absent/empty, or not a scalar. */
int ld_get_scalar(ld_state_t *st, const sk__src_t *src, const sk__ynode_t *item,
	const char *key, bool required, const char *kind, const char *name,
	const sk__ynode_t **out);
int ld_get_bool(ld_state_t *st, const sk__src_t *src, const sk__ynode_t *item, const char *key,
	const char *kind, const char *name, bool *present, bool *out);
int ld_get_strv(ld_state_t *st, const sk__src_t *src, const sk__ynode_t *v, const char *key,
	const char *kind, const char *name, char ***out, size_t *n);
int ld_strv_append(char ***v, size_t *n, char *const *add, size_t nadd);
int ld_override_mode(ld_state_t *st, const sk__src_t *src, const sk__ynode_t *ov,
	const char *key, const char *kind, const char *name, int *mode);
int ld_override_check(ld_state_t *st, const sk__src_t *src, const sk__ynode_t *item,
	const sk__ynode_t *ov, bool append_flag, const char *kind, const char *name,
	const char *const *appendable, const char *const *replaceable);

ld_macro_t *ld_find_macro(ld_state_t *st, const char *name);
int ld_do_rule(ld_state_t *st, const sk__src_t *src, const sk__ynode_t *item);
/* After all files: required_plugin_versions against host->plugin_version. */
int ld_check_plugin_requirements(ld_state_t *st);

#endif
