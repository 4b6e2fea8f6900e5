/*
 * loader_items.h - helpers shared by the item readers (loader_items.c,
 * loader_rule.c). Loading thread only.
 */
#ifndef SK_RULES_LOADER_ITEMS_H
#define SK_RULES_LOADER_ITEMS_H

#include "loader_state.h"

enum { LD_OV_NONE = 0, LD_OV_APPEND, LD_OV_REPLACE };

sk__ld_loc_t sk__ld_loc(const sk__src_t *src, const sk__ynode_t *n);
void sk__ld_check_keys(sk__ld_state_t *st, const sk__src_t *src, const sk__ynode_t *item,
	const char *kind, const char *name, const char *const *allowed);
/* *out = the scalar (NULL if absent and !required); error when required and
 * absent/empty, or not a scalar. */
int sk__ld_get_scalar(sk__ld_state_t *st, const sk__src_t *src, const sk__ynode_t *item,
	const char *key, bool required, const char *kind, const char *name,
	const sk__ynode_t **out);
int sk__ld_get_bool(sk__ld_state_t *st, const sk__src_t *src, const sk__ynode_t *item,
	const char *key, const char *kind, const char *name, bool *present, bool *out);
int sk__ld_get_strv(sk__ld_state_t *st, const sk__src_t *src, const sk__ynode_t *v, const char *key,
	const char *kind, const char *name, char ***out, size_t *n);
int sk__ld_strv_append(char ***v, size_t *n, char *const *add, size_t nadd);
int sk__ld_override_mode(sk__ld_state_t *st, const sk__src_t *src, const sk__ynode_t *ov,
	const char *key, const char *kind, const char *name, int *mode);
int sk__ld_override_check(sk__ld_state_t *st, const sk__src_t *src, const sk__ynode_t *item,
	const sk__ynode_t *ov, bool append_flag, const char *kind, const char *name,
	const char *const *appendable, const char *const *replaceable);

sk__ld_macro_t *sk__ld_find_macro(sk__ld_state_t *st, const char *name);
int sk__ld_do_rule(sk__ld_state_t *st, const sk__src_t *src, const sk__ynode_t *item);
/* After all files: required_plugin_versions against host->plugin_version. */
int sk__ld_check_plugin_requirements(sk__ld_state_t *st);

#endif
