/*
 * test_rules_loader_cases.h - the table-driven parts of test_rules_loader.c
 * (broken files, append/override/redefinition, positions, enabling, API).
 * Included once by test_rules_loader.c.
 */

#define R(name, cond) "- rule: " name "\n  desc: d\n  condition: " cond "\n  output: o\n  priority: INFO\n"

/* ---- 3. broken files: one precise diagnostic each -------------------------- */

static const struct {
	const char *label;
	const char *yaml;
	int rc_ok;          /* 1: the load must succeed (the diagnostic is a warning) */
	const char *want;   /* sk_diag_format of the single error (or first warning) */
} broken[] = {
	{ "bad YAML", "- rule: r\n  desc: [unclosed\n  priority: INFO\n", 0,
		"t.yaml:3:11: error: invalid YAML: did not find expected ',' or ']' while parsing a "
		"flow sequence [LOAD_ERR_YAML_PARSE]" },
	{ "not a sequence", "rule: r\n", 0,
		"t.yaml:1:1: error: Rules content is not yaml array of objects [LOAD_ERR_YAML_VALIDATE]" },
	{ "item not a map", "- just a string\n", 0,
		"t.yaml:1:3: error: Unexpected element type. Each element should be a yaml associative "
		"array. [LOAD_ERR_YAML_VALIDATE]" },
	{ "unknown key (warning)", R("r", "evt.type = open") "  colour: blue\n", 1,
		"t.yaml:6:3: warning: rule 'r': Unknown key 'colour'. The key will be ignored. "
		"[LOAD_UNKNOWN_KEY]" },
	{ "unknown top level item (warning)", "- foo: bar\n", 1,
		"t.yaml:1:3: warning: Unknown top level item [LOAD_UNKNOWN_ITEM]" },
	{ "missing condition", "- rule: r\n  desc: d\n  output: o\n  priority: INFO\n", 0,
		"t.yaml:1:3: error: rule 'r': Item has no mapping for key 'condition' "
		"[LOAD_ERR_YAML_VALIDATE]" },
	{ "empty output", "- rule: r\n  desc: d\n  condition: evt.type = open\n  output:\n"
		"  priority: INFO\n", 0,
		"t.yaml:4:10: error: rule 'r': Mapping for key 'output' is empty "
		"[LOAD_ERR_YAML_VALIDATE]" },
	{ "unknown macro", R("r", "evt.type = open and not my_macro"), 0,
		"t.yaml:3:38: error: rule 'r': Undefined macro 'my_macro' used in filter. "
		"[LOAD_ERR_COMPILE_CONDITION]" },
	{ "macro referencing a later macro",
		"- macro: a\n  condition: b\n- macro: b\n  condition: evt.type = open\n"
		R("r", "a"), 0,
		"t.yaml:2:14: error: macro 'a': Undefined macro 'b' used in filter. "
		"[LOAD_ERR_COMPILE_CONDITION]" },
	{ "unbalanced parentheses", R("r", "(evt.type = open and (proc.name = cat)"), 0,
		"t.yaml:3:14: error: rule 'r': missing ')' for '(' here [LOAD_ERR_COMPILE_CONDITION]" },
	{ "unknown field", R("r", "evt.type = open and proc.nme = cat"), 0,
		"t.yaml:3:34: error: rule 'r': unknown field 'proc.nme' for source 'syscall' "
		"[LOAD_ERR_COMPILE_CONDITION]" },
	{ "bad operator for the field type", R("r", "evt.type = open and fd.num contains 3"), 0,
		"t.yaml:3:34: error: rule 'r': operator 'contains' is not supported by field 'fd.num' "
		"[LOAD_ERR_COMPILE_CONDITION]" },
	{ "unknown output field", "- rule: r\n  desc: d\n  condition: evt.type = open\n"
		"  output: name=%proc.name bad=%proc.nosuch\n  priority: INFO\n", 0,
		"t.yaml:4:32: error: rule 'r': invalid output format: unknown field 'proc.nosuch' for "
		"source 'syscall' [LOAD_ERR_COMPILE_OUTPUT]" },
	{ "bad priority", "- rule: r\n  desc: d\n  condition: evt.type = open\n  output: o\n"
		"  priority: SUPER\n", 0,
		"t.yaml:5:13: error: rule 'r': Unknown priority value: SUPER [LOAD_ERR_YAML_VALIDATE]" },
	{ "engine version too new (integer)", "- required_engine_version: 64\n", 0,
		"t.yaml:1:28: error: required_engine_version: Rules require engine version 0.64.0, but "
		"engine version is 0.63.0 [LOAD_ERR_VALIDATE]" },
	{ "engine version other major", "- required_engine_version: 1.0.0\n", 0,
		"t.yaml:1:28: error: required_engine_version: Rules require engine version 1.0.0, but "
		"engine version is 0.63.0 [LOAD_ERR_VALIDATE]" },
	{ "engine version malformed", "- required_engine_version: banana\n", 0,
		"t.yaml:1:28: error: required_engine_version: Unable to parse engine version 'banana' "
		"as a semver string. Expected \"x.y.z\" semver format. [LOAD_ERR_YAML_VALIDATE]" },
	{ "plugin not loaded",
		"- required_plugin_versions:\n  - name: okta\n    version: 0.11.0\n"
		"    alternatives:\n      - name: okta-eu\n        version: 0.1.0\n", 0,
		"t.yaml:2:5: error: required_plugin_versions 'okta': Plugin requirement not satisfied, "
		"must load one of: okta (>= 0.11.0), okta-eu (>= 0.1.0) [LOAD_ERR_VALIDATE]" },
	{ "plugin too old",
		"- required_plugin_versions:\n  - name: container\n    version: 0.5.0\n", 0,
		"t.yaml:2:5: error: required_plugin_versions 'container': Plugin 'container' version "
		"'0.4.0' is not compatible with required plugin version '0.5.0' [LOAD_ERR_VALIDATE]" },
	{ "override of an undefined rule",
		"- rule: nope\n  condition: evt.type = open\n  override:\n    condition: replace\n", 0,
		"t.yaml:1:3: error: rule 'nope': An 'override.condition: replace' to a rule was "
		"requested but no rule by that name already exists [LOAD_ERR_VALIDATE]" },
	{ "append to an undefined rule (override)",
		"- rule: nope\n  condition: and proc.name = x\n  override:\n    condition: append\n", 0,
		"t.yaml:1:3: error: rule 'nope': Rule uses 'append' or 'override.condition: append' but "
		"no rule by that name already exists [LOAD_ERR_VALIDATE]" },
	{ "append to an undefined list",
		"- list: nope\n  items: [a]\n  append: true\n", 0,
		"t.yaml:1:3: error: list 'nope': List uses 'append' or 'override.items: append' but no "
		"list by that name already exists [LOAD_ERR_VALIDATE]" },
	{ "append to an undefined macro",
		"- macro: nope\n  condition: and x\n  override:\n    condition: append\n", 0,
		"t.yaml:1:3: error: macro 'nope': Macro uses 'append' or 'override.condition: append' "
		"but no macro by that name already exists [LOAD_ERR_VALIDATE]" },
	{ "override together with append: true",
		R("r", "evt.type = open") "- rule: r\n  condition: and proc.name = x\n  append: true\n"
		"  override:\n    condition: append\n", 0,
		"t.yaml:10:5: error: rule 'r': Keys 'override' and 'append: true' cannot be used "
		"together. Add an 'append' entry (e.g. 'condition: append') under 'override' instead. "
		"[LOAD_ERR_YAML_VALIDATE]" },
	{ "overridable key not listed under override",
		R("r", "evt.type = open") "- rule: r\n  condition: and proc.name = x\n"
		"  desc: other\n  override:\n    condition: append\n", 0,
		"t.yaml:8:3: error: rule 'r': Unexpected key 'desc': no corresponding entry under "
		"'override' is defined. [LOAD_ERR_YAML_VALIDATE]" },
	{ "standalone enabled without a rule", "- rule: nope\n  enabled: false\n", 0,
		"t.yaml:1:3: error: rule 'nope': Rule has 'enabled' key but no rule by that name "
		"already exists [LOAD_ERR_VALIDATE]" },
	{ "redefinition with another source",
		R("r", "evt.type = open") "- rule: r\n  desc: d\n  condition: ka.verb = get\n"
		"  output: o\n  priority: INFO\n  source: k8s_audit\n", 0,
		"t.yaml:11:11: error: rule 'r': Rule has been re-defined with a different source "
		"[LOAD_ERR_VALIDATE]" },
	{ "exception fields/comps length", R("r", "evt.type = open")
		"  exceptions:\n    - name: e\n      fields: [proc.name, fd.name]\n      comps: [=]\n"
		"      values: [[a, b]]\n", 0,
		"t.yaml:7:7: error: rule 'r': Rule exception item 'e': Fields and comps lists must "
		"have equal length [LOAD_ERR_YAML_VALIDATE]" },
	{ "exception values tuple length", R("r", "evt.type = open")
		"  exceptions:\n    - name: e\n      fields: [proc.name, fd.name]\n"
		"      values: [[a]]\n", 0,
		"t.yaml:7:7: error: rule 'r': Rule exception item 'e': Fields and values lists must "
		"have equal length [LOAD_ERR_YAML_VALIDATE]" },
	{ "exception with an unknown field", R("r", "evt.type = open")
		"  exceptions:\n    - name: e\n      fields: [proc.nosuch]\n      values: [[a]]\n", 0,
		"t.yaml:7:7: error: rule 'r': Rule exception item 'e': invalid field 'proc.nosuch': "
		"unknown field 'proc.nosuch' for source 'syscall' [LOAD_ERR_COMPILE_CONDITION]" },
	{ "disabled rule that does not compile",
		R("r", "evt.type = open and proc.nme = x") "  enabled: false\n", 0,
		"t.yaml:3:34: error: rule 'r': unknown field 'proc.nme' for source 'syscall' "
		"[LOAD_ERR_COMPILE_CONDITION]" },
	{ "alias expansion bomb",
		"- list: a\n  items: &a [x, x, x, x, x, x, x, x, x, x]\n"
		"- list: b\n  items: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
		"- list: c\n  items: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
		"- list: d\n  items: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
		"- list: e\n  items: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
		"- list: f\n  items: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n", 0,
		"t.yaml:2:32: error: YAML document too large (> 500000 nodes after alias expansion; "
		"limit saker.rules_limits.max_yaml_nodes) [LOAD_ERR_YAML_PARSE]" },
	{ "list doubling beyond max_list_items",
		"- list: l0\n  items: [a, b]\n"
		"- list: l1\n  items: [l0, l0]\n"
		"- list: l2\n  items: [l1, l1]\n"
		"- list: l3\n  items: [l2, l2]\n"
		"- list: l4\n  items: [l3, l3]\n"
		"- list: l5\n  items: [l4, l4]\n"
		"- list: l6\n  items: [l5, l5]\n"
		"- list: l7\n  items: [l6, l6]\n"
		"- list: l8\n  items: [l7, l7]\n"
		"- list: l9\n  items: [l8, l8]\n"
		"- list: l10\n  items: [l9, l9]\n"
		"- list: l11\n  items: [l10, l10]\n"
		"- list: l12\n  items: [l11, l11]\n"
		"- list: l13\n  items: [l12, l12]\n"
		"- list: l14\n  items: [l13, l13]\n"
		"- list: l15\n  items: [l14, l14]\n"
		"- list: l16\n  items: [l15, l15]\n"
		"- list: l17\n  items: [l16, l16]\n"
		R("r", "evt.type = open and proc.name in (l17)"), 0,
		"t.yaml:33:3: error: list 'l16': List expands to more than 100000 items (limit "
		"saker.rules_limits.max_list_items) [LOAD_ERR_VALIDATE]" },
	{ "macro doubling beyond max_condition_nodes",
		"- macro: m0\n  condition: proc.name = a\n"
		"- macro: m1\n  condition: m0 or m0\n"
		"- macro: m2\n  condition: m1 or m1\n"
		"- macro: m3\n  condition: m2 or m2\n"
		"- macro: m4\n  condition: m3 or m3\n"
		"- macro: m5\n  condition: m4 or m4\n"
		"- macro: m6\n  condition: m5 or m5\n"
		"- macro: m7\n  condition: m6 or m6\n"
		"- macro: m8\n  condition: m7 or m7\n"
		"- macro: m9\n  condition: m8 or m8\n"
		"- macro: m10\n  condition: m9 or m9\n"
		"- macro: m11\n  condition: m10 or m10\n"
		"- macro: m12\n  condition: m11 or m11\n"
		"- macro: m13\n  condition: m12 or m12\n"
		"- macro: m14\n  condition: m13 or m13\n"
		"- macro: m15\n  condition: m14 or m14\n"
		"- macro: m16\n  condition: m15 or m15\n"
		"- macro: m17\n  condition: m16 or m16\n"
		R("r", "evt.type = open and m17"), 0,
		"t.yaml:2:14: error: rule 'r': condition expands to more than 100000 nodes (macros "
		"and exceptions included; limit saker.rules_limits.max_condition_nodes) (in macro "
		"'m0') [LOAD_ERR_COMPILE_CONDITION]" },
	{ "YAML nesting beyond max_yaml_depth",
		"- list: l\n  items: " "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n", 0,
		"t.yaml:2:72: error: YAML nesting deeper than 64 levels (limit "
		"saker.rules_limits.max_yaml_depth) [LOAD_ERR_YAML_PARSE]" },
	{ "legacy rule append without condition or exceptions",
		R("r", "evt.type = open") "- rule: r\n  output: more\n  append: true\n", 0,
		"t.yaml:6:3: error: rule 'r': Appended rule must have exceptions or condition property "
		"[LOAD_ERR_YAML_VALIDATE]" },
	{ "legacy rule append to an undefined rule",
		"- rule: nope\n  condition: and proc.name = x\n  append: true\n", 0,
		"t.yaml:1:3: error: rule 'nope': Rule uses 'append' or 'override.<key>: append' but no "
		"rule by that name already exists [LOAD_ERR_VALIDATE]" },
	{ "override value neither append nor replace",
		R("r", "evt.type = open") "- rule: r\n  condition: x\n  override:\n    condition: merge\n",
		0,
		"t.yaml:9:5: error: rule 'r': Invalid override value for key 'condition': must be "
		"'append' or 'replace' [LOAD_ERR_YAML_VALIDATE]" },
	{ "override of a key that cannot be appended",
		R("r", "evt.type = open") "- rule: r\n  priority: INFO\n  override:\n    priority: append\n",
		0,
		"t.yaml:9:5: error: rule 'r': Key 'priority' cannot be overridden with 'append' "
		"[LOAD_ERR_YAML_VALIDATE]" },
	{ "exception name missing", R("r", "evt.type = open")
		"  exceptions:\n    - fields: [proc.name]\n      values: [[a]]\n", 0,
		"t.yaml:7:7: error: rule 'r': Item has no mapping for key 'name' [LOAD_ERR_YAML_VALIDATE]" },
	{ "append exception fields to an existing exception", R("r", "evt.type = open")
		"  exceptions:\n    - name: e\n      fields: [proc.name]\n      values: [[a]]\n"
		"- rule: r\n  exceptions:\n    - name: e\n      fields: [fd.name]\n      values: [[b]]\n"
		"  override:\n    exceptions: append\n", 0,
		"t.yaml:12:7: error: rule 'r': Can not append exception fields to existing exception, "
		"only values [LOAD_ERR_VALIDATE]" },
	{ "boolean key with a non-boolean", R("r", "evt.type = open") "  enabled: maybe\n", 0,
		"t.yaml:6:12: error: rule 'r': Value for key 'enabled' must be a boolean, got 'maybe' "
		"[LOAD_ERR_YAML_VALIDATE]" },
};

