/* fields.c - the container.* and k8s.* fields. */
#include "ctr_plugin.h"

#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

enum {
	F_ID, F_FULL_ID, F_NAME, F_IMAGE, F_IMAGE_ID, F_TYPE, F_PRIVILEGED, F_MOUNTS, F_MOUNT,
	F_MOUNT_SOURCE, F_MOUNT_DEST, F_MOUNT_MODE, F_MOUNT_RDWR, F_MOUNT_PROPAGATION,
	F_IMAGE_REPO, F_IMAGE_TAG, F_IMAGE_DIGEST, F_START_TS, F_DURATION, F_IP, F_HOST_PID,
	F_HOST_NETWORK, F_HOST_IPC, F_LABEL, F_LABELS, F_K8S_POD_NAME, F_K8S_NS_NAME,
	F_K8S_POD_ID, F_K8S_POD_UID, F_K8S_SANDBOX_ID, F_K8S_FULL_SANDBOX_ID, F_COUNT
};

#define IDX_OR_KEY (SK_SDK_ARG_INDEX | SK_SDK_ARG_KEY | SK_SDK_ARG_REQUIRED)
#define KEY_REQ (SK_SDK_ARG_KEY | SK_SDK_ARG_REQUIRED)
#define S FTYPE_STRING
#define B FTYPE_BOOL

const sk_sdk_field_t sk_ctr_fields[] = {
	[F_ID] = {"container.id", S, false, 0, "The truncated container id (first 12 characters) from the cgroups; 'host' for host processes.", "Container ID", true, 0},
	[F_FULL_ID] = {"container.full_id", S, false, 0, "The full container id ('host' for host processes).", "Container ID", false, 0},
	[F_NAME] = {"container.name", S, false, 0, "The container name; 'host' for host processes.", "Container Name", true, 0},
	[F_IMAGE] = {"container.image", S, false, 0, "The container image as given to the runtime (e.g. falcosecurity/falco:latest).", "Image Name", false, 0},
	[F_IMAGE_ID] = {"container.image.id", S, false, 0, "The container image id (first 12 characters).", "Image ID", false, 0},
	[F_TYPE] = {"container.type", S, false, 0, "The container runtime type (docker, podman, cri-o, containerd, cri, lxc).", "Type", false, 0},
	[F_PRIVILEGED] = {"container.privileged", B, false, 0, "true for containers running as privileged.", "Privileged", false, 0},
	[F_MOUNTS] = {"container.mounts", S, false, 0, "All mounts as source:dest:mode:rdrw:propagation, comma separated.", "Mounts", false, 0},
	[F_MOUNT] = {"container.mount", S, false, IDX_OR_KEY, "One mount (source:dest:mode:rdrw:propagation), by index or by source (glob).", "Mount", false, 0},
	[F_MOUNT_SOURCE] = {"container.mount.source", S, false, IDX_OR_KEY, "Mount source, by index or by destination (glob).", "Mount Source", false, 0},
	[F_MOUNT_DEST] = {"container.mount.dest", S, false, IDX_OR_KEY, "Mount destination, by index or by source (glob).", "Mount Destination", false, 0},
	[F_MOUNT_MODE] = {"container.mount.mode", S, false, IDX_OR_KEY, "Mount mode, by index or by source (glob).", "Mount Mode", false, 0},
	[F_MOUNT_RDWR] = {"container.mount.rdwr", S, false, IDX_OR_KEY, "Mount read/write flag, by index or by source (glob).", "Mount Read/Write", false, 0},
	[F_MOUNT_PROPAGATION] = {"container.mount.propagation", S, false, IDX_OR_KEY, "Mount propagation, by index or by source (glob).", "Mount Propagation", false, 0},
	[F_IMAGE_REPO] = {"container.image.repository", S, false, 0, "The container image repository (e.g. falcosecurity/falco).", "Repository", true, 0},
	[F_IMAGE_TAG] = {"container.image.tag", S, false, 0, "The container image tag (e.g. latest).", "Image Tag", true, 0},
	[F_IMAGE_DIGEST] = {"container.image.digest", S, false, 0, "The container image registry digest.", "Registry Digest", false, 0},
	[F_START_TS] = {"container.start_ts", FTYPE_ABSTIME, false, 0, "Container start (pid namespace init start time), ns since the epoch.", "Container Start", false, 0},
	[F_DURATION] = {"container.duration", FTYPE_RELTIME, false, 0, "Nanoseconds since container.start_ts.", "Container Duration", false, 0},
	[F_IP] = {"container.ip", S, false, 0, "The container's primary IP address from the runtime.", "Container IP", false, 0},
	[F_HOST_PID] = {"container.host_pid", B, false, 0, "true if the container shares the host PID namespace.", "Host PID Namespace", false, 0},
	[F_HOST_NETWORK] = {"container.host_network", B, false, 0, "true if the container shares the host network namespace.", "Host Network Namespace", false, 0},
	[F_HOST_IPC] = {"container.host_ipc", B, false, 0, "true if the container shares the host IPC namespace.", "Host IPC Namespace", false, 0},
	[F_LABEL] = {"container.label", S, false, KEY_REQ, "A container label by key.", "Container Label", false, 0},
	[F_LABELS] = {"container.labels", S, false, 0, "Container labels as key:value, comma separated (io.kubernetes.* excluded).", "Container Labels", false, 0},
	[F_K8S_POD_NAME] = {"k8s.pod.name", S, false, 0, "The Kubernetes pod name (runtime label io.kubernetes.pod.name).", "Pod Name", true, 0},
	[F_K8S_NS_NAME] = {"k8s.ns.name", S, false, 0, "The Kubernetes namespace (runtime label io.kubernetes.pod.namespace).", "Namespace Name", true, 0},
	[F_K8S_POD_ID] = {"k8s.pod.id", S, false, 0, "[LEGACY] The Kubernetes pod UID.", "Legacy Pod UID", false, 0},
	[F_K8S_POD_UID] = {"k8s.pod.uid", S, false, 0, "The Kubernetes pod UID.", "Pod UID", false, 0},
	[F_K8S_SANDBOX_ID] = {"k8s.pod.sandbox_id", S, false, 0, "The pod sandbox id (first 12 characters).", "Pod Sandbox ID", false, 0},
	[F_K8S_FULL_SANDBOX_ID] = {"k8s.pod.full_sandbox_id", S, false, 0, "The pod sandbox id.", "Pod Sandbox ID", false, 0},
};
const size_t sk_ctr_nfields = F_COUNT;
_Static_assert(sizeof(sk_ctr_fields) / sizeof(sk_ctr_fields[0]) == F_COUNT, "field table");

