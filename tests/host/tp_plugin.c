/*
 * Test plugin for the host tests, built against the ABI headers only
 * (plugin_api.h, and the header accessors of sk_event_schema.h). One
 * source, variants selected by compile definitions (each built as its own
 * .so) so the loader's refusals can be checked one by one:
 *   TP_NAME, TP_API, TP_VERSION, TP_ID, TP_SOURCE, TP_FIELDSET (0..3),
 *   TP_XSRC (1: ["syscall"], 2: ["nosuch"]), TP_NO_CONTACT, TP_NO_NEXT_BATCH,
 *   TP_NO_SOURCING, TP_NO_GET_FIELDS, TP_NO_EXTRACT, TP_INIT_FAIL,
 *   TP_ASYNC_HANDLER_ONLY, TP_PARSE, TP_SYSCALL_EVENTS, TP_BAD_ID, TP_ASYNC
 *   (async-only plugin), TP_SET_TYPES (exports saker_set_event_types),
 *   TP_BLOCK (next_batch blocks forever after the first batch), TP_CAPTURE
 *   (pure capture listener with two routines), TP_SCHEMA (1: valid init
 *   schema, 2: a schema that is not a JSON object).
 * open params: "<count>" (default 10) or "inf" (never ends, TIMEOUT between
 * batches of 4). Event n carries "n=<n>"; even n are "hello", odd "secret".
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "plugin_api.h"
#include "sk_event_schema.h"

#ifndef TP_NAME
#define TP_NAME "tp"
#endif
#ifndef TP_API
#define TP_API "3.11.0"
#endif
#ifndef TP_VERSION
#define TP_VERSION "1.2.3"
#endif
#ifndef TP_ID
#define TP_ID 999
#endif
#ifndef TP_SOURCE
#define TP_SOURCE "tpsrc"
#endif
#if defined(TP_FIELDSET) && TP_FIELDSET == 1
#define TP_FIELDS "[{\"name\":\"tp.bad\",\"type\":\"float\",\"desc\":\"d\"}]"
#elif defined(TP_FIELDSET) && TP_FIELDSET == 2
#define TP_FIELDS "[{\"name\":\"tpx.n\",\"type\":\"uint64\",\"desc\":\"index seen by tpx\"}]"
#elif defined(TP_FIELDSET) && TP_FIELDSET == 3
#define TP_FIELDS "[{\"name\":\"tpu.n\",\"type\":\"uint64\",\"desc\":\"unused\"}]"
#else
#define TP_FIELDS                                                                               \
	"[{\"name\":\"tp.n\",\"type\":\"uint64\",\"desc\":\"event index\",\"display\":\"\","   \
	"\"arg\":{\"isRequired\":false,\"isIndex\":false,\"isKey\":false},\"properties\":null}," \
	"{\"name\":\"tp.msg\",\"type\":\"string\",\"desc\":\"hello or secret\"},"                 \
	"{\"name\":\"tp.neg\",\"type\":\"int64\",\"desc\":\"minus the index\"},"                  \
	"{\"name\":\"tp.words\",\"type\":\"string\",\"isList\":true,\"desc\":\"two words\"},"      \
	"{\"name\":\"tp.hidden\",\"type\":\"string\",\"desc\":\"hidden\",\"properties\":[\"hidden\"]}]"
#endif

typedef struct tp_state {
	char lasterr[256];
	uint64_t emitted;
	ss_plugin_metric metrics[2];
	uint64_t parsed;
	uint64_t u64;
	const char *str;
	const char *words[2];
	char buf[64];
	void *owner;
	const char *(*owner_err)(ss_plugin_owner_t *);
	ss_plugin_log_fn_t log;
} tp_state_t;

typedef struct tp_inst {
	uint64_t next, count;
	bool inf;
	unsigned char *bufs[8];
	ss_plugin_event *evts[8];
	bool timeout_next;
} tp_inst_t;

const char *plugin_get_required_api_version(void) { return TP_API; }
const char *plugin_get_version(void) { return TP_VERSION; }
const char *plugin_get_name(void) { return TP_NAME; }
const char *plugin_get_description(void) { return "host test plugin"; }
#ifndef TP_NO_CONTACT
const char *plugin_get_contact(void) { return "tests/host"; }
#endif

ss_plugin_t *plugin_init(const ss_plugin_init_input *in, ss_plugin_rc *rc)
{
	tp_state_t *s = calloc(1, sizeof(*s));
	if (!s) {
		*rc = SS_PLUGIN_FAILURE;
		return NULL;
	}
	s->owner = in->owner;
	s->owner_err = in->get_owner_last_error;
	s->log = in->log_fn;
#ifdef TP_INIT_FAIL
	snprintf(s->lasterr, sizeof(s->lasterr), "boom: config was %s", in->config);
	*rc = SS_PLUGIN_FAILURE;
	return s;
#endif
	/* The host must hand a usable tables struct to extractors/parsers. */
	if (in->tables) {
		uint32_t nt = 99;
		in->tables->list_tables(in->owner, &nt);
		if (nt == 99) {
			snprintf(s->lasterr, sizeof(s->lasterr), "list_tables did not answer");
			*rc = SS_PLUGIN_FAILURE;
			return s;
		}
	}
	if (strcmp(in->config, "{}") != 0 && strstr(in->config, "\"fail\"")) {
		snprintf(s->lasterr, sizeof(s->lasterr), "config asked to fail: %s", in->config);
		*rc = SS_PLUGIN_FAILURE;
		return s;
	}
	if (s->log)
		s->log(in->owner, NULL, in->config, SS_PLUGIN_LOG_SEV_INFO);
	*rc = SS_PLUGIN_SUCCESS;
	return s;
}

