/*
 * ka_fields_int.h - internal: the k8saudit field rows shared by the table
 * (ka_fields_table.c) and the extraction code (ka_fields.c).
 */
#ifndef KA_FIELDS_INT_H
#define KA_FIELDS_INT_H

#include "ka_fields.h"

/* How a row's value is computed; every kind renders non-string JSON as
 * compact JSON text, as the upstream plugin does. */
enum ka_kind {
	K_KEYS,       /* value at path; list rows need a JSON array */
	K_URI_PARAM,  /* first value of query parameter [key] in requestURI */
	K_POD_NAME,   /* objectRef.name when resource is pods without subresource */
	K_SUBJECTS,   /* requestObject.subjects of kind `a` -> name (or ns:name) */
	K_HAS_NAME,   /* constant "true" (kept for rule compatibility) */
	K_VALUES,     /* multi-valued path through arrays, nils skipped */
	K_IMAGES,     /* container images; a container without image voids it */
	K_REPOS,      /* image repository part */
	K_FIRST_IMG,  /* image of the first container */
	K_FIRST_REPO, /* repository of the first container */
	K_ANY_PRIV,   /* "true" if any container is privileged, else "false" */
	K_HOST_PORTS, /* hostPort, or containerPort when hostPort is absent */
	K_EFF,        /* container securityContext.<a>, else the pod's, else "0" */
	K_RULES,      /* requestObject.rules[].<a>[] flattened */
	K_VOL_MATCH,  /* "true" if a hostPath volume matches [key] (prefix with '*') */
	K_VOL_TYPE,   /* keys of each volume other than "name" */
	K_SRCIPS,     /* sourceIPs[] with optional index */
};

typedef struct ka_row {
	uint8_t kind;
	const char *a;          /* kind argument (container list, key, subject kind) */
	const char *path[7];    /* NULL-terminated JSON path */
} ka_row_t;

typedef struct ka_def {
	sk_sdk_field_t f;
	ka_row_t r;
} ka_def_t;

extern const ka_def_t sk__ka_defs[];
extern const size_t sk__ka_ndefs;

#endif /* KA_FIELDS_INT_H */
