/*
 * yaml2json.c - print a YAML file (every document) as one JSON array on
 * stdout, every scalar kept as its raw text (a JSON string), as the rules
 * loader reads scalars: no YAML 1.1 typing. An empty document is null.
 * Used by expand_rules.py so the benchmark's Python stays stdlib-only.
 *
 * usage: yaml2json FILE.yaml
 * exit 0, or 1 with "yaml2json: FILE:LINE:COL: reason" on stderr.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <jansson.h>
#include <yaml.h>

#define MAX_DEPTH 256

static json_t *node_json(yaml_document_t *doc, yaml_node_t *n, int depth, const char **why)
{
	json_t *j = NULL;
	if (!n) {
		*why = "dangling node";
		return NULL;
	}
	if (depth > MAX_DEPTH) {
		*why = "nesting too deep";
		return NULL;
	}
	switch (n->type) {
	case YAML_SCALAR_NODE:
		j = json_stringn((const char *)n->data.scalar.value, n->data.scalar.length);
		if (!j)
			*why = "scalar is not valid UTF-8";
		return j;
	case YAML_SEQUENCE_NODE:
		if (!(j = json_array()))
			break;
		for (yaml_node_item_t *it = n->data.sequence.items.start;
			it < n->data.sequence.items.top; it++) {
			json_t *v = node_json(doc, yaml_document_get_node(doc, *it), depth + 1, why);
			if (!v || json_array_append_new(j, v)) {
				json_decref(j);
				return NULL;
			}
		}
		return j;
	case YAML_MAPPING_NODE:
		if (!(j = json_object()))
			break;
		for (yaml_node_pair_t *p = n->data.mapping.pairs.start;
			p < n->data.mapping.pairs.top; p++) {
			yaml_node_t *k = yaml_document_get_node(doc, p->key);
			if (!k || k->type != YAML_SCALAR_NODE) {
				*why = "mapping key is not a scalar";
				json_decref(j);
				return NULL;
			}
			json_t *v = node_json(doc, yaml_document_get_node(doc, p->value), depth + 1, why);
			/* later duplicates win, as in the loader's last-key lookup */
			if (!v || json_object_set_new(j, (const char *)k->data.scalar.value, v)) {
				json_decref(j);
				return NULL;
			}
		}
		return j;
	default:
		*why = "unexpected node type";
		return NULL;
	}
	*why = "out of memory";
	return NULL;
}

int main(int argc, char **argv)
{
	int rc = 1;
	FILE *f = NULL;
	yaml_parser_t parser;
	json_t *out = NULL;
	bool parser_ok = false;

	if (argc != 2) {
		fprintf(stderr, "usage: yaml2json FILE.yaml\n");
		return 2;
	}
	if (!(f = fopen(argv[1], "rb"))) {
		fprintf(stderr, "yaml2json: %s: %s\n", argv[1], strerror(errno));
		return 1;
	}
	if (!yaml_parser_initialize(&parser) || !(out = json_array())) {
		fprintf(stderr, "yaml2json: out of memory\n");
		goto done;
	}
	parser_ok = true;
	yaml_parser_set_input_file(&parser, f);
	for (;;) {
		yaml_document_t doc;
		if (!yaml_parser_load(&parser, &doc)) {
			fprintf(stderr, "yaml2json: %s:%zu:%zu: %s\n", argv[1],
				parser.problem_mark.line + 1, parser.problem_mark.column + 1,
				parser.problem ? parser.problem : "invalid YAML");
			goto done;
		}
		yaml_node_t *root = yaml_document_get_root_node(&doc);
		if (!root) {
			/* end of stream */
			yaml_document_delete(&doc);
			break;
		}
		const char *why = NULL;
		json_t *v = root->type == YAML_SCALAR_NODE && root->data.scalar.length == 0
				    ? json_null()
				    : node_json(&doc, root, 0, &why);
		size_t line = root->start_mark.line + 1;
		yaml_document_delete(&doc);
		if (!v || json_array_append_new(out, v)) {
			fprintf(stderr, "yaml2json: %s:%zu: %s\n", argv[1], line, why ? why : "out of memory");
			goto done;
		}
	}
	if (json_dumpf(out, stdout, JSON_COMPACT) || fputc('\n', stdout) == EOF || fflush(stdout)) {
		fprintf(stderr, "yaml2json: cannot write the output\n");
		goto done;
	}
	rc = 0;
done:
	json_decref(out);
	if (parser_ok)
		yaml_parser_delete(&parser);
	fclose(f);
	return rc;
}
