/* runtime.c - HTTP over unix sockets (libcurl) and the runtimes' inspect documents. */
#include "runtime.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>

#include "sk_sdk_util.h"

void sk_ctr_info_clear(sk_ctr_info_t *c)
{
	if (!c)
		return;
	free(c->name);
	free(c->image);
	free(c->image_id);
	free(c->image_repo);
	free(c->image_tag);
	free(c->image_digest);
	free(c->ip);
	for (size_t i = 0; i < c->nmounts; i++) {
		free(c->mounts[i].source);
		free(c->mounts[i].dest);
		free(c->mounts[i].mode);
		free(c->mounts[i].propagation);
	}
	free(c->mounts);
	json_decref(c->labels);
	memset(c, 0, sizeof(*c));
}

/* ---- HTTP over a unix socket (libcurl) ---------------------------------- */

int sk_rt_http_init(char *err, size_t errlen)
{
	CURLcode c = curl_global_init(CURL_GLOBAL_DEFAULT);
	if (c != CURLE_OK) {
		sk_sdk_errf(err, errlen, "curl_global_init: %s", curl_easy_strerror(c));
		return -ENOMEM;
	}
	return 0;
}

void sk_rt_http_cleanup(void)
{
	curl_global_cleanup();
}

/* A failed transfer as a negative errno (the contract of runtime.h). */
static int curl_rc(CURL *h, CURLcode c, const sk_sdk_buf_t *b)
{
	long oserr = 0;
	switch (c) {
	case CURLE_OPERATION_TIMEDOUT:
		return -ETIMEDOUT;
	case CURLE_OUT_OF_MEMORY:
		return -ENOMEM;
	case CURLE_FILESIZE_EXCEEDED:
		return -EMSGSIZE;
	case CURLE_WRITE_ERROR:
		return b->err == -E2BIG ? -EMSGSIZE : -ENOMEM;
	case CURLE_COULDNT_CONNECT:
		curl_easy_getinfo(h, CURLINFO_OS_ERRNO, &oserr);
		return oserr > 0 ? -(int)oserr : -ECONNREFUSED;
	case CURLE_SEND_ERROR:
	case CURLE_RECV_ERROR:
		curl_easy_getinfo(h, CURLINFO_OS_ERRNO, &oserr);
		return oserr > 0 ? -(int)oserr : -EPROTO;
	default:
		return -EPROTO;
	}
}

int sk_rt_http_get(const char *sock_path, const char *path, int timeout_ms, size_t max_bytes,
	int *status, char **body, size_t *blen, char *err, size_t errlen)
{
	struct sockaddr_un sa;
	char url[1024], cerr[CURL_ERROR_SIZE] = "";
	sk_sdk_buf_t b = {.max = max_bytes};
	struct curl_slist *hdrs = NULL;
	CURL *h = NULL;
	int rc;

	*body = NULL;
	*blen = 0;
	if (strlen(sock_path) >= sizeof(sa.sun_path)) {
		sk_sdk_errf(err, errlen, "socket path too long: %s", sock_path);
		return -ENAMETOOLONG;
	}
	int ul = snprintf(url, sizeof(url), "http://localhost%s", path);
	if (ul < 0 || (size_t)ul >= sizeof(url)) {
		sk_sdk_errf(err, errlen, "request path too long");
		return -ENAMETOOLONG;
	}
	h = curl_easy_init();
	hdrs = curl_slist_append(NULL, "Accept: application/json");
	if (!h || !hdrs) {
		rc = -ENOMEM;
		sk_sdk_errf(err, errlen, "out of memory");
		goto done;
	}
	long tmo = timeout_ms > 0 ? timeout_ms : 1;
	CURLcode c = CURLE_OK;
	/* Only plain HTTP to the runtime's socket: no redirects, no proxy from
	 * the environment, no signals (the lookup thread is not the main one). */
	if ((c = curl_easy_setopt(h, CURLOPT_UNIX_SOCKET_PATH, sock_path)) ||
	    (c = curl_easy_setopt(h, CURLOPT_URL, url)) ||
	    (c = curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http")) ||
	    (c = curl_easy_setopt(h, CURLOPT_PROXY, "")) ||
	    (c = curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L)) ||
	    (c = curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L)) ||
	    (c = curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, tmo)) ||
	    (c = curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, tmo)) ||
	    (c = curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)max_bytes)) ||
	    (c = curl_easy_setopt(h, CURLOPT_USERAGENT, "saker-container")) ||
	    (c = curl_easy_setopt(h, CURLOPT_HTTPHEADER, hdrs)) ||
	    (c = curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, sk_sdk_buf_curl_write)) ||
	    (c = curl_easy_setopt(h, CURLOPT_WRITEDATA, &b)) ||
	    (c = curl_easy_setopt(h, CURLOPT_ERRORBUFFER, cerr))) {
		rc = -EINVAL;
		sk_sdk_errf(err, errlen, "curl setup: %s", curl_easy_strerror(c));
		goto done;
	}
	c = curl_easy_perform(h);
	if (c != CURLE_OK) {
		rc = curl_rc(h, c, &b);
		if (rc == -EMSGSIZE)
			sk_sdk_errf(err, errlen, "answer from %s exceeds %zu bytes", sock_path, max_bytes);
		else
			sk_sdk_errf(err, errlen, "GET %s on %s: %s", path, sock_path,
				cerr[0] ? cerr : curl_easy_strerror(c));
		goto done;
	}
	long code = 0;
	curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &code);
	if (sk_sdk_buf_append(&b, "", 0) < 0) { /* an empty answer is still a string */
		rc = -ENOMEM;
		sk_sdk_errf(err, errlen, "out of memory");
		goto done;
	}
	*status = (int)code;
	*body = b.p;
	*blen = b.n;
	b.p = NULL;
	rc = 0;