static void test_broken(void)
{
	for (size_t i = 0; i < sizeof(broken) / sizeof(broken[0]); i++) {
		sk_ruleset_t *rs = NULL;
		sk_diags_t d;
		int rc = load(broken[i].yaml, NULL, &rs, &d);
		char got[1024] = "";
		size_t nerr = d.nerrors;
		const sk_diag_t *first = NULL;
		for (size_t k = 0; k < d.n && !first; k++)
			if (d.v[k].level == (broken[i].rc_ok ? SK_DIAG_WARNING : SK_DIAG_ERROR))
				first = &d.v[k];
		if (first)
			sk_diag_format(first, got, sizeof(got));
		if (broken[i].rc_ok) {
			CHECK(rc == 0 && rs && nerr == 0 && d.nwarnings == 1,
				"%s: expected success with one warning (rc=%d errors=%zu warnings=%zu)",
				broken[i].label, rc, nerr, d.nwarnings);
		} else {
			CHECK(rc == -EINVAL && !rs && nerr == 1,
				"%s: expected exactly one error (rc=%d errors=%zu)", broken[i].label, rc, nerr);
			/* every error names file, line and column */
			CHECK(first && first->file && first->line && first->col,
				"%s: error without a position: %s", broken[i].label, got);
		}
		if (broken[i].want)
			CHECK(!strcmp(got, broken[i].want), "%s:\n  got  %s\n  want %s", broken[i].label,
				got, broken[i].want);
		else
			printf("  [%s] %s\n", broken[i].label, got);
		if ((broken[i].rc_ok ? 0 : 1) != (rc != 0))
			dump_diags(&d);
		sk_ruleset_unref(rs);
		sk_diags_free(&d);
	}
}

