/* container.* and k8s.* fields the upstream syscall rules use
 * (plugins-upstream.md §6), from a test plugin named `container` whose
 * version satisfies their required_plugin_versions (>= 0.4.0). */
#define TP_NAME "container"
#define TP_VERSION "0.4.0"
#define TP_EXTRACT_SOURCES "[\"syscall\"]"
static const tp_field_t tp_fields[] = {
	{ "container.id", "string", TP_OUT },
	{ "container.name", "string", TP_OUT },
	{ "container.image", "string", 0 },
	{ "container.image.repository", "string", TP_OUT },
	{ "container.image.tag", "string", TP_OUT },
	{ "container.privileged", "bool", 0 },
	{ "container.mount.dest", "string", TP_KEY | TP_IDX | TP_REQ },
	{ "container.mounts", "string", 0 },
	{ "container.start_ts", "abstime", 0 },
	{ "k8s.ns.name", "string", TP_OUT },
	{ "k8s.pod.name", "string", TP_OUT },
};
