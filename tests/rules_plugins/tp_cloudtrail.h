/* cloudtrail fields (plugins-upstream.md §2). */
#define TP_NAME "cloudtrail"
#define TP_VERSION "0.10.0"
#define TP_ID 2
#define TP_SOURCE "aws_cloudtrail"
#define TP_EXTRACT_SOURCES "[\"aws_cloudtrail\"]"
static const tp_field_t tp_fields[] = {
	{ "ct.id", "string", 0 }, { "ct.error", "string", 0 }, { "ct.errormessage", "string", 0 },
	{ "ct.time", "string", 0 }, { "ct.src", "string", 0 }, { "ct.shortsrc", "string", 0 },
	{ "ct.name", "string", 0 }, { "ct.user", "string", 0 }, { "ct.originaluser", "string", 0 },
	{ "ct.user.accountid", "string", 0 }, { "ct.user.identitytype", "string", 0 },
	{ "ct.user.principalid", "string", 0 }, { "ct.user.arn", "string", 0 },
	{ "ct.region", "string", 0 }, { "ct.response.subnetid", "string", 0 },
	{ "ct.response.reservationid", "string", 0 }, { "ct.response", "string", 0 },
	{ "ct.request.availabilityzone", "string", 0 }, { "ct.request.cluster", "string", 0 },
	{ "ct.request.functionname", "string", 0 }, { "ct.request.groupname", "string", 0 },
	{ "ct.request.host", "string", 0 }, { "ct.request.name", "string", 0 },
	{ "ct.request.policy", "string", 0 }, { "ct.request.reason", "string", 0 },
	{ "ct.request.target", "string", 0 }, { "ct.request.documentname", "string", 0 },
	{ "ct.request.serialnumber", "string", 0 }, { "ct.request.servicename", "string", 0 },
	{ "ct.request.subnetid", "string", 0 }, { "ct.request.taskdefinition", "string", 0 },
	{ "ct.request.username", "string", 0 }, { "ct.request", "string", 0 },
	{ "ct.srcip", "string", 0 }, { "ct.useragent", "string", 0 }, { "ct.info", "string", 0 },
	{ "ct.readonly", "string", 0 }, { "ct.requestid", "string", 0 },
	{ "ct.eventtype", "string", 0 }, { "ct.recipientaccountid", "string", 0 },
	{ "s3.uri", "string", 0 }, { "s3.bucket", "string", 0 }, { "s3.key", "string", 0 },
	{ "s3.bytes", "uint64", 0 }, { "s3.bytes.in", "uint64", 0 },
	{ "s3.bytes.out", "uint64", 0 }, { "s3.cnt.get", "uint64", 0 },
	{ "s3.cnt.put", "uint64", 0 }, { "s3.cnt.other", "uint64", 0 },
	{ "ec2.name", "string", 0 }, { "ec2.imageid", "string", 0 },
	{ "ec2.imageids", "string", TP_LIST | TP_IDX }, { "ecr.repository", "string", 0 },
	{ "ecr.imagetag", "string", 0 }, { "iam.role", "string", 0 }, { "iam.policy", "string", 0 },
};