void plugin_destroy(ss_plugin_t *s) { free(s); }

ss_plugin_metric *plugin_get_metrics(ss_plugin_t *s, uint32_t *num_metrics)
{
	tp_state_t *st = s;
	st->metrics[0] = (ss_plugin_metric){.name = "events.emitted",
		.type = SS_PLUGIN_METRIC_TYPE_MONOTONIC,
		.value = {.u64 = st->emitted},
		.value_type = SS_PLUGIN_METRIC_VALUE_TYPE_U64};
	/* a fractional gauge: exported whole, not truncated */
	st->metrics[1] = (ss_plugin_metric){.name = "load.ratio",
		.type = SS_PLUGIN_METRIC_TYPE_NON_MONOTONIC,
		.value = {.d = 0.625},
		.value_type = SS_PLUGIN_METRIC_VALUE_TYPE_D};
	*num_metrics = 2;
	return st->metrics;
}
const char *plugin_get_last_error(ss_plugin_t *s) { return ((tp_state_t *)s)->lasterr; }

#ifndef TP_NO_SOURCING
uint32_t plugin_get_id(void) { return TP_ID; }
const char *plugin_get_event_source(void) { return TP_SOURCE; }

ss_instance_t *plugin_open(ss_plugin_t *s, const char *params, ss_plugin_rc *rc)
{
	tp_state_t *st = s;
	tp_inst_t *i = calloc(1, sizeof(*i));
	if (!i) {
		*rc = SS_PLUGIN_FAILURE;
		return NULL;
	}
	if (strcmp(params, "inf") == 0) {
		i->inf = true;
	} else if (strncmp(params, "await:", 6) == 0) {
		/* A source still opening until the test creates the file (at
		 * most 300 s), then endless: start-up held open on demand. */
		for (int k = 0; k < 30000 && access(params + 6, F_OK) != 0; k++)
			usleep(10000);
		i->inf = true;
	} else if (params[0]) {
		char *end;
		i->count = strtoull(params, &end, 10);
		if (*end) {
			snprintf(st->lasterr, sizeof(st->lasterr), "bad open params '%s'", params);
			free(i);
			*rc = SS_PLUGIN_FAILURE;
			return NULL;
		}
	} else {
		i->count = 10;
	}
	for (int k = 0; k < 8; k++) {
		i->bufs[k] = calloc(1, 256);
		i->evts[k] = (ss_plugin_event *)i->bufs[k];
	}
	*rc = SS_PLUGIN_SUCCESS;
	return i;
}

void plugin_close(ss_plugin_t *s, ss_instance_t *h)
{
	(void)s;
	tp_inst_t *i = h;
	for (int k = 0; k < 8; k++)
		free(i->bufs[k]);
	free(i);
}

#ifndef TP_NO_NEXT_BATCH
ss_plugin_rc plugin_next_batch(ss_plugin_t *s, ss_instance_t *h, uint32_t *nevts,
	ss_plugin_event ***evts)
{
	tp_inst_t *i = h;
	*nevts = 0;
	*evts = i->evts;
#ifdef TP_BLOCK
	/* A source that never returns after its first batch (a blocked reader). */
	if (i->next > 0)
		for (;;)
			sleep(1);
#endif
	if (i->inf && i->timeout_next) {
		i->timeout_next = false;
		return SS_PLUGIN_TIMEOUT;
	}
	uint32_t n = 0;
	while (n < (i->inf ? 4u : 8u) && (i->inf || i->next < i->count)) {
		unsigned char *b = i->bufs[n];
		char payload[64];
		int pl = snprintf(payload, sizeof(payload), "n=%llu", (unsigned long long)i->next);
#ifdef TP_SYSCALL_EVENTS
		/* A syscall-source plugin: type 3 ("open" exit in the schema) with no params. */
		sk_evt_set_ts(b, 1470327477881781397ull + i->next);
		sk_evt_set_tid(b, 42);
		sk_evt_set_len(b, SK_EVT_HEADER_LEN);
		sk_evt_set_type(b, 3);
		sk_evt_set_nparams(b, 0);
		(void)pl;
#else
#ifdef TP_BAD_ID
		uint32_t id = 12345;
#else
		uint32_t id = 0; /* the host fills it */
#endif
		sk_evt_plugin_header(b, i->next == 0 ? UINT64_MAX : 1470327477881781397ull + i->next,
			id, (uint32_t)pl);
		sk_evt_set_tid(b, 7);
		memcpy(b + SK_EVT_PLUGIN_HDR_LEN, payload, (size_t)pl);
#endif
		i->next++;
		n++;
	}
	((tp_state_t *)s)->emitted += n;
	*nevts = n;
	if (i->inf) {
		i->timeout_next = true;
		return SS_PLUGIN_SUCCESS;
	}
	return i->next >= i->count ? SS_PLUGIN_EOF : SS_PLUGIN_SUCCESS;
}
#endif

