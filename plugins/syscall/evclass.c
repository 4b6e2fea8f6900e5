/* evclass.c - event classes from the schema's names (see evclass.h). */
#include "evclass.h"

#include <pthread.h>

#include "sk_event_schema.h"

/* The rows are names, not codes: every version of a call (the schema keeps
 * older layouts under new codes) falls in its class without a list here. */
static const struct {
	const char *name;
	uint32_t cls;
} class_rows[] = {
	{"open", SK_EVC_OPEN_NAMED},
	{"openat", SK_EVC_OPEN_NAMED},
	{"openat2", SK_EVC_OPEN_NAMED},
	{"creat", SK_EVC_OPEN_NAMED | SK_EVC_CREAT},
	{"open_by_handle_at", SK_EVC_OPEN_BY_HANDLE},
	{"socket", SK_EVC_SOCKET_CREATOR},
	{"accept", SK_EVC_SOCKET_CREATOR},
	{"accept4", SK_EVC_SOCKET_CREATOR},
	{"pipe", SK_EVC_PIPE_CREATOR},
	{"pipe2", SK_EVC_PIPE_CREATOR},
	{"connect", SK_EVC_CONNECT},
};

static uint32_t classes[SK_EVT_CODE_MAX];
static pthread_once_t classes_once = PTHREAD_ONCE_INIT;

static void classes_build(void)
{
	for (size_t i = 0; i < sizeof(class_rows) / sizeof(class_rows[0]); i++) {
		uint16_t codes[SK_EVT_CODE_MAX];
		size_t n = sk_evt_codes_by_name(class_rows[i].name, codes, SK_EVT_CODE_MAX);
		for (size_t k = 0; k < n && k < SK_EVT_CODE_MAX; k++)
			classes[codes[k]] |= class_rows[i].cls;
	}
}

uint32_t sk_evclass(uint16_t code)
{
	pthread_once(&classes_once, classes_build);
	return code < SK_EVT_CODE_MAX ? classes[code] : 0;
}