done:
	sk_sdk_buf_free(&b);
	curl_slist_free_all(hdrs);
	curl_easy_cleanup(h);
	return rc;
}

/* ---- inspect documents --------------------------------------------------- */

static char *dupstr(const char *s)
{
	return strdup(s ? s : "");
}

static const char *jstr(json_t *o, const char *k)
{
	json_t *v = json_object_get(o, k);
	return json_is_string(v) ? json_string_value(v) : NULL;
}

static json_t *jpath(json_t *o, const char *a, const char *b)
{
	return json_object_get(json_object_get(o, a), b);
}

static json_t *copy_labels(json_t *src, size_t max_len)
{
	json_t *out = json_object();
	const char *k;
	json_t *v;
	if (!out)
		return NULL;
	json_object_foreach(src, k, v) {
		if (!json_is_string(v))
			continue;
		if (max_len && json_string_length(v) > max_len)
			continue;
		json_object_set(out, k, v);
	}
	return out;
}

int sk_rt_split_image(const char *image, char **repo, char **tag, char **digest)
{
	const char *s = image ? image : "";
	const char *at = strchr(s, '@');
	size_t base = at ? (size_t)(at - s) : strlen(s);
	const char *slash = NULL, *colon = NULL;
	for (size_t i = 0; i < base; i++) {
		if (s[i] == '/')
			slash = s + i;
		else if (s[i] == ':')
			colon = s + i;
	}
	if (colon && slash && colon < slash)
		colon = NULL; /* a registry port, not a tag */
	size_t rlen = colon ? (size_t)(colon - s) : base;
	*repo = strndup(s, rlen);
	*tag = colon ? strndup(colon + 1, base - rlen - 1) : strdup("");
	*digest = strdup(at ? at + 1 : "");
	if (!*repo || !*tag || !*digest) {
		free(*repo);
		free(*tag);
		free(*digest);
		*repo = *tag = *digest = NULL;
		return -ENOMEM;
	}
	return 0;
}

uint64_t sk_rt_parse_time(const char *s)
{
	uint64_t ns;
	return s && sk_sdk_rfc3339_ns(s, strlen(s), &ns) == 0 ? ns : 0;
}

static int fill_image(sk_ctr_info_t *c, const char *image, int default_latest)
{
	c->image = dupstr(image);
	if (!c->image || sk_rt_split_image(image, &c->image_repo, &c->image_tag, &c->image_digest))
		return -ENOMEM;
	if (default_latest && !c->image_tag[0] && !c->image_digest[0] && c->image_repo[0] &&
	    strncmp(c->image_repo, "sha256:", 7) != 0) {
		free(c->image_tag);
		c->image_tag = strdup("latest");
		if (!c->image_tag)
			return -ENOMEM;
	}
	return 0;
}

/* The 12-character image id of an image reference ("sha256:" dropped). */
static char *short_image_id(const char *ref)
{
	if (ref && strncmp(ref, "sha256:", 7) == 0)
		ref += 7;
	return ref ? strndup(ref, 12) : strdup("");
}

