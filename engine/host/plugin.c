/* Plugin loader: symbols, versions, capabilities, routing sets (states: plugin_state.c). */
#include "plugin.h"

#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool sk_srcset_has(const sk_srcset_t *s, const char *source)
{
	if (s->n == 0)
		return true;
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->v[i], source) == 0)
			return true;
	return false;
}

void sk_srcset_clear(sk_srcset_t *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
	s->v = NULL;
	s->n = 0;
}

void sk_plugin_free(sk_plugin_t *p)
{
	if (!p)
		return;
	free(p->name);
	free(p->cfg_name);
	free(p->path);
	free(p->version);
	free(p->required_api);
	free(p->description);
	free(p->contact);
	free(p->source);
	for (size_t i = 0; i < p->nfields; i++) {
		free((char *)p->fields[i].name);
		free((char *)p->fields[i].desc);
	}
	free(p->fields);
	sk_srcset_clear(&p->extract_sources);
	sk_srcset_clear(&p->parse_sources);
	sk_srcset_clear(&p->async_sources);
	for (size_t i = 0; i < p->nasync_events; i++)
		free(p->async_events[i]);
	free(p->async_events);
	free(p->extract_types);
	free(p->parse_types);
	free(p->init_config);
	free(p->open_params);
	free(p);
}

void sk_plugin_caps_string(uint32_t caps, char *buf, size_t len)
{
	static const struct {
		uint32_t cap;
		const char *name;
	} names[] = {
		{CAP_SOURCING, "sourcing"}, {CAP_EXTRACTION, "extraction"}, {CAP_PARSING, "parsing"},
		{CAP_ASYNC, "async"}, {CAP_CAPTURE_LISTENING, "capture listening"},
	};
	size_t off = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (!(caps & names[i].cap))
			continue;
		int n = snprintf(buf + off, len - off, "%s%s", off ? ", " : "", names[i].name);
		if (n < 0 || (size_t)n >= len - off)
			return;
		off += (size_t)n;
	}
	if (!off)
		snprintf(buf, len, "none");
}

static int check_api_version(const char *req, char *err, size_t errlen)
{
	unsigned maj, min, pat;
	if (!req || sscanf(req, "%u.%u.%u", &maj, &min, &pat) != 3) {
		snprintf(err, errlen, "plugin provided an invalid required API version: '%s'",
			req ? req : "");
		return -EINVAL;
	}
	const char *why = NULL;
	if (maj != PLUGIN_API_VERSION_MAJOR)
		why = "major versions disagree";
	else if (PLUGIN_API_VERSION_MINOR < min)
		why = "framework's minor is less than the requested one";
	else if (PLUGIN_API_VERSION_MINOR == min && PLUGIN_API_VERSION_PATCH < pat)
		why = "framework's patch is less than the requested one";
	if (why) {
		snprintf(err, errlen,
			"plugin required API version '%s' not compatible with the framework's API version '%s': %s",
			req, PLUGIN_API_VERSION_STR, why);
		return -ENOTSUP;
	}
	return 0;
}

#define SYM(field) {"plugin_" #field, (void **)&api->field}

static void resolve_symbols(void *dl, plugin_api_fns *api)
{
	const struct {
		const char *name;
		void **slot;
	} syms[] = {
		SYM(get_required_api_version), SYM(get_version), SYM(get_name), SYM(get_description),
		SYM(get_contact), SYM(init), SYM(destroy), SYM(get_last_error), SYM(get_init_schema),
		SYM(set_config), SYM(get_metrics), SYM(get_required_event_schema_version), SYM(get_id),
		SYM(get_event_source), SYM(open), SYM(close), SYM(next_batch), SYM(list_open_params),
		SYM(get_progress), SYM(event_to_string), SYM(get_fields), SYM(extract_fields),
		SYM(get_extract_event_sources), SYM(get_extract_event_types), SYM(parse_event),
		SYM(get_parse_event_sources), SYM(get_parse_event_types), SYM(get_async_events),
		SYM(get_async_event_sources), SYM(set_async_event_handler), SYM(dump_state),
		SYM(capture_open), SYM(capture_close),
	};
	for (size_t i = 0; i < sizeof(syms) / sizeof(syms[0]); i++)
		*syms[i].slot = dlsym(dl, syms[i].name);
}

static int check_required(const plugin_api_fns *a, char *err, size_t errlen)
{
	const struct {
		const void *fn;
		const char *name;
	} req[] = {
		{(const void *)a->get_required_api_version, "get_required_api_version"},
		{(const void *)a->get_version, "get_version"},
		{(const void *)a->get_name, "get_name"},
		{(const void *)a->get_description, "get_description"},
		{(const void *)a->get_contact, "get_contact"},
		{(const void *)a->init, "init"},
		{(const void *)a->destroy, "destroy"},
		{(const void *)a->get_last_error, "get_last_error"},
	};
	for (size_t i = 0; i < sizeof(req) / sizeof(req[0]); i++) {
		if (!req[i].fn) {
			snprintf(err, errlen, "required symbol not implemented: '%s'", req[i].name);
			return -ENOENT;
		}
	}
	return 0;
}