const char *plugin_event_to_string(ss_plugin_t *s, const ss_plugin_event_input *evt)
{
	tp_state_t *st = s;
	uint32_t l1 = sk_evt_get_len32(evt->evt, 1);
	snprintf(st->buf, sizeof(st->buf), "payload %.*s", (int)(l1 < 40 ? l1 : 40),
		sk_evt_plugin_payload(evt->evt));
	return st->buf;
}
#endif /* TP_NO_SOURCING */

#ifndef TP_NO_GET_FIELDS
const char *plugin_get_fields(void) { return TP_FIELDS; }
#endif

#if defined(TP_XSRC) && TP_XSRC == 1
const char *plugin_get_extract_event_sources(void) { return "[\"syscall\"]"; }
#elif defined(TP_XSRC) && TP_XSRC == 2
const char *plugin_get_extract_event_sources(void) { return "[\"nosuch\"]"; }
#endif

static __attribute__((unused)) uint64_t event_n(const ss_plugin_event_input *evt)
{
	if (evt->evt->type != PPME_PLUGINEVENT_E)
		return evt->evtnum;
	uint32_t l1 = sk_evt_get_len32(evt->evt, 1);
	char tmp[32] = {0};
	memcpy(tmp, sk_evt_plugin_payload(evt->evt), l1 < 31 ? l1 : 31);
	return strtoull(tmp + 2, NULL, 10);
}

#ifndef TP_NO_EXTRACT
ss_plugin_rc plugin_extract_fields(ss_plugin_t *s, const ss_plugin_event_input *evt,
	const ss_plugin_field_extract_input *in)
{
	tp_state_t *st = s;
	for (uint32_t k = 0; k < in->num_fields; k++) {
		ss_plugin_extract_field *f = &in->fields[k];
		uint64_t n = event_n(evt);
		f->res_len = 1;
		switch (f->field_id) {
		case 0:
			st->u64 = n;
			f->res.u64 = &st->u64;
			break;
		case 1:
			st->str = (n % 2) ? "secret" : "hello";
			f->res.str = &st->str;
			break;
		case 2:
			st->u64 = (uint64_t)(-(int64_t)n);
			f->res.u64 = &st->u64;
			break;
		case 3:
			st->words[0] = "alpha";
			st->words[1] = "beta";
			f->res.str = st->words;
			f->res_len = 2;
			break;
		default:
			f->res_len = 0;
			return SS_PLUGIN_FAILURE;
		}
	}
	return SS_PLUGIN_SUCCESS;
}
#endif

#ifdef TP_PARSE
ss_plugin_rc plugin_parse_event(ss_plugin_t *s, const ss_plugin_event_input *evt,
	const ss_plugin_event_parse_input *in)
{
	(void)evt;
	(void)in;
	((tp_state_t *)s)->parsed++;
	return SS_PLUGIN_SUCCESS;
}
#endif

#ifdef TP_ASYNC_HANDLER_ONLY
ss_plugin_rc plugin_set_async_event_handler(ss_plugin_t *s, ss_plugin_owner_t *owner,
	const ss_plugin_async_event_handler_t handler)
{
	(void)s, (void)owner, (void)handler;
	return SS_PLUGIN_SUCCESS;
}
#endif

#ifdef TP_ASYNC
#include <pthread.h>
#include <unistd.h>

/* Async-only plugin: 5 "tpasync" events plus one with an undeclared name
 * and one with a tid (refused on a plugin source),
 * produced from its own thread once the host installs a handler. */
static pthread_t g_async_thr;
static bool g_async_running;
static ss_plugin_owner_t *g_async_owner;
static ss_plugin_async_event_handler_t g_async_handler;
static int g_async_rejected;

const char *plugin_get_async_events(void) { return "[\"tpasync\"]"; }