/* ---- 4. append / override / redefinition ----------------------------------- */

typedef struct collect_case {
	const char *label;
	const char *yaml;
	const char *rule;       /* rule to inspect (NULL: none) */
	const char *cond;       /* expected cond_text */
	const char *output;     /* expected output_text or NULL */
	const char *desc;       /* expected desc or NULL */
	int prio;               /* expected priority or -1 */
	int enabled;            /* expected enabled or -1 */
	const char *tags;       /* expected tags joined by ',' or NULL */
	const char *order;      /* expected rule order joined by ',' or NULL */
	const char *list;       /* "name=items" expected list text or NULL */
	const char *macro;      /* "name=text" expected macro text or NULL */
	size_t warnings;        /* expected number of warnings */
} collect_case_t;

static const collect_case_t collect[] = {
	{ "list redefinition replaces items, keeps position",
		"- list: l\n  items: [a, b]\n- list: m\n  items: [z]\n- list: l\n  items: [c]\n"
		R("r", "evt.type = open and proc.name in (l, m)"),
		"r", "evt.type = open and proc.name in ( c , z )", NULL, NULL, -1, -1, NULL, NULL, "l=c", NULL, 0 },
	{ "legacy list append",
		"- list: l\n  items: [a]\n- list: l\n  items: [b]\n  append: true\n"
		R("r", "evt.type = open and proc.name in (l)"),
		"r", "evt.type = open and proc.name in ( a, b )", NULL, NULL, -1, -1, NULL, NULL, "l=a, b", NULL, 1 },
	{ "list override append and replace",
		"- list: l\n  items: [a]\n- list: l\n  items: [b]\n  override:\n    items: append\n"
		"- list: k\n  items: [x]\n- list: k\n  items: [y]\n  override:\n    items: replace\n"
		R("r", "evt.type = open and proc.name in (l, k)"),
		"r", "evt.type = open and proc.name in ( a, b , y )", NULL, NULL, -1, -1, NULL, NULL, "k=y", NULL, 0 },
	{ "list referencing an earlier list",
		"- list: a\n  items: [x, y]\n- list: b\n  items: [a, z]\n" R("r", "evt.type = open and proc.name in (b)"),
		"r", "evt.type = open and proc.name in ( x, y, z )", NULL, NULL, -1, -1, NULL, NULL, "b=a, z", NULL, 0 },
	{ "numeric-looking items stay strings",
		"- list: ports\n  items: [80, 8080, 0x10]\n" R("r", "evt.type = open and fd.sport in (ports)"),
		"r", "evt.type = open and fd.sport in ( 80, 8080, 0x10 )", NULL, NULL, -1, -1, NULL, NULL,
		"ports=80, 8080, 0x10", NULL, 0 },
	{ "legacy macro append",
		"- macro: m\n  condition: proc.name = a\n- macro: m\n  condition: or proc.name = b\n"
		"  append: true\n" R("r", "evt.type = open and m"),
		"r", "evt.type = open and m", NULL, NULL, -1, -1, NULL, NULL, NULL,
		"m=proc.name = a or proc.name = b", 1 },
	{ "macro override replace",
		"- macro: m\n  condition: proc.name = a\n- macro: m\n  condition: proc.name = c\n"
		"  override:\n    condition: replace\n" R("r", "evt.type = open and m"),
		"r", "evt.type = open and m", NULL, NULL, -1, -1, NULL, NULL, NULL, "m=proc.name = c", 0 },
	{ "legacy rule append (condition, output, desc, tags)",
		"- rule: r\n  desc: d\n  condition: evt.type = open\n  output: o\n  priority: INFO\n"
		"  tags: [b, a]\n"
		"- rule: r\n  condition: and proc.name = x\n  output: more\n  desc: extra\n"
		"  tags: [c, a]\n  append: true\n",
		"r", "evt.type = open and proc.name = x", "o more", "d extra", SK_PRIO_INFORMATIONAL, 1,
		"a,b,c", NULL, NULL, NULL, 1 },
	{ "rule override mixing append and replace",
		R("r", "evt.type = open")
		"- rule: r\n  condition: and proc.name = x\n  priority: critical\n  enabled: false\n"
		"  override:\n    condition: append\n    priority: replace\n    enabled: replace\n",
		"r", "evt.type = open and proc.name = x", "o", "d", SK_PRIO_CRITICAL, 0, NULL, NULL,
		NULL, NULL, 0 },
	{ "rule override replace output and tags",
		R("r", "evt.type = open") "  tags: [a]\n"
		"- rule: r\n  output: new %proc.name\n  tags: [z]\n"
		"  override:\n    output: replace\n    tags: replace\n",
		"r", "evt.type = open", "new %proc.name", NULL, -1, 1, "z", NULL, NULL, NULL, 0 },
	{ "rule redefinition keeps the first position",
		R("a", "evt.type = open") R("b", "evt.type = close") R("a", "evt.type = connect"),
		"a", "evt.type = connect", NULL, NULL, -1, 1, NULL, "a,b", NULL, NULL, 0 },
	{ "standalone enabled toggles an existing rule",
		R("r", "evt.type = open") "- rule: r\n  enabled: false\n",
		"r", "evt.type = open", NULL, NULL, -1, 0, NULL, NULL, NULL, NULL, 1 },
	{ "override enabled: replace",
		R("r", "evt.type = open") "  enabled: false\n- rule: r\n  enabled: true\n"
		"  override:\n    enabled: replace\n",
		"r", "evt.type = open", NULL, NULL, -1, 1, NULL, NULL, NULL, NULL, 0 },
	{ "exceptions append values to a same-named exception",
		R("r", "evt.type = open")
		"  exceptions:\n    - name: e\n      fields: [proc.name]\n      values: [[a]]\n"
		"- rule: r\n  exceptions:\n    - name: e\n      values: [[b]]\n"
		"    - name: f\n      fields: fd.name\n      values: [/x]\n"
		"  override:\n    exceptions: append\n",
		"r", "(evt.type = open) and not (( proc.name = a) or ( proc.name = b)) and not (fd.name "
		"in (/x))", NULL, NULL, -1, 1, NULL, NULL, NULL, NULL, 0 },
	{ "tags are a sorted set, output trimmed, priority case-insensitive",
		"- rule: r\n  desc: d\n  condition: evt.type = open\n  output: >\n    text %proc.name\n\n"
		"  priority: wArNiNg\n  tags: [z, a, z, m]\n",
		"r", "evt.type = open", "text %proc.name", NULL, SK_PRIO_WARNING, 1, "a,m,z", NULL,
		NULL, NULL, 0 },
	{ "multi-document file, null items skipped, key order free",
		"- list: l\n  items: [a]\n---\n-\n- condition: proc.name in (l)\n  macro: m\n---\n"
		R("r", "evt.type = open and m"),
		"r", "evt.type = open and m", NULL, NULL, -1, 1, NULL, NULL, "l=a",
		"m=proc.name in (l)", 0 },
};