static int str(sk_ctr_plugin_t *p, ss_plugin_extract_field *f, const char *s)
{
	if (!s)
		return 0;
	return sk_sdk_extract_str(&p->x, f, s, strlen(s));
}

static const char *label(const sk_ctr_info_t *c, const char *k)
{
	return c->labels ? json_string_value(json_object_get(c->labels, k)) : NULL;
}

static const sk_ctr_mount_t *find_mount(const sk_ctr_info_t *c, const ss_plugin_extract_field *f,
	int by_dest)
{
	if (!f->arg_present)
		return NULL;
	if (!f->arg_key) {
		return f->arg_index < c->nmounts ? &c->mounts[f->arg_index] : NULL;
	}
	for (size_t i = 0; i < c->nmounts; i++) {
		const char *v = by_dest ? c->mounts[i].dest : c->mounts[i].source;
		if (fnmatch(f->arg_key, v, 0) == 0)
			return &c->mounts[i];
	}
	/* An all-digit key arrives as arg_key too when the field takes both. */
	char *end;
	unsigned long long idx = strtoull(f->arg_key, &end, 10);
	if (*f->arg_key && !*end && idx < c->nmounts)
		return &c->mounts[idx];
	return NULL;
}

static int mount_text(sk_ctr_plugin_t *p, ss_plugin_extract_field *f, const sk_ctr_mount_t *m)
{
	size_t n = strlen(m->source) + strlen(m->dest) + strlen(m->mode) + strlen(m->propagation) + 16;
	char *b = sk_sdk_extract_alloc(&p->x, n);
	if (!b)
		return -1;
	snprintf(b, n, "%s:%s:%s:%s:%s", m->source, m->dest, m->mode, m->rw ? "true" : "false",
		m->propagation);
	return sk_sdk_extract_str_ref(&p->x, f, b);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int labels_text(sk_ctr_plugin_t *p, ss_plugin_extract_field *f, const sk_ctr_info_t *c)
{
	size_t n = c->labels ? json_object_size(c->labels) : 0, k = 0, total = 1;
	const char **keys = n ? sk_sdk_extract_alloc(&p->x, n * sizeof(*keys)) : NULL;
	const char *key;
	json_t *v;
	if (n && !keys)
		return -1;
	json_object_foreach(c->labels, key, v) {
		if (strncmp(key, "annotation.", 11) == 0 || strncmp(key, "io.kubernetes.", 14) == 0)
			continue;
		keys[k++] = key;
		total += strlen(key) + json_string_length(v) + 3;
	}
	qsort(keys, k, sizeof(*keys), cmp_str);
	char *b = sk_sdk_extract_alloc(&p->x, total + 1);
	if (!b)
		return -1;
	size_t off = 0;
	b[0] = '\0';
	for (size_t i = 0; i < k; i++) {
		const char *val = json_string_value(json_object_get(c->labels, keys[i]));
		off += (size_t)snprintf(b + off, total + 1 - off, "%s%s%s%s", i ? ", " : "", keys[i],
			val && *val ? ":" : "", val ? val : "");
	}
	return sk_sdk_extract_str_ref(&p->x, f, b);
}

/* A value for a container with metadata (c != NULL), a container without
 * (c == NULL) or the host (ref->type == SK_CTR_HOST). */
static int one(sk_ctr_plugin_t *p, ss_plugin_extract_field *f, const sk_ctr_ref_t *ref,
	const sk_ctr_info_t *c, uint64_t pidns_start, uint64_t evt_ts)
{
	bool host = ref->type == SK_CTR_HOST;
	char shortid[SK_CTR_ID_MAX];
	sk_ctr_short_id(ref, shortid);

	switch (f->field_id) {
	case F_ID:
		return str(p, f, shortid);
	case F_FULL_ID:
		return str(p, f, host ? "host" : ref->full_id);
	case F_TYPE:
		return str(p, f, sk_ctr_type_name(ref->type));
	case F_START_TS:
		if (!pidns_start && c)
			pidns_start = c->created_ns;
		return pidns_start ? sk_sdk_extract_u64(&p->x, f, pidns_start) : 0;
	case F_DURATION:
		if (!pidns_start && c)
			pidns_start = c->created_ns;
		return pidns_start && evt_ts >= pidns_start
			? sk_sdk_extract_u64(&p->x, f, evt_ts - pidns_start) : 0;
	default:
		break;
	}

	if (host || !c) {
		/* Falco's host record (name "host", empty strings, false flags);
		 * an unresolved container gives empty strings and no flags. */
		switch (f->field_id) {
		case F_NAME:
			return str(p, f, host ? "host" : "");
		case F_PRIVILEGED: case F_HOST_PID: case F_HOST_NETWORK: case F_HOST_IPC:
			return host ? sk_sdk_extract_bool(&p->x, f, false) : 0;
		case F_IMAGE: case F_IMAGE_ID: case F_IMAGE_REPO: case F_IMAGE_TAG:
		case F_IMAGE_DIGEST: case F_MOUNTS: case F_IP: case F_LABELS:
			return str(p, f, "");
		default:
			return 0; /* mounts by arg, labels, k8s: no value */
		}
	}

	const sk_ctr_mount_t *m;
	const char *s;
	switch (f->field_id) {
	case F_NAME: return str(p, f, c->name);
	case F_IMAGE: return str(p, f, c->image);
	case F_IMAGE_ID: return str(p, f, c->image_id);
	case F_IMAGE_REPO: return str(p, f, c->image_repo);
	case F_IMAGE_TAG: return str(p, f, c->image_tag);
	case F_IMAGE_DIGEST: return str(p, f, c->image_digest);
	case F_IP: return str(p, f, c->ip);
	case F_PRIVILEGED: return sk_sdk_extract_bool(&p->x, f, c->privileged);
	case F_HOST_PID: return sk_sdk_extract_bool(&p->x, f, c->host_pid);
	case F_HOST_NETWORK: return sk_sdk_extract_bool(&p->x, f, c->host_network);
	case F_HOST_IPC: return sk_sdk_extract_bool(&p->x, f, c->host_ipc);
	case F_MOUNTS: {
		size_t total = 1;
		for (size_t i = 0; i < c->nmounts; i++)
			total += strlen(c->mounts[i].source) + strlen(c->mounts[i].dest) +
				strlen(c->mounts[i].mode) + strlen(c->mounts[i].propagation) + 16;
		char *b = sk_sdk_extract_alloc(&p->x, total);
		if (!b)
			return -1;
		size_t off = 0;
		b[0] = '\0';
		for (size_t i = 0; i < c->nmounts; i++) {
			const sk_ctr_mount_t *mm = &c->mounts[i];
			off += (size_t)snprintf(b + off, total - off, "%s%s:%s:%s:%s:%s", i ? "," : "",
				mm->source, mm->dest, mm->mode, mm->rw ? "true" : "false", mm->propagation);
		}
		return sk_sdk_extract_str_ref(&p->x, f, b);
	}
	case F_MOUNT:
		m = find_mount(c, f, 0);
		return m ? mount_text(p, f, m) : 0;
	case F_MOUNT_SOURCE:
		m = find_mount(c, f, 1);
		return m ? str(p, f, m->source) : 0;
	case F_MOUNT_DEST:
		m = find_mount(c, f, 0);
		return m ? str(p, f, m->dest) : 0;
	case F_MOUNT_MODE:
		m = find_mount(c, f, 0);
		return m ? str(p, f, m->mode) : 0;
	case F_MOUNT_RDWR:
		m = find_mount(c, f, 0);
		return m ? str(p, f, m->rw ? "true" : "false") : 0;
	case F_MOUNT_PROPAGATION:
		m = find_mount(c, f, 0);
		return m ? str(p, f, m->propagation) : 0;
	case F_LABEL:
		return f->arg_key ? str(p, f, label(c, f->arg_key)) : 0;
	case F_LABELS:
		return labels_text(p, f, c);
	case F_K8S_POD_NAME: return str(p, f, label(c, "io.kubernetes.pod.name"));
	case F_K8S_NS_NAME: return str(p, f, label(c, "io.kubernetes.pod.namespace"));
	case F_K8S_POD_ID:
	case F_K8S_POD_UID: return str(p, f, label(c, "io.kubernetes.pod.uid"));
	case F_K8S_SANDBOX_ID:
	case F_K8S_FULL_SANDBOX_ID:
		s = label(c, "io.kubernetes.sandbox.id");
		if (s && f->field_id == F_K8S_SANDBOX_ID) {
			char b[SK_CTR_SHORT_ID_LEN + 1];
			snprintf(b, sizeof(b), "%s", s);
			return str(p, f, b);
		}
		return str(p, f, s);
	default:
		return 0;
	}
}

ss_plugin_rc sk_ctr_extract(sk_ctr_plugin_t *p, const ss_plugin_event_input *ev,
	const ss_plugin_field_extract_input *in)
{
	sk_sdk_extract_reset(&p->x);
	const ss_plugin_event *evt = ev->evt;
	for (uint32_t i = 0; i < in->num_fields; i++)
		sk_sdk_extract_none(&in->fields[i]);
	if (!evt || evt->tid == UINT64_MAX || evt->type == PPME_PLUGINEVENT_E ||
	    evt->type == PPME_ASYNCEVENT_E)
		return SS_PLUGIN_SUCCESS; /* no thread: no container values */

	int64_t tid = (int64_t)evt->tid;
	if (!p->cache_valid || p->cache_evtnum != ev->evtnum || p->cache_tid != tid) {
		sk_ctr_resolve(p, tid, in->table_reader_ext, &p->cache_ref, &p->cache_pidns_start);
		p->cache_evtnum = ev->evtnum;
		p->cache_tid = tid;
		p->cache_valid = true;
		sk_ctr_store_touch(p->store, &p->cache_ref, p->wait_ms);
	}
	const sk_ctr_ref_t *ref = &p->cache_ref;
	const sk_ctr_entry_t *e = NULL;
	if (ref->type != SK_CTR_HOST)
		e = sk_ctr_store_get(p->store, ref->full_id);
	const sk_ctr_info_t *c = e && e->state == SK_CTR_ST_OK ? &e->info : NULL;
	int rc = 0;
	for (uint32_t i = 0; i < in->num_fields && rc == 0; i++) {
		if (in->fields[i].field_id >= F_COUNT) {
			sk_sdk_err_set(&p->err, "unknown field id %u", in->fields[i].field_id);
			rc = -1;
			break;
		}
		rc = one(p, &in->fields[i], ref, c, p->cache_pidns_start, evt->ts);
	}
	if (e)
		sk_ctr_store_put(p->store);
	if (rc) {
		if (!p->err.msg[0])
			sk_sdk_err_set(&p->err, "out of memory while extracting");
		return SS_PLUGIN_FAILURE;
	}
	return SS_PLUGIN_SUCCESS;
}
