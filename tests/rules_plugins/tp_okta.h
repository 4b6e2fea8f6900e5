/* okta fields (plugins-upstream.md §3). */
#define TP_NAME "okta"
#define TP_VERSION "0.11.0"
#define TP_ID 7
#define TP_SOURCE "okta"
#define TP_EXTRACT_SOURCES "[\"okta\"]"
static const tp_field_t tp_fields[] = {
	{ "okta.app", "string", 0 }, { "okta.org", "string", 0 }, { "okta.evt.type", "string", 0 },
	{ "okta.evt.legacytype", "string", 0 }, { "okta.severity", "string", 0 },
	{ "okta.message", "string", 0 }, { "okta.published", "string", 0 },
	{ "okta.actor.id", "string", 0 }, { "okta.actor.Type", "string", 0 },
	{ "okta.actor.alternateid", "string", 0 }, { "okta.actor.name", "string", 0 },
	{ "okta.client.zone", "string", 0 }, { "okta.client.ip", "string", 0 },
	{ "okta.client.device", "string", 0 }, { "okta.client.id", "string", 0 },
	{ "okta.client.geo.city", "string", 0 }, { "okta.client.geo.state", "string", 0 },
	{ "okta.client.geo.country", "string", 0 }, { "okta.client.geo.postalcode", "string", 0 },
	{ "okta.result", "string", 0 }, { "okta.reason", "string", 0 },
	{ "okta.security.asnumber", "uint64", 0 },
	{ "okta.target.user.id", "string", 0 }, { "okta.target.user.alternateid", "string", 0 },
	{ "okta.target.user.name", "string", 0 }, { "okta.target.group.id", "string", 0 },
	{ "okta.target.group.alternateid", "string", 0 },
	{ "okta.target.group.name", "string", 0 }, { "okta.target.app.alternateid", "string", 0 },
	{ "okta.targets.displayName", "string", TP_IDX },
	{ "okta.mfa.failure.countlast", "uint64", TP_IDX | TP_REQ },
	{ "okta.mfa.deny.countlast", "uint64", TP_IDX | TP_REQ },
};