static void join_tags(const sk__rule_t *r, char *b, size_t n)
{
	b[0] = '\0';
	for (size_t i = 0; i < r->ntags; i++) {
		strncat(b, r->tags[i], n - strlen(b) - 2);
		if (i + 1 < r->ntags)
			strcat(b, ",");
	}
}

static bool named_text(const sk__named_text_t *v, size_t n, const char *spec)
{
	const char *eq = strchr(spec, '=');
	for (size_t i = 0; i < n; i++)
		if (strlen(v[i].name) == (size_t)(eq - spec) && !strncmp(v[i].name, spec, eq - spec))
			return !strcmp(v[i].text, eq + 1);
	return false;
}

static void test_collect(void)
{
	for (size_t i = 0; i < sizeof(collect) / sizeof(collect[0]); i++) {
		const collect_case_t *c = &collect[i];
		sk_ruleset_t *rs = NULL;
		sk_diags_t d;
		int rc = load(c->yaml, NULL, &rs, &d);
		CHECK(rc == 0 && rs, "%s: load failed", c->label);
		if (rc) {
			dump_diags(&d);
			sk_diags_free(&d);
			continue;
		}
		const sk__rule_t *r = rule_named(rs, c->rule);
		CHECK(r, "%s: rule %s missing", c->label, c->rule);
		if (r) {
			CHECK(r->cond_text && !strcmp(r->cond_text, c->cond), "%s: cond\n  got  %s\n  want %s",
				c->label, r->cond_text ? r->cond_text : "(none)", c->cond);
			if (c->output)
				CHECK(!strcmp(r->output_text, c->output), "%s: output got '%s' want '%s'",
					c->label, r->output_text, c->output);
			if (c->desc)
				CHECK(!strcmp(r->desc, c->desc), "%s: desc got '%s' want '%s'", c->label,
					r->desc, c->desc);
			if (c->prio >= 0)
				CHECK((int)r->priority == c->prio, "%s: priority got %d want %d", c->label,
					r->priority, c->prio);
			if (c->enabled >= 0)
				CHECK(r->enabled == (c->enabled == 1), "%s: enabled got %d", c->label,
					r->enabled);
			if (c->tags) {
				char t[256];
				join_tags(r, t, sizeof(t));
				CHECK(!strcmp(t, c->tags), "%s: tags got '%s' want '%s'", c->label, t, c->tags);
			}
		}
		if (c->order) {
			char o[256] = "";
			for (size_t k = 0; k < rs->nrules; k++) {
				strcat(o, rs->rules[k].name);
				if (k + 1 < rs->nrules)
					strcat(o, ",");
			}
			CHECK(!strcmp(o, c->order), "%s: order got '%s' want '%s'", c->label, o, c->order);
		}
		if (c->list)
			CHECK(named_text(rs->lists, rs->nlists, c->list), "%s: list %s", c->label, c->list);
		if (c->macro)
			CHECK(named_text(rs->macros, rs->nmacros, c->macro), "%s: macro %s", c->label,
				c->macro);
		CHECK(d.nwarnings == c->warnings, "%s: %zu warnings, want %zu", c->label, d.nwarnings,
			c->warnings);
		if (d.nwarnings != c->warnings)
			dump_diags(&d);
		sk_ruleset_unref(rs);
		sk_diags_free(&d);
	}
}