/* Member names of a runtime's mount objects; mode NULL: none (""), rw
 * NULL: writable unless `ro` is true. */
typedef struct mount_keys {
	const char *source, *dest, *mode, *propagation, *rw, *ro;
} mount_keys_t;

static int put_mounts(sk_ctr_info_t *out, json_t *arr, const mount_keys_t *k)
{
	size_t n = json_is_array(arr) ? json_array_size(arr) : 0;

	if (n && !(out->mounts = calloc(n, sizeof(*out->mounts))))
		return -ENOMEM;
	for (size_t i = 0; i < n; i++) {
		json_t *v = json_array_get(arr, i);
		if (!json_is_object(v))
			continue;
		sk_ctr_mount_t *d = &out->mounts[out->nmounts++];
		d->source = dupstr(jstr(v, k->source));
		d->dest = dupstr(jstr(v, k->dest));
		d->mode = dupstr(k->mode ? jstr(v, k->mode) : "");
		d->propagation = dupstr(jstr(v, k->propagation));
		d->rw = k->rw ? json_is_true(json_object_get(v, k->rw)) :
				!json_is_true(json_object_get(v, k->ro));
		if (!d->source || !d->dest || !d->mode || !d->propagation)
			return -ENOMEM;
	}
	return 0;
}

/* The end of both parsers: on failure the message and a cleared out. */
static int parse_end(json_t *root, int rc, sk_ctr_info_t *out, char *err, size_t errlen)
{
	json_decref(root);
	if (rc == -ENOMEM)
		sk_sdk_errf(err, errlen, "out of memory");
	if (rc)
		sk_ctr_info_clear(out);
	return rc;
}

/* The start of both parsers: out cleared, the answer as an object. */
static json_t *parse_begin(sk_ctr_info_t *out, const char *body, size_t len, char *err,
	size_t errlen)
{
	memset(out, 0, sizeof(*out));
	json_error_t je;
	json_t *root = json_loadb(body, len, 0, &je);
	if (!root) {
		sk_sdk_errf(err, errlen, "invalid JSON at line %d: %s", je.line, je.text);
		return NULL;
	}
	if (!json_is_object(root)) {
		sk_sdk_errf(err, errlen, "inspect answer is not a JSON object");
		json_decref(root);
		return NULL;
	}
	return root;
}

int sk_rt_parse_docker(const char *body, size_t len, size_t label_max_len, sk_ctr_info_t *out,
	char *err, size_t errlen)
{
	json_t *root = parse_begin(out, body, len, err, errlen);
	json_t *cfg = json_object_get(root, "Config"), *hc = json_object_get(root, "HostConfig");
	int rc = -EPROTO;
	if (!root)
		return rc;
	if (!jstr(root, "Id") || !json_is_object(cfg)) {
		sk_sdk_errf(err, errlen, "inspect answer has no Id/Config");
		goto out;
	}
	rc = -ENOMEM;
	const char *name = jstr(root, "Name");
	if (name && name[0] == '/')
		name++;
	out->name = dupstr(name);
	if (!out->name || fill_image(out, jstr(cfg, "Image"), 1))
		goto out;
	out->image_id = short_image_id(jstr(root, "Image"));
	out->ip = dupstr(json_string_value(jpath(root, "NetworkSettings", "IPAddress")));
	if (!out->image_id || !out->ip)
		goto out;
	out->privileged = json_is_true(json_object_get(hc, "Privileged"));
	const char *m;
	out->host_pid = (m = jstr(hc, "PidMode")) && strcmp(m, "host") == 0;
	out->host_network = (m = jstr(hc, "NetworkMode")) && strcmp(m, "host") == 0;
	out->host_ipc = (m = jstr(hc, "IpcMode")) && strcmp(m, "host") == 0;
	out->created_ns = sk_rt_parse_time(json_string_value(jpath(root, "State", "StartedAt")));
	if (!out->created_ns)
		out->created_ns = sk_rt_parse_time(jstr(root, "Created"));

	static const mount_keys_t keys = { "Source", "Destination", "Mode", "Propagation", "RW",
		NULL };
	if (put_mounts(out, json_object_get(root, "Mounts"), &keys))
		goto out;
	out->labels = copy_labels(json_object_get(cfg, "Labels"), label_max_len);
	rc = out->labels ? 0 : -ENOMEM;
out:
	return parse_end(root, rc, out, err, errlen);
}

