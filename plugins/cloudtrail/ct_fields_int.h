/*
 * ct_fields_int.h - internal: the field rows shared by the table
 * (ct_fields_table.c) and the extraction code (ct_fields.c).
 */
#ifndef CT_FIELDS_INT_H
#define CT_FIELDS_INT_H

#include "ct_fields.h"

enum ct_kind {
	K_STR,        /* string at path (other JSON values as compact text; null: none) */
	K_JSON,       /* any value at path as compact JSON text */
	K_SHORTSRC,   /* eventSource without ".amazonaws.com" */
	K_USER,       /* user name by identity type */
	K_ORIGUSER,   /* session name for AssumedRole, else userIdentity.userName */
	K_ACCOUNT,    /* userIdentity.accountId, else recipientAccountId */
	K_INFO,       /* one-line summary */
	K_BOOL,       /* JSON boolean at path as "true"/"false" */
	K_READONLY,   /* readOnly, else guessed from the eventName verb */
	K_RESOURCES,  /* resources[] as JSON texts joined by ',' */
	K_S3URI,      /* s3://bucketName/key */
	K_BYTES,      /* bytesTransferredIn + bytesTransferredOut */
	K_U64,        /* number at path */
	K_CNT_GET,    /* 1 for GetObject */
	K_CNT_PUT,    /* 1 for PutObject */
	K_CNT_OTHER,  /* 1 for anything but GetObject/PutObject */
	K_EC2NAME,    /* Name tag of the instance tag specification */
	K_EC2IMAGE,   /* image id of the first instance */
	K_EC2IMAGES,  /* image ids of every instance (list) */
};

typedef struct ct_def {
	sk_sdk_field_t f;
	uint8_t kind;
	const char *path[4];  /* NULL-terminated key path */
} ct_def_t;

extern const ct_def_t sk__ct_defs[];
extern const size_t sk__ct_ndefs;

#endif /* CT_FIELDS_INT_H */