/* ---- 5. positions of errors inside conditions ------------------------------ */

static const struct {
	const char *label;
	const char *yaml;
	const char *culprit;  /* the error must point at this text's first occurrence */
	int nth;              /* ... or its nth occurrence (0 = first) */
} positions[] = {
	{ "plain one-line", R("r", "evt.type = open and proc.nme = x"), "proc.nme", 0 },
	{ "folded block scalar",
		"- rule: r\n  desc: d\n  condition: >\n    evt.type = open\n    and proc.name = a\n"
		"    and proc.nme = x\n  output: o\n  priority: INFO\n", "proc.nme", 0 },
	{ "literal block scalar",
		"- rule: r\n  desc: d\n  condition: |\n    evt.type = open and\n      (proc.name = a or\n"
		"       proc.nme = x)\n  output: o\n  priority: INFO\n", "proc.nme", 0 },
	{ "plain multi-line scalar",
		"- rule: r\n  desc: d\n  condition: evt.type = open\n    and proc.name = a\n"
		"    and proc.nme = x\n  output: o\n  priority: INFO\n", "proc.nme", 0 },
	{ "double-quoted scalar", R("r", "\"evt.type = open and proc.nme = x\""), "proc.nme", 0 },
	{ "after a list substitution",
		"- list: l\n  items: [a, b, c, d, e, f]\n" R("r", "proc.name in (l) and proc.nme = x"),
		"proc.nme", 0 },
	{ "inside a macro used by the rule",
		"- macro: m\n  condition: >\n    proc.name = a or\n    proc.nme = x\n"
		R("r", "evt.type = open and m"), "proc.nme", 0 },
	{ "macro appended in another item",
		"- macro: m\n  condition: proc.name = a\n- macro: m\n  condition: or proc.nme = x\n"
		"  override:\n    condition: append\n" R("r", "evt.type = open and m"), "proc.nme", 0 },
	{ "unknown macro in a rule with exceptions",
		R("r", "evt.type = open and not nomacro")
		"  exceptions:\n    - name: e\n      fields: proc.name\n      values: [a]\n", "nomacro", 0 },
	{ "output format error", "- rule: r\n  desc: d\n  condition: evt.type = open\n"
		"  output: >\n    name=%proc.name\n    bad=%proc.nosuch\n  priority: INFO\n",
		"proc.nosuch", 0 },
};