static void add_fragment(char *buf, size_t len, const char *frag)
{
	size_t off = strlen(buf);
	snprintf(buf + off, len - off, "%s%s", off ? ", " : "", frag);
}

/* Capabilities as plugin_loader.c derives them; BROKEN fragments in frag. */
static uint32_t derive_caps(sk_plugin_t *p, char *frag, size_t fraglen)
{
	const plugin_api_fns *a = &p->api;
	uint32_t caps = CAP_NONE;
	frag[0] = '\0';
	bool has_id = a->get_id && a->get_id() != 0;
	const char *src = a->get_event_source ? a->get_event_source() : NULL;
	bool has_src = src && src[0];
	/* saker's own syscall plugin: id 0 with the reserved source name. */
	bool own_syscall = !has_id && has_src && strcmp(src, SK_SYSCALL_SOURCE) == 0 &&
		strcmp(p->name, "syscall") == 0;
	int nsrc = !!a->open + !!a->close + !!a->next_batch;
	if (nsrc == 3) {
		if (has_id == has_src || own_syscall)
			caps |= CAP_SOURCING;
		else {
			caps |= CAP_BROKEN;
			add_fragment(frag, fraglen, "must implement both 'plugin_get_id' and "
						    "'plugin_get_event_source' or neither (event sourcing)");
		}
	} else if (nsrc > 0) {
		caps |= CAP_BROKEN;
		add_fragment(frag, fraglen, "must implement all of 'plugin_open', 'plugin_close', "
					    "and 'plugin_next_batch' (event sourcing)");
	}
	if (a->get_fields && a->extract_fields)
		caps |= CAP_EXTRACTION;
	else if (a->extract_fields) {
		caps |= CAP_BROKEN;
		add_fragment(frag, fraglen, "must implement both 'plugin_get_fields' and "
					    "'plugin_extract_fields' (field extraction)");
	}
	if (a->parse_event)
		caps |= CAP_PARSING;
	if (a->get_async_events && a->set_async_event_handler)
		caps |= CAP_ASYNC;
	else if (a->set_async_event_handler) {
		caps |= CAP_BROKEN;
		add_fragment(frag, fraglen, "must implement both 'plugin_get_async_events' and "
					    "'plugin_set_async_event_handler' (async events)");
	}
	if (a->capture_open && a->capture_close)
		caps |= CAP_CAPTURE_LISTENING;
	else if (a->capture_open) {
		/* capture_close alone is harmless: no capability, as libsinsp. */
		caps |= CAP_BROKEN;
		add_fragment(frag, fraglen, "must implement both 'plugin_capture_open' and "
					    "'plugin_capture_close' (capture listening)");
	}
	return caps;
}

static char *dup_or_empty(const char *s)
{
	return strdup(s ? s : "");
}

static int valid_version(const char *v)
{
	unsigned a, b, c;
	return v && sscanf(v, "%u.%u.%u", &a, &b, &c) == 3;
}

