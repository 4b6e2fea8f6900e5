/*
 * rt_get.c - one runtime API lookup through the container plugin's client
 * (sk_rt_http_get, libcurl over a unix socket) and, for a 200 answer, the
 * Docker/podman inspect parser. Prints one JSON object on stdout:
 *   {"rc": 0, "status": 200, "bytes": N, "info": {...}}  or  {"rc": -errno, "error": "..."}
 * Usage: rt_get SOCKET PATH [MAX_BYTES]. Driven by test_podman.py.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include <jansson.h>

#include "runtime.h"

static json_t *info_json(const sk_ctr_info_t *c)
{
	json_t *mounts = json_array();
	for (size_t i = 0; i < c->nmounts; i++)
		json_array_append_new(mounts, json_pack("{s:s, s:s, s:i}", "source",
			c->mounts[i].source ? c->mounts[i].source : "", "dest",
			c->mounts[i].dest ? c->mounts[i].dest : "", "rw", c->mounts[i].rw));
	return json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:i, s:i, s:I, s:O, s:o}",
		"name", c->name ? c->name : "", "image", c->image ? c->image : "",
		"image_id", c->image_id ? c->image_id : "", "image_repo",
		c->image_repo ? c->image_repo : "", "image_tag", c->image_tag ? c->image_tag : "",
		"ip", c->ip ? c->ip : "", "privileged", c->privileged, "host_network",
		c->host_network, "created_ns", (json_int_t)c->created_ns, "labels",
		c->labels ? c->labels : json_null(), "mounts", mounts);
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: rt_get SOCKET PATH [MAX_BYTES]\n");
		return 2;
	}
	size_t max = argc > 3 ? strtoull(argv[3], NULL, 10) : (size_t)4 << 20;
	char err[512] = "";
	int rc = sk_rt_http_init(err, sizeof(err));
	if (rc) {
		fprintf(stderr, "%s\n", err);
		return 1;
	}
	int status = 0;
	char *body = NULL;
	size_t blen = 0;
	json_t *out;
	rc = sk_rt_http_get(argv[1], argv[2], 10000, max, &status, &body, &blen, err, sizeof(err));
	if (rc) {
		out = json_pack("{s:i, s:s}", "rc", rc, "error", err);
	} else {
		out = json_pack("{s:i, s:i, s:I}", "rc", 0, "status", status, "bytes",
			(json_int_t)blen);
		sk_ctr_info_t info = {0};
		if (status == 200 &&
		    sk_rt_parse_docker(body, blen, 0, &info, err, sizeof(err)) == 0)
			json_object_set_new(out, "info", info_json(&info));
		else if (status == 200)
			json_object_set_new(out, "parse_error", json_string(err));
		sk_ctr_info_clear(&info);
	}
	free(body);
	char *text = json_dumps(out, JSON_COMPACT);
	printf("%s\n", text ? text : "{}");
	free(text);
	json_decref(out);
	sk_rt_http_cleanup();
	return 0;
}
