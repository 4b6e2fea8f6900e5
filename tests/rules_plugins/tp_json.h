/* json fields (plugins-upstream.md §5): extracts from every source. */
#define TP_NAME "json"
#define TP_VERSION "0.7.0"
#define TP_EXTRACT_SOURCES "[]"
static const tp_field_t tp_fields[] = {
	{ "json.value", "string", TP_KEY | TP_REQ }, { "json.obj", "string", 0 },
	{ "json.rawtime", "string", 0 }, { "jevt.value", "string", TP_KEY | TP_REQ },
	{ "jevt.obj", "string", 0 }, { "jevt.rawtime", "string", 0 },
};