int sk_plugin_load(const char *path, sk_plugin_t **out, char *err, size_t errlen)
{
	*out = NULL;
	int rc;
	sk_plugin_t *p = calloc(1, sizeof(*p));
	if (!p || !(p->path = strdup(path))) {
		free(p);
		snprintf(err, errlen, "out of memory");
		return -ENOMEM;
	}
	p->source = strdup("");
	dlerror();
	p->dl = dlopen(path, RTLD_NOW | RTLD_LOCAL);
	if (!p->dl) {
		const char *e = dlerror();
		snprintf(err, errlen, "can't load plugin dynamic library: %s", e ? e : "unknown error");
		rc = -ENOENT;
		goto fail;
	}
	plugin_api_fns *api = &p->api;
	resolve_symbols(p->dl, api);
	p->set_event_types = (saker_set_event_types_fn)dlsym(p->dl, SAKER_SYM_SET_EVENT_TYPES);
	p->drain = (saker_drain_fn)dlsym(p->dl, SAKER_SYM_DRAIN);
	p->get_event_names = (saker_get_event_names_fn)dlsym(p->dl, SAKER_SYM_GET_EVENT_NAMES);
	p->capture_write = (saker_capture_write_fn)dlsym(p->dl, SAKER_SYM_CAPTURE_WRITE);

	if (!api->get_required_api_version) {
		snprintf(err, errlen, "plugin_get_required_api_version symbol not implemented");
		rc = -ENOENT;
		goto fail;
	}
	p->required_api = dup_or_empty(api->get_required_api_version());
	if ((rc = check_api_version(p->required_api, err, errlen)))
		goto fail;
	if ((rc = check_required(api, err, errlen)))
		goto fail;
	p->name = dup_or_empty(api->get_name());
	p->description = dup_or_empty(api->get_description());
	p->contact = dup_or_empty(api->get_contact());
	p->version = dup_or_empty(api->get_version());
	if (!p->name || !p->description || !p->contact || !p->version) {
		rc = -ENOMEM;
		snprintf(err, errlen, "out of memory");
		goto fail;
	}
	if (!valid_version(p->version)) {
		snprintf(err, errlen, "plugin provided an invalid version string: '%s'", p->version);
		rc = -EINVAL;
		goto fail;
	}

	char frag[1024];
	p->caps = derive_caps(p, frag, sizeof(frag));
	if (p->caps & CAP_BROKEN) {
		snprintf(err, errlen, "broken plugin capabilities: %s", frag);
		rc = -EINVAL;
		goto fail;
	}
	if (p->caps == CAP_NONE) {
		snprintf(err, errlen, "plugin does not implement any capability");
		rc = -EINVAL;
		goto fail;
	}

	if (p->caps & CAP_SOURCING) {
		p->id = api->get_id ? api->get_id() : 0;
		const char *src = api->get_event_source ? api->get_event_source() : "";
		src = src ? src : "";
		if (p->id == 0) {
			/* No specific source: the plugin provides the syscall source. */
			p->syscall_source = true;
			free(p->source);
			p->source = strdup(SK_SYSCALL_SOURCE);
		} else {
			if (strcmp(src, SK_SYSCALL_SOURCE) == 0) {
				snprintf(err, errlen, "plugin can't implement the reserved event source '%s'",
					SK_SYSCALL_SOURCE);
				rc = -EINVAL;
				goto fail;
			}
			free(p->source);
			p->source = strdup(src);
		}
		if (!p->source) {
			rc = -ENOMEM;
			goto fail;
		}
	}

	if (p->caps & CAP_EXTRACTION) {
		if ((rc = sk_plugin_parse_fields(p, api->get_fields(), err, errlen)))
			goto fail;
		if ((rc = sk_plugin_parse_sources(p->name, "get_extract_event_sources",
			     api->get_extract_event_sources ? api->get_extract_event_sources() : NULL,
			     &p->extract_sources, err, errlen)))
			goto fail;
	}
	if (p->caps & CAP_PARSING) {
		if ((rc = sk_plugin_parse_sources(p->name, "get_parse_event_sources",
			     api->get_parse_event_sources ? api->get_parse_event_sources() : NULL,
			     &p->parse_sources, err, errlen)))
			goto fail;
	}
	if (p->caps & CAP_ASYNC) {
		if ((rc = sk_plugin_parse_sources(p->name, "get_async_event_sources",
			     api->get_async_event_sources ? api->get_async_event_sources() : NULL,
			     &p->async_sources, err, errlen)))
			goto fail;
		sk_srcset_t names = {0};
		const char *j = api->get_async_events();
		if (!j || !j[0] ||
			sk_plugin_parse_sources(p->name, "get_async_events", j, &names, err, errlen)) {
			/* [] is accepted: a plugin that declares no async event yet. */
			sk_srcset_clear(&names);
			snprintf(err, errlen,
				"error in plugin %s: 'get_async_events' did not return a json array but it should",
				p->name);
			rc = -EINVAL;
			goto fail;
		}
		p->async_events = names.v;
		p->nasync_events = names.n;
	}
	/* The sourcing plugin's own source joins its routing sets. */
	if ((p->caps & CAP_SOURCING) && !p->syscall_source) {
		sk_srcset_t *sets[] = {&p->extract_sources, &p->parse_sources, &p->async_sources};
		uint32_t need[] = {CAP_EXTRACTION, CAP_PARSING, CAP_ASYNC};
		for (size_t i = 0; i < 3; i++) {
			if (!(p->caps & need[i]) || (sets[i]->n && sk_srcset_has(sets[i], p->source)))
				continue;
			char **nv = realloc(sets[i]->v, (sets[i]->n + 1) * sizeof(char *));
			if (!nv || !(nv[sets[i]->n] = strdup(p->source))) {
				if (nv)
					sets[i]->v = nv;
				rc = -ENOMEM;
				goto fail;
			}
			sets[i]->v = nv;
			sets[i]->n++;
		}
	}
	*out = p;
	return 0;
fail:
	/* Libraries stay mapped even on failure: an unloadable Go runtime may
	 * already have started threads during dlopen. */
	sk_plugin_free(p);
	return rc ? rc : -EINVAL;
}
