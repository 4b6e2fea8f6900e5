/* tl_plugin variant standing for the cloudtrail plugin (its name, id,
 * source and the ct.* fields saker's correlations use). */
#define TL_NAME "cloudtrail"
#define TL_ID 2
#define TL_SOURCE "aws_cloudtrail"
#define F(n) { .name = n, .type = FTYPE_STRING, .desc = "cloudtrail stand-in field" }
static const sk_sdk_field_t fields[] = {
	F("ct.name"), F("ct.error"), F("ct.errormessage"), F("ct.user"), F("ct.srcip"),
	F("ct.region"),
};
#undef F
