/* tl_plugin variant standing for the okta plugin (its name, id, source and
 * the fields saker's correlations use). */
#define TL_NAME "okta"
#define TL_ID 3
#define TL_SOURCE "okta"
#define F(n) { .name = n, .type = FTYPE_STRING, .desc = "okta stand-in field" }
static const sk_sdk_field_t fields[] = {
	F("okta.evt.type"), F("okta.result"), F("okta.actor.alternateid"), F("okta.actor.name"),
	F("okta.client.ip"), F("okta.client.geo.country"),
};
#undef F
