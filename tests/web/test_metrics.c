/* The metrics registry's exposition text: label values escaped by
 * sk_metric_labels (and cut cleanly when they do not fit), HELP texts
 * escaped, metric names made valid, per the Prometheus text format 0.0.4. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../engine/util/metrics.h"
#include "../lib/sktest.h"

/* The whole exposition as a string (caller frees). */
static char *render(void)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	if (!f)
		return NULL;
	sk_metrics_render(f);
	fclose(f);
	return text;
}

/* A label set is well formed when each value ends at an unescaped quote
 * and holds only the three escapes. */
static int labels_well_formed(const char *l)
{
	while (*l) {
		const char *eq = strstr(l, "=\"");
		if (!eq)
			return 0;
		const char *p = eq + 2;
		for (; *p && *p != '"'; p++) {
			if (*p == '\n')
				return 0;
			if (*p == '\\') {
				if (p[1] != '\\' && p[1] != '"' && p[1] != 'n')
					return 0;
				p++;
			}
		}
		if (*p != '"')
			return 0;
		p++;
		if (*p == ',')
			p++;
		else if (*p)
			return 0;
		l = p;
	}
	return 1;
}

static void test_labels(void)
{
	char buf[256];
	int rc = sk_metric_labels(buf, sizeof(buf), "rule", "a \"b\" \\ c\nd", "source", "syscall",
		(const char *)NULL);
	CHECK(rc == 0, "labels rc %d", rc);
	CHECK(!strcmp(buf, "rule=\"a \\\"b\\\" \\\\ c\\nd\",source=\"syscall\""), "escaped: %s", buf);

	rc = sk_metric_labels(buf, sizeof(buf), "plugin", (const char *)NULL, (const char *)NULL);
	CHECK(rc == 0 && !strcmp(buf, "plugin=\"\""), "NULL value: %d %s", rc, buf);

	rc = sk_metric_labels(buf, sizeof(buf), (const char *)NULL);
	CHECK(rc == 0 && buf[0] == 0, "no labels: %d '%s'", rc, buf);

	/* Cut at every size: never inside an escape, always well formed. */
	const char *val = "\"\\\n\"\\\nxyz\"";
	for (size_t cap = 1; cap < 40; cap++) {
		char small[40];
		memset(small, 'Z', sizeof(small));
		rc = sk_metric_labels(small, cap, "k", val, "x", "y", (const char *)NULL);
		size_t len = strnlen(small, cap);
		CHECK(len < cap, "cap %zu: not terminated", cap);
		CHECK(labels_well_formed(small), "cap %zu: malformed '%s'", cap, small);
		CHECK(rc == 0 || rc == -ENOSPC, "cap %zu: rc %d", cap, rc);
		if (rc == 0)
			CHECK(!strcmp(small, "k=\"\\\"\\\\\\n\\\"\\\\\\nxyz\\\"\",x=\"y\""),
				"cap %zu: full text '%s'", cap, small);
	}
}

static void test_render(void)
{
	char labels[256];
	sk_metric_labels(labels, sizeof(labels), "rule", "say \"hi\"\nback\\slash",
		(const char *)NULL);
	sk_metric_add(sk_counter("sktest_escape_total", labels, "help with \\ and\nnewline"), 3);
	sk_metric_add(sk_counter("sktest-bad.name total", "", "bad name"), 1);
	sk_metric_add(sk_counter("9sktest_digit", "", "leading digit"), 1);
	char *text = render();
	CHECK(text != NULL, "render");
	if (!text)
		return;
	CHECK(strstr(text, "# HELP sktest_escape_total help with \\\\ and\\nnewline\n") != NULL,
		"HELP not escaped: %s", text);
	CHECK(strstr(text, "sktest_escape_total{rule=\"say \\\"hi\\\"\\nback\\\\slash\"} 3\n") != NULL,
		"sample line: %s", text);
	CHECK(strstr(text, "\nsktest_bad_name_total 1\n") != NULL, "invalid name kept: %s", text);
	CHECK(strstr(text, "\n_sktest_digit 1\n") != NULL, "leading digit kept: %s", text);
	/* Every line is a comment or starts with a valid name. */
	for (char *line = text; *line;) {
		char *nl = strchr(line, '\n');
		CHECK(nl != NULL, "last line unterminated");
		if (!nl)
			break;
		if (line[0] != '#') {
			char c = line[0];
			CHECK((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':',
				"line starts with '%c': %.*s", c, (int)(nl - line), line);
		}
		line = nl + 1;
	}
	/* A lookup by the invalid name finds the registered one. */
	CHECK(sk_metric_value(sk_counter("sktest-bad.name total", "", "bad name")) == 1,
		"same metric for the same invalid name");
	free(text);
}

/* The shared counters keep their exposed names, label order and help. */
static void test_shared(void)
{
	sk_metric_add(sk_metric_drops("sktest_cause", NULL), 1);
	sk_metric_add(sk_metric_drops("sktest_cause", "src\"1"), 2);
	sk_metric_add(sk_metric_plugin_errors("src\"1", "parse"), 3);
	CHECK(sk_metrics_lookup("saker_drops_total", "cause=\"sktest_cause\"") == 1, "drops, no source");
	CHECK(sk_metrics_lookup("saker_drops_total", "cause=\"sktest_cause\",source=\"src\\\"1\"") == 2,
		"drops by cause then source");
	CHECK(sk_metrics_lookup("saker_plugin_errors_total", "source=\"src\\\"1\",op=\"parse\"") == 3,
		"plugin errors by source then op");
	CHECK(sk_metric_drops("sktest_cause", NULL) == sk_metric_drops("sktest_cause", NULL),
		"registered once");

	char *text = render();
	CHECK(text != NULL, "render");
	if (!text)
		return;
	CHECK(strstr(text, "# HELP saker_drops_total Events or alerts dropped, by cause\n") != NULL,
		"drops help: %s", text);
	CHECK(strstr(text, "# HELP saker_plugin_errors_total Plugin calls that failed, by source "
			   "and operation\n") != NULL, "plugin errors help: %s", text);
	free(text);
}

int main(void)
{
	test_labels();
	test_render();
	test_shared();
	printf("%d checks, %d failures\n", checks, failures);
	return failures ? 1 : 0;
}