static void test_positions(void)
{
	for (size_t i = 0; i < sizeof(positions) / sizeof(positions[0]); i++) {
		sk_ruleset_t *rs = NULL;
		sk_diags_t d;
		int rc = load(positions[i].yaml, NULL, &rs, &d);
		unsigned line, col;
		pos_of(positions[i].yaml, positions[i].culprit, &line, &col);
		const sk_diag_t *e = d.n ? &d.v[0] : NULL;
		for (size_t k = 0; k < d.n; k++)
			if (d.v[k].level == SK_DIAG_ERROR) {
				e = &d.v[k];
				break;
			}
		CHECK(rc && e && e->level == SK_DIAG_ERROR && e->line == line && e->col == col &&
				e->file && !strcmp(e->file, "t.yaml"),
			"%s: error at %u:%u, expected %u:%u", positions[i].label, e ? e->line : 0,
			e ? e->col : 0, line, col);
		if (!(e && e->line == line && e->col == col))
			dump_diags(&d);
		sk_ruleset_unref(rs);
		sk_diags_free(&d);
	}
}

/* ---- 6. enabling, sources, versions ---------------------------------------- */

static void test_enabling(void)
{
	const char *y =
		"- rule: A\n  desc: d\n  condition: evt.type = open\n  output: o\n  priority: WARNING\n"
		"  tags: [ta]\n"
		"- rule: B\n  desc: d\n  condition: evt.type = close\n  output: o\n  priority: DEBUG\n"
		"- rule: C\n  desc: d\n  condition: evt.type = connect\n  output: o\n  priority: NOTICE\n"
		"  enabled: false\n"
		"- rule: K\n  desc: d\n  condition: ka.verb = get\n  output: o\n  priority: NOTICE\n"
		"  source: k8s_audit\n"
		"- rule: U\n  desc: d\n  condition: foo.bar = 1\n  output: o\n  priority: NOTICE\n"
		"  source: unknownsrc\n"
		"- rule: S\n  desc: d\n  condition: evt.type = open and proc.nosuch = 1\n  output: o\n"
		"  priority: NOTICE\n  skip-if-unknown-filter: true\n";
	sk_ruleset_t *rs = NULL;
	sk_diags_t d;
	const char *sel[] = { "enable:C", "disable_tag:ta", "enable:*" };
	sk_rules_opts_t o = { .min_priority = SK_PRIO_NOTICE, .selectors = sel, .nselectors = 2 };
	int rc = load(y, &o, &rs, &d);
	CHECK(rc == 0, "enabling: load failed");
	if (rc) {
		dump_diags(&d);
		sk_diags_free(&d);
		return;
	}
	CHECK(!rule_named(rs, "A")->enabled, "A disabled by tag selector");
	CHECK(!rule_named(rs, "B")->enabled, "B below min_priority");
	CHECK(rule_named(rs, "C")->enabled, "C enabled by selector");
	CHECK(rule_named(rs, "K")->enabled, "K enabled");
	CHECK(!rule_named(rs, "U")->enabled && !rule_named(rs, "U")->compiled, "U unknown source");
	CHECK(!rule_named(rs, "S")->enabled && !rule_named(rs, "S")->compiled, "S skipped");
	CHECK(rule_named(rs, "B")->compiled, "B still compiled");
	bool unk = false, skip = false;
	for (size_t i = 0; i < d.n; i++) {
		char b[512];
		sk_diag_format(&d.v[i], b, sizeof(b));
		unk |= strstr(b, "warning: rule 'U': Unknown source unknownsrc, skipping "
				 "[LOAD_UNKNOWN_SOURCE]") != NULL;
		skip |= strstr(b, "rule 'S'") && strstr(b, "[LOAD_UNKNOWN_FILTER]");
	}
	CHECK(unk, "unknown source warning");
	CHECK(skip, "skip-if-unknown-filter warning");
	CHECK(d.nerrors == 0, "no errors");
	sk_ruleset_stats_t st;
	sk_ruleset_stats(rs, &st);
	CHECK(st.rules == 6 && st.rules_enabled == 2, "stats rules %zu enabled %zu", st.rules,
		st.rules_enabled);
	const char *const *srcs;
	size_t ns = sk_ruleset_sources(rs, &srcs);
	CHECK(ns == 2 && !strcmp(srcs[0], "syscall") && !strcmp(srcs[1], "k8s_audit"),
		"sources (%zu)", ns);
	sk_ruleset_unref(rs);
	sk_diags_free(&d);

	/* a wildcard enable does not lift the priority threshold */
	o.nselectors = 3;
	o.selectors = sel;
	rc = load(y, &o, &rs, &d);
	CHECK(rc == 0 && rule_named(rs, "A")->enabled && !rule_named(rs, "B")->enabled &&
			rule_named(rs, "C")->enabled,
		"enable:* after disable_tag");
	sk_ruleset_unref(rs);
	sk_diags_free(&d);

	/* bad selector */
	const char *bad[] = { "switch:A" };
	o.selectors = bad;
	o.nselectors = 1;
	rc = load(y, &o, &rs, &d);
	CHECK(rc == -EINVAL && d.nerrors == 1 && strstr(d.v[d.n - 1].message, "switch:A"),
		"bad selector rejected");
	sk_ruleset_unref(rs);
	sk_diags_free(&d);

	/* engine / plugin versions accepted */
	static const char *ok[] = {
		"- required_engine_version: 57\n", "- required_engine_version: 0.57.0\n",
		"- required_engine_version: 63\n", "- required_engine_version: '0.63.0'\n",
		"- required_engine_version: 10\n",
		"- required_plugin_versions:\n  - name: container\n    version: 0.4.0\n",
		"- required_plugin_versions:\n  - name: container\n    version: 0.3.9\n",
		"- required_plugin_versions:\n  - name: k8saudit-eks\n    version: 0.12.0\n"
		"    alternatives:\n      - name: k8saudit\n        version: 0.18.0\n"
		"  - name: json\n    version: 0.7.0\n",
	};
	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		rc = load(ok[i], NULL, &rs, &d);
		CHECK(rc == 0 && d.nerrors == 0, "version item accepted: %s", ok[i]);
		if (rc)
			dump_diags(&d);
		sk_ruleset_unref(rs);
		sk_diags_free(&d);
	}

	/* append_output and extra output fields */
	const char *extra[] = { "proc.pid", "nosuch.field" };
	sk_rules_opts_t ao = { .min_priority = SK_PRIO_DEBUG, .append_output = "pid=%proc.pid",
		.extra_fields = extra, .nextra_fields = 2 };
	rc = load(R("r", "evt.type = open"), &ao, &rs, &d);
	CHECK(rc == 0 && !strcmp(rule_named(rs, "r")->output_text, "o pid=%proc.pid"),
		"append_output appended");
	sk_ruleset_unref(rs);
	sk_diags_free(&d);

	/* warn_evttypes */
	rc = load(R("r", "proc.name = x"), NULL, &rs, &d);
	CHECK(rc == 0 && d.nwarnings == 1 && !strcmp(d.v[0].code, "LOAD_NO_EVTTYPE"),
		"rule without evt.type warns");
	sk_ruleset_unref(rs);
	sk_diags_free(&d);
	rc = load(R("r", "proc.name = x") "  warn_evttypes: false\n", NULL, &rs, &d);
	CHECK(rc == 0 && d.nwarnings == 0, "warn_evttypes: false silences it");
	sk_ruleset_unref(rs);
	sk_diags_free(&d);

	/* unused list / macro */
	rc = load("- list: l\n  items: [a]\n- macro: m\n  condition: proc.name = a\n"
		  R("r", "evt.type = open"), NULL, &rs, &d);
	CHECK(rc == 0 && d.nwarnings == 2, "unused list and macro warn (%zu)", d.nwarnings);
	sk_ruleset_unref(rs);
	sk_diags_free(&d);
}