static void *async_main(void *arg)
{
	(void)arg;
	usleep(100000);
	for (int i = 0; i < 7; i++) {
		unsigned char b[128] = {0};
		const char *name = i == 3 ? "undeclared" : "tpasync";
		char data[16];
		int dl = snprintf(data, sizeof(data), "a=%d", i);
		uint32_t l1 = (uint32_t)strlen(name) + 1, l2 = (uint32_t)dl;
		ss_plugin_event *e = (ss_plugin_event *)b;
		sk_evt_async_header(b, UINT64_MAX, 77, l1, l2);
		/* async events on a plugin source belong to no thread: the last one's
		 * tid must be refused */
		if (i == 6)
			sk_evt_set_tid(b, 5);
		memcpy(b + SK_EVT_ASYNC_NAME_OFF, name, l1);
		memcpy(b + SK_EVT_ASYNC_NAME_OFF + l1, data, l2);
		char err[PLUGIN_MAX_ERRLEN];
		if (g_async_handler(g_async_owner, e, err) != SS_PLUGIN_SUCCESS)
			g_async_rejected++;
	}
	return NULL;
}

ss_plugin_rc plugin_set_async_event_handler(ss_plugin_t *s, ss_plugin_owner_t *owner,
	const ss_plugin_async_event_handler_t handler)
{
	tp_state_t *st = s;
	if (g_async_running) {
		pthread_join(g_async_thr, NULL);
		g_async_running = false;
		if (st->log) {
			char msg[64];
			snprintf(msg, sizeof(msg), "async rejected %d", g_async_rejected);
			st->log(st->owner, NULL, msg, SS_PLUGIN_LOG_SEV_WARNING);
		}
	}
	if (!handler)
		return SS_PLUGIN_SUCCESS;
	g_async_owner = owner;
	g_async_handler = handler;
	if (pthread_create(&g_async_thr, NULL, async_main, NULL) != 0)
		return SS_PLUGIN_FAILURE;
	g_async_running = true;
	return SS_PLUGIN_SUCCESS;
}
#endif

#ifdef TP_SET_TYPES
ss_plugin_rc saker_set_event_types(ss_plugin_t *s, ss_instance_t *h, const uint16_t *types,
	uint32_t ntypes)
{
	(void)h;
	tp_state_t *st = s;
	bool has322 = false;
	for (uint32_t i = 0; i < ntypes; i++)
		has322 = has322 || types[i] == PPME_PLUGINEVENT_E;
	char msg[96];
	snprintf(msg, sizeof(msg), "set_event_types n=%u has322=%d", ntypes, has322);
	if (st->log)
		st->log(st->owner, "tp-types", msg, SS_PLUGIN_LOG_SEV_NOTICE);
	return SS_PLUGIN_SUCCESS;
}
#endif

#ifdef TP_CAPTURE
#include <stdatomic.h>

/* Pure capture listener: a routine that ends by itself after 5 calls and
 * one that runs until the host stops it at capture close. */
static _Atomic int g_short_calls, g_long_calls;

static ss_plugin_bool short_routine(ss_plugin_t *s, ss_plugin_routine_state_t *i)
{
	(void)s, (void)i;
	return atomic_fetch_add(&g_short_calls, 1) + 1 < 5;
}

static ss_plugin_bool long_routine(ss_plugin_t *s, ss_plugin_routine_state_t *i)
{
	(void)s, (void)i;
	atomic_fetch_add(&g_long_calls, 1);
	usleep(1000);
	return 1;
}

ss_plugin_rc plugin_capture_open(ss_plugin_t *s, const ss_plugin_capture_listen_input *in)
{
	(void)s;
	if (!in->routine->subscribe(in->owner, short_routine, NULL) ||
		!in->routine->subscribe(in->owner, long_routine, NULL))
		return SS_PLUGIN_FAILURE;
	return SS_PLUGIN_SUCCESS;
}

ss_plugin_rc plugin_capture_close(ss_plugin_t *s, const ss_plugin_capture_listen_input *in)
{
	(void)in;
	tp_state_t *st = s;
	char msg[96];
	snprintf(msg, sizeof(msg), "capture closed: short=%d long_ran=%d", atomic_load(&g_short_calls),
		atomic_load(&g_long_calls) > 0);
	if (st->log)
		st->log(st->owner, NULL, msg, SS_PLUGIN_LOG_SEV_NOTICE);
	return SS_PLUGIN_SUCCESS;
}
#endif

#ifdef TP_SCHEMA
const char *plugin_get_init_schema(ss_plugin_schema_type *t)
{
	*t = SS_PLUGIN_SCHEMA_JSON;
	return TP_SCHEMA == 1 ? "{\"type\":\"object\",\"properties\":{\"k\":{\"type\":\"string\"}}}" : "[1]";
}
#endif