/* CRI-O keeps the volume list as a JSON string in an annotation. */
static int crio_mounts(sk_ctr_info_t *out, const char *vols)
{
	static const mount_keys_t keys = { "host_path", "container_path", NULL, "propagation",
		NULL, "readonly" };
	json_t *arr = vols ? json_loads(vols, 0, NULL) : NULL;
	int rc = put_mounts(out, arr, &keys);

	json_decref(arr);
	return rc;
}

int sk_rt_parse_crio(const char *body, size_t len, size_t label_max_len, sk_ctr_info_t *out,
	char *err, size_t errlen)
{
	json_t *root = parse_begin(out, body, len, err, errlen);
	json_t *labels = json_object_get(root, "labels");
	json_t *ann = json_object_get(root, "annotations");
	int rc = -EPROTO;
	if (!root)
		return rc;
	if (!jstr(root, "name") && !json_is_object(labels)) {
		sk_sdk_errf(err, errlen, "CRI-O answer has no name/labels");
		goto out;
	}
	rc = -ENOMEM;
	const char *name = jstr(labels, "io.kubernetes.container.name");
	out->name = dupstr(name ? name : jstr(root, "name"));
	if (!out->name || fill_image(out, jstr(root, "image"), 0))
		goto out;
	out->image_id = short_image_id(jstr(root, "image_ref"));
	json_t *ips = json_object_get(root, "ip_addresses");
	out->ip = dupstr(json_is_array(ips) ? json_string_value(json_array_get(ips, 0)) : NULL);
	if (!out->image_id || !out->ip)
		goto out;
	const char *p = jstr(ann, "io.kubernetes.cri-o.PrivilegedRuntime");
	out->privileged = p && strcmp(p, "true") == 0;
	json_int_t ct = json_integer_value(json_object_get(root, "created_time"));
	out->created_ns = ct > 0 ? (uint64_t)ct : 0;
	if (crio_mounts(out, jstr(ann, "io.kubernetes.cri-o.Volumes")))
		goto out;
	out->labels = copy_labels(labels, label_max_len);
	rc = out->labels ? 0 : -ENOMEM;
out:
	return parse_end(root, rc, out, err, errlen);
}

int sk_rt_k8s_log_lookup(const char *dir, const char *full_id, sk_ctr_info_t *out)
{
	memset(out, 0, sizeof(*out));
	DIR *d = opendir(dir);
	if (!d)
		return -errno;
	char suffix[96];
	snprintf(suffix, sizeof(suffix), "-%s.log", full_id);
	size_t sl = strlen(suffix);
	int rc = -ENOENT;
	struct dirent *de;
	while ((de = readdir(d))) {
		size_t n = strlen(de->d_name);
		if (n <= sl || strcmp(de->d_name + n - sl, suffix) != 0)
			continue;
		/* Kubernetes names have no '_': pod_namespace_container-id.log */
		const char *u1 = strchr(de->d_name, '_');
		const char *u2 = u1 ? strchr(u1 + 1, '_') : NULL;
		if (!u2 || u2 > de->d_name + n - sl)
			continue;
		char *pod = strndup(de->d_name, (size_t)(u1 - de->d_name));
		char *ns = strndup(u1 + 1, (size_t)(u2 - u1 - 1));
		out->name = strndup(u2 + 1, (size_t)(de->d_name + n - sl - u2 - 1));
		out->labels = json_object();
		out->image = strdup("");
		out->image_id = strdup("");
		out->image_repo = strdup("");
		out->image_tag = strdup("");
		out->image_digest = strdup("");
		out->ip = strdup("");
		rc = -ENOMEM;
		if (pod && ns && out->name && out->labels && out->image && out->image_id &&
		    out->image_repo && out->image_tag && out->image_digest && out->ip &&
		    !json_object_set_new(out->labels, "io.kubernetes.pod.name", json_string(pod)) &&
		    !json_object_set_new(out->labels, "io.kubernetes.pod.namespace", json_string(ns)) &&
		    !json_object_set_new(out->labels, "io.kubernetes.container.name",
			    json_string(out->name)))
			rc = 0;
		free(pod);
		free(ns);
		break;
	}
	closedir(d);
	if (rc)
		sk_ctr_info_clear(out);
	return rc;
}