static void test_api(void)
{
	sk_ruleset_t *rs = NULL;
	sk_diags_t d;
	int rc = load(R("a", "evt.type in (open, openat)") R("b", "evt.type = open")
		R("k", "proc.name = x") "  warn_evttypes: false\n  enabled: false\n", NULL, &rs, &d);
	CHECK(rc == 0, "api load");
	if (rc) {
		dump_diags(&d);
		return;
	}
	CHECK(sk_ruleset_ref(rs) == rs, "ref");
	sk_ruleset_unref(rs);
	uint16_t *t;
	size_t n;
	bool all;
	rc = sk_ruleset_event_types(rs, "syscall", &t, &n, &all);
	CHECK(rc == 0 && !all && n >= 3, "event types: n=%zu all=%d", n, all);
	for (size_t i = 1; i < n; i++)
		CHECK(t[i - 1] < t[i], "event types sorted unique");
	free(t);
	rc = sk_ruleset_event_types(rs, "k8s_audit", &t, &n, &all);
	CHECK(rc == 0 && n == 0 && !all && !t, "no rules of the source");
	sk_ruleset_unref(rs);
	sk_diags_free(&d);
	sk_ruleset_unref(NULL);
	sk_diags_free(NULL);

	/* files on disk, and a missing file */
	const char *missing[] = { "/nonexistent/rules.yaml" };
	rc = sk_ruleset_load(&th_host, missing, 1, NULL, &rs, &d);
	CHECK(rc == -ENOENT && !rs && d.nerrors == 1 && !strcmp(d.v[0].file, missing[0]),
		"missing file");
	sk_diags_free(&d);

	/* several files: positions name the right file; the first error stops */
	const char *names[] = { "one.yaml", "two.yaml", "three.yaml" };
	const char *texts[] = { "- macro: m\n  condition: proc.name = a\n",
		R("r", "evt.type = open and m and bad.field = 1"), "- rule: [\n" };
	rc = sk_ruleset_load_mem(&th_host, names, texts, 3, NULL, &rs, &d);
	CHECK(rc == -EINVAL && d.nerrors == 1 && !strcmp(d.v[d.n - 1].file, "three.yaml"),
		"YAML error of the third file stops the load");
	sk_diags_free(&d);
	rc = sk_ruleset_load_mem(&th_host, names, texts, 2, NULL, &rs, &d);
	CHECK(rc == -EINVAL && d.nerrors == 1 && !strcmp(d.v[d.n - 1].file, "two.yaml") &&
			d.v[d.n - 1].line == 3 && d.v[d.n - 1].col == 40,
		"compile error located in the second file");
	sk_diags_free(&d);
	const char *over[] = { R("r", "evt.type = open"),
		"- rule: r\n  condition: and proc.name = x\n  override:\n    condition: append\n" };
	rc = sk_ruleset_load_mem(&th_host, names, over, 2, NULL, &rs, &d);
	CHECK(rc == 0 && !strcmp(rule_named(rs, "r")->cond_text, "evt.type = open and proc.name = x"),
		"override across files");
	sk_ruleset_unref(rs);
	sk_diags_free(&d);

	/* capture keys */
	rc = load(R("r", "evt.type = open") "  capture: true\n  capture_duration: 5000\n", NULL,
		&rs, &d);
	CHECK(rc == 0 && rule_named(rs, "r")->capture &&
			rule_named(rs, "r")->capture_duration == 5000,
		"capture keys");
	sk_ruleset_unref(rs);
	sk_diags_free(&d);

	/* diagnostics formatting without position / item */
	sk_diag_t g = { .level = SK_DIAG_WARNING, .message = "m" };
	char b[64];
	sk_diag_format(&g, b, sizeof(b));
	CHECK(!strcmp(b, "warning: m"), "format minimal: %s", b);
	sk_diag_format(&g, b, 4);
	CHECK(strlen(b) == 3, "format truncates");
}

