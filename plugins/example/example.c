/*
 * example: the minimal source + extractor plugin from docs/plugin-guide.md.
 *
 * Source "example" (plugin id 999999): open params "<count>" emits that
 * many events whose payload is the text "tick <n> <word>", where word
 * cycles through "alpha", "beta", "gamma".
 * Fields: example.n (uint64), example.word (string), example.upper (string,
 * the word upper-cased, suggested for output).
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plugin_api.h"
#include "sk_plugin_sdk.h"

#define EXAMPLE_ID 999999
#define EXAMPLE_SOURCE "example"

static const sk_sdk_field_t fields[] = {
	{ .name = "example.n", .type = FTYPE_UINT64, .desc = "The tick counter" },
	{ .name = "example.word", .type = FTYPE_STRING, .desc = "The tick's word" },
	{ .name = "example.upper", .type = FTYPE_STRING, .desc = "The word, upper-cased",
	  .add_output = true },
};
enum { F_N, F_WORD, F_UPPER, F_COUNT };

typedef struct example_state {
	sk_sdk_err_t err;
	sk_sdk_extract_t x;
	char *fields_json;
	uint64_t start;  /* init_config "start": first tick number */
} example_state_t;

typedef struct example_inst {
	sk_sdk_batch_t batch;
	uint64_t next, end;
} example_inst_t;

const char *plugin_get_required_api_version(void) { return "3.11.0"; }
const char *plugin_get_version(void) { return "0.1.0"; }
const char *plugin_get_name(void) { return "example"; }
const char *plugin_get_description(void) { return "saker's minimal example plugin"; }
const char *plugin_get_contact(void) { return "https://example.invalid/saker"; }
uint32_t plugin_get_id(void) { return EXAMPLE_ID; }
const char *plugin_get_event_source(void) { return EXAMPLE_SOURCE; }

const char *plugin_get_fields(void)
{
	/* Built once from the table; the string lives for the process. */
	static char *json;
	if (!json)
		json = sk_sdk_fields_json(fields, F_COUNT, NULL, 0);
	return json ? json : "[]";
}

const char *plugin_get_last_error(ss_plugin_t *s)
{
	return ((example_state_t *)s)->err.msg;
}

ss_plugin_t *plugin_init(const ss_plugin_init_input *in, ss_plugin_rc *rc)
{
	example_state_t *s = calloc(1, sizeof(*s));
	json_t *cfg = NULL;
	char err[256];

	*rc = SS_PLUGIN_FAILURE;
	if (!s)
		return NULL;
	sk_sdk_extract_init(&s->x);
	static const char *const known[] = { "start", NULL };
	if (sk_sdk_config_parse(in->config, &cfg, err, sizeof(err)) < 0 ||
	    sk_sdk_config_check_keys(cfg, known, err, sizeof(err)) < 0 ||
	    sk_sdk_config_u64(cfg, "start", 0, 0, UINT64_MAX / 2, &s->start, err, sizeof(err)) < 0) {
		sk_sdk_err_set(&s->err, "%s", err);
		json_decref(cfg);
		return s; /* the host reads the error, then calls destroy */
	}
	json_decref(cfg);
	if (in->log_fn)
		in->log_fn(in->owner, NULL, "example plugin ready", SS_PLUGIN_LOG_SEV_INFO);
	*rc = SS_PLUGIN_SUCCESS;
	return s;
}

void plugin_destroy(ss_plugin_t *sv)
{
	example_state_t *s = sv;
	if (!s)
		return;
	sk_sdk_extract_free(&s->x);
	free(s);
}

ss_instance_t *plugin_open(ss_plugin_t *sv, const char *params, ss_plugin_rc *rc)
{
	example_state_t *s = sv;
	example_inst_t *h = calloc(1, sizeof(*h));
	char *end = NULL;
	uint64_t count = 10;

	*rc = SS_PLUGIN_FAILURE;
	if (!h) {
		sk_sdk_err_set(&s->err, "out of memory");
		return NULL;
	}
	if (params && *params) {
		errno = 0;
		count = strtoull(params, &end, 10);
		if (errno || *end) {
			sk_sdk_err_set(&s->err, "open params must be a count, got '%s'", params);
			free(h);
			return NULL;
		}
	}
	if (sk_sdk_batch_init(&h->batch, 64, 0) < 0) {
		sk_sdk_err_set(&s->err, "out of memory");
		free(h);
		return NULL;
	}
	h->next = s->start;
	h->end = s->start + count;
	*rc = SS_PLUGIN_SUCCESS;
	return h;
}

void plugin_close(ss_plugin_t *s, ss_instance_t *hv)
{
	(void)s;
	example_inst_t *h = hv;
	if (!h)
		return;
	sk_sdk_batch_free(&h->batch);
	free(h);
}

static const char *const words[] = { "alpha", "beta", "gamma" };

ss_plugin_rc plugin_next_batch(ss_plugin_t *sv, ss_instance_t *hv, uint32_t *nevts,
	ss_plugin_event ***evts)
{
	example_state_t *s = sv;
	example_inst_t *h = hv;
	char payload[64];

	sk_sdk_batch_reset(&h->batch);
	while (h->next < h->end && !sk_sdk_batch_full(&h->batch)) {
		int len = snprintf(payload, sizeof(payload), "tick %llu %s",
			(unsigned long long)h->next, words[h->next % 3]);
		/* ts UINT64_MAX: the host stamps the time; id 0: the host fills it. */
		if (sk_sdk_batch_add(&h->batch, UINT64_MAX, 0, payload, (size_t)len) < 0) {
			sk_sdk_err_set(&s->err, "cannot build event %llu",
				(unsigned long long)h->next);
			return SS_PLUGIN_FAILURE;
		}
		h->next++;
	}
	*nevts = h->batch.count;
	*evts = sk_sdk_batch_events(&h->batch);
	return *nevts ? SS_PLUGIN_SUCCESS : SS_PLUGIN_EOF;
}

ss_plugin_rc plugin_extract_fields(ss_plugin_t *sv, const ss_plugin_event_input *ev,
	const ss_plugin_field_extract_input *in)
{
	example_state_t *s = sv;
	const uint8_t *p;
	uint32_t len;
	char word[16];
	unsigned long long n;

	sk_sdk_extract_reset(&s->x);
	if (sk_sdk_event_payload(ev->evt, &p, &len, NULL, s->err.msg, sizeof(s->err.msg)) < 0)
		return SS_PLUGIN_FAILURE;
	char text[64];
	size_t tl = len < sizeof(text) - 1 ? len : sizeof(text) - 1;
	memcpy(text, p, tl);
	text[tl] = '\0';
	int parsed = sscanf(text, "tick %llu %15s", &n, word);

	for (uint32_t i = 0; i < in->num_fields; i++) {
		ss_plugin_extract_field *f = &in->fields[i];
		sk_sdk_extract_none(f);
		if (parsed != 2)
			continue;
		switch (f->field_id) {
		case F_N:
			sk_sdk_extract_u64(&s->x, f, n);
			break;
		case F_WORD:
			sk_sdk_extract_str(&s->x, f, word, strlen(word));
			break;
		case F_UPPER: {
			char up[16];
			size_t k = 0;
			for (; word[k]; k++)
				up[k] = (char)toupper((unsigned char)word[k]);
			sk_sdk_extract_str(&s->x, f, up, k);
			break;
		}
		default:
			sk_sdk_err_set(&s->err, "unknown field id %u", f->field_id);
			return SS_PLUGIN_FAILURE;
		}
	}
	return SS_PLUGIN_SUCCESS;
}
