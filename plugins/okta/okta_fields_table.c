/* okta_fields_table.c - the okta.* field rows (index = field_id). */
#include "okta_fields_int.h"

#define S FTYPE_STRING
#define U FTYPE_UINT64
#define ROW(name, type, desc, kind, ...) \
	{ { name, type, false, 0, desc, NULL, false, 0 }, { kind, NULL, { __VA_ARGS__ } } }
#define DBG "debugContext", "debugData"
#define GEO "client", "geographicalContext"

const ok_def_t sk__ok_defs[] = {
	ROW("okta.app", S, "Application: the segment after /app/ in the request URI.", OK_K_APP,
		DBG, "requestUri"),
	ROW("okta.behaviors", S, "Behaviors detected by Okta (debugData.behaviors).", OK_K_STR, DBG,
		"behaviors"),
	{ { "okta.org", S, false, 0, "Organization (the configured organization, else the host "
	    "of base_url).", NULL, false, 0 }, { OK_K_ORG, NULL, { 0 } } },
	ROW("okta.evt.type", S, "Event type (eventType).", OK_K_STR, "eventType"),
	ROW("okta.evt.legacytype", S, "Legacy event type (legacyEventType).", OK_K_STR,
		"legacyEventType"),
	ROW("okta.severity", S, "Severity (DEBUG, INFO, WARN, ERROR).", OK_K_STR, "severity"),
	ROW("okta.message", S, "Display message.", OK_K_STR, "displayMessage"),
	ROW("okta.published", S, "Publication time as Okta wrote it (RFC 3339).", OK_K_STR,
		"published"),
	ROW("okta.logonlysecuritydata", S, "Log-only security data (debugData."
		"logOnlySecurityData).", OK_K_STR, DBG, "logOnlySecurityData"),
	ROW("okta.actor.id", S, "Actor ID.", OK_K_STR, "actor", "id"),
	ROW("okta.actor.Type", S, "Actor type.", OK_K_STR, "actor", "type"),
	ROW("okta.actor.alternateid", S, "Actor alternate ID (usually the login).", OK_K_STR,
		"actor", "alternateId"),
	ROW("okta.actor.name", S, "Actor display name.", OK_K_STR, "actor", "displayName"),
	ROW("okta.client.zone", S, "Client network zone.", OK_K_STR, "client", "zone"),
	ROW("okta.client.ip", S, "Client IP address.", OK_K_STR, "client", "ipAddress"),
	ROW("okta.client.device", S, "Client device type.", OK_K_STR, "client", "device"),
	ROW("okta.client.id", S, "Client ID.", OK_K_STR, "client", "id"),
	ROW("okta.client.geo.city", S, "Client city.", OK_K_STR, GEO, "city"),
	ROW("okta.client.geo.state", S, "Client state.", OK_K_STR, GEO, "state"),
	ROW("okta.client.geo.country", S, "Client country.", OK_K_STR, GEO, "country"),
	ROW("okta.client.geo.postalcode", S, "Client postal code (number or string in the "
		"event).", OK_K_STR, GEO, "postalCode"),
	ROW("okta.client.geo.lat", S, "Client latitude.", OK_K_NUMTXT, GEO, "geolocation", "lat"),
	ROW("okta.client.geo.lon", S, "Client longitude.", OK_K_NUMTXT, GEO, "geolocation", "lon"),
	ROW("okta.useragent.os", S, "User agent operating system.", OK_K_STR, "client",
		"userAgent", "os"),
	ROW("okta.useragent.browser", S, "User agent browser.", OK_K_STR, "client", "userAgent",
		"browser"),
	ROW("okta.useragent.raw", S, "Raw user agent.", OK_K_STR, "client", "userAgent",
		"rawUserAgent"),
	ROW("okta.result", S, "Outcome result (SUCCESS, FAILURE, SKIPPED, ALLOW, DENY, "
		"CHALLENGE, UNKNOWN).", OK_K_STR, "outcome", "result"),
	ROW("okta.reason", S, "Outcome reason.", OK_K_STR, "outcome", "reason"),
	ROW("okta.transaction.id", S, "Transaction ID.", OK_K_STR, "transaction", "id"),
	ROW("okta.transaction.type", S, "Transaction type (WEB, JOB).", OK_K_STR, "transaction",
		"type"),
	ROW("okta.requesturi", S, "Request URI (debugData.requestUri).", OK_K_STR, DBG,
		"requestUri"),
	ROW("okta.principal.id", S, "Original principal ID (impersonation).", OK_K_STR, DBG,
		"originalPrincipal", "id"),
	ROW("okta.principal.alternateid", S, "Original principal alternate ID.", OK_K_STR, DBG,
		"originalPrincipal", "alternateId"),
	ROW("okta.principal.type", S, "Original principal type.", OK_K_STR, DBG,
		"originalPrincipal", "type"),
	ROW("okta.principal.name", S, "Original principal display name.", OK_K_STR, DBG,
		"originalPrincipal", "displayName"),
	ROW("okta.authentication.step", S, "Authentication step.", OK_K_NUMTXT,
		"authenticationContext", "authenticationStep"),
	ROW("okta.authentication.sessionid", S, "External session ID.", OK_K_STR,
		"authenticationContext", "externalSessionId"),
	ROW("okta.authentication.provider", S, "Authentication provider.", OK_K_STR,
		"authenticationContext", "authenticationProvider"),
	ROW("okta.authentication.credentialprovider", S, "Credential provider.", OK_K_STR,
		"authenticationContext", "credentialProvider"),
	ROW("okta.security.asnumber", U, "Autonomous system number.", OK_K_U64,
		"securityContext", "asNumber"),
	ROW("okta.security.asorg", S, "Autonomous system organization.", OK_K_STR,
		"securityContext", "asOrg"),
	ROW("okta.security.isp", S, "Internet service provider.", OK_K_STR, "securityContext",
		"isp"),
	ROW("okta.security.domain", S, "Domain of the client.", OK_K_STR, "securityContext",
		"domain"),
	ROW("okta.security.isproxy", S, "Whether the client is a proxy (true, false).", OK_K_STR,
		"securityContext", "isProxy"),
	{ { "okta.target.user.id", S, false, 0, "ID of the target of type User.", NULL, false, 0 },
	  { OK_K_TARGET, "User", { "id" } } },
	{ { "okta.target.user.alternateid", S, false, 0, "Alternate ID of the target of type User.",
	    NULL, false, 0 }, { OK_K_TARGET, "User", { "alternateId" } } },
	{ { "okta.target.user.name", S, false, 0, "Display name of the target of type User.", NULL,
	    false, 0 }, { OK_K_TARGET, "User", { "displayName" } } },
	{ { "okta.target.group.id", S, false, 0, "ID of the target of type UserGroup.", NULL, false,
	    0 }, { OK_K_TARGET, "UserGroup", { "id" } } },
	{ { "okta.target.group.alternateid", S, false, 0, "Alternate ID of the target of type "
	    "UserGroup.", NULL, false, 0 }, { OK_K_TARGET, "UserGroup", { "alternateId" } } },
	{ { "okta.target.group.name", S, false, 0, "Display name of the target of type UserGroup.",
	    NULL, false, 0 }, { OK_K_TARGET, "UserGroup", { "displayName" } } },
	{ { "okta.target.app.alternateid", S, false, 0, "Alternate ID of the target of type "
	    "AppInstance.", NULL, false, 0 }, { OK_K_TARGET, "AppInstance", { "alternateId" } } },
	{ { "okta.targets.displayName", S, false, SK_SDK_ARG_INDEX, "Display name of target[i] "
	    "(i defaults to 0).", NULL, false, 0 }, { OK_K_TARGETS, NULL, { 0 } } },
	{ { "okta.mfa.failure.countlast", U, false, SK_SDK_ARG_INDEX | SK_SDK_ARG_REQUIRED,
	    "On an MFA failure (user.authentication.auth_via_mfa with outcome FAILURE): the "
	    "actor's MFA failures in the last [N] seconds, this one included.", NULL, false, 0 },
	  { OK_K_MFA_FAIL, NULL, { 0 } } },
	{ { "okta.mfa.deny.countlast", U, false, SK_SDK_ARG_INDEX | SK_SDK_ARG_REQUIRED,
	    "On a push deny (user.mfa.okta_verify.deny_push): the actor's push denies in the "
	    "last [N] seconds, this one included.", NULL, false, 0 },
	  { OK_K_MFA_DENY, NULL, { 0 } } },
	{ { "okta.client.geo.newcountry", S, false, 0, "On a sign-in (user.session.start): "
	    "\"true\" when the actor signed in before (within cache_expiration) but never from "
	    "this country, else \"false\". saker extension.", NULL, false, 0 },
	  { OK_K_NEWCTRY, NULL, { 0 } } },
	ROW("okta.uuid", S, "Unique ID of the event (uuid): use it to de-duplicate.", OK_K_STR_OPT,
		"uuid"),
};

const size_t sk__ok_ndefs = sizeof(sk__ok_defs) / sizeof(sk__ok_defs[0]);