/* ---- 7. mutated inputs: never a crash, always an error with a position ---- */

static const char mutation_seed[] =
	"- required_engine_version: 0.57.0\n"
	"- required_plugin_versions:\n  - name: container\n    version: 0.4.0\n"
	"    alternatives:\n      - name: json\n        version: 0.7.0\n"
	"- list: shells\n  items: [sh, bash, \"my sh\", '\"(x)\"']\n"
	"- list: more\n  items: [shells, zsh]\n"
	"- macro: spawned\n  condition: evt.type in (execve, execveat)\n"
	"- macro: sh\n  condition: >\n    proc.name in (more) and\n    not proc.pname in (shells)\n"
	"- rule: Shell\n  desc: a shell\n  condition: spawned and sh and fd.num >= 0\n"
	"  output: shell %proc.name (%proc.aname[2] %evt.arg.flags)\n  priority: warning\n"
	"  tags: [b, a]\n  exceptions:\n    - name: e\n      fields: [proc.name, fd.name]\n"
	"      comps: [=, startswith]\n      values: [[bash, /etc], [sh, /tmp]]\n"
	"- rule: Shell\n  condition: or proc.name = x\n  override:\n    condition: append\n"
	"- rule: K\n  desc: d\n  condition: ka.verb = get\n  output: o %ka.user.name\n"
	"  priority: INFO\n  source: k8s_audit\n  enabled: false\n";

static void test_mutations(void)
{
	uint32_t s = 12345;
	size_t len = strlen(mutation_seed);
	char *buf = malloc(len + 1);
	int bad = 0, loaded = 0;
	for (int it = 0; it < 3000; it++) {
		memcpy(buf, mutation_seed, len + 1);
		int nmut = 1 + it % 4;
		size_t cur = len;
		for (int m = 0; m < nmut; m++) {
			s = s * 1103515245u + 12345u;
			size_t at = (s >> 8) % cur;
			s = s * 1103515245u + 12345u;
			static const char alphabet[] = "-:[]{}()'\"\n #&*!|>,=% abz09";
			switch ((s >> 16) % 4) {
			case 0: /* replace a byte */
				buf[at] = alphabet[(s >> 4) % (sizeof(alphabet) - 1)];
				break;
			case 1: /* delete a byte */
				memmove(buf + at, buf + at + 1, cur - at);
				cur--;
				break;
			case 2: /* truncate */
				buf[at] = '\0';
				cur = at;
				break;
			default: /* duplicate a byte over the next one */
				if (at + 1 < cur)
					buf[at + 1] = buf[at];
				break;
			}
			if (cur == 0)
				break;
		}
		sk_ruleset_t *rs = NULL;
		sk_diags_t d;
		int rc = load(buf, NULL, &rs, &d);
		if (rc == 0) {
			loaded++;
			if (!rs || d.nerrors)
				bad++;
		} else {
			bool positioned = d.nerrors >= 1;
			for (size_t k = 0; k < d.n; k++)
				if (d.v[k].level == SK_DIAG_ERROR && (!d.v[k].file || !d.v[k].message))
					positioned = false;
			if (rs || !positioned) {
				bad++;
				printf("  mutation %d: rc=%d without a located error\n", it, rc);
				dump_diags(&d);
			}
		}
		sk_ruleset_unref(rs);
		sk_diags_free(&d);
	}
	free(buf);
	CHECK(bad == 0, "%d mutated inputs broke the contract", bad);
	CHECK(loaded > 0 && loaded < 3000, "mutations: %d of 3000 still load", loaded);
}
