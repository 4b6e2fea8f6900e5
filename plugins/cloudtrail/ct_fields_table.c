/* ct_fields_table.c - the cloudtrail field rows (index = field_id). */
#include "ct_fields_int.h"


#define S FTYPE_STRING
#define U FTYPE_UINT64
#define H SK_SDK_PROP_HIDDEN
#define CONV SK_SDK_PROP_CONVERSATION
#define RP "requestParameters"
#define RE "responseElements"
#define AED "additionalEventData"

/* Plain string rows: name, display, description, JSON path. */
#define STR(N, D, DESC, ...) { { N, S, false, 0, DESC, D, false, 0 }, K_STR, { __VA_ARGS__, NULL } }
#define JSN(N, D, DESC, ...) { { N, S, false, 0, DESC, D, false, 0 }, K_JSON, { __VA_ARGS__, NULL } }

const ct_def_t sk__ct_defs[] = {
	STR("ct.id", "Event ID", "The unique ID of the CloudTrail event (eventID).", "eventID"),
	STR("ct.error", "Error Code", "The error code of the event (errorCode); no value when the "
	    "call succeeded, so `not ct.error exists` means success.", "errorCode"),
	STR("ct.errormessage", "Error Message", "The description of the error (errorMessage); no "
	    "value when there was no error.", "errorMessage"),
	{ { "ct.time", S, false, 0, "The timestamp of the event (eventTime).", "Timestamp", false, H },
	  K_STR, { "eventTime", NULL } },
	STR("ct.src", "AWS Service", "The source of the event (eventSource).", "eventSource"),
	{ { "ct.shortsrc", S, false, 0, "The source of the event without the '.amazonaws.com' "
	    "suffix.", "AWS Service", false, 0 }, K_SHORTSRC, { "eventSource", NULL } },
	STR("ct.name", "Event Name", "The name of the event (eventName).", "eventName"),
	{ { "ct.user", S, false, 0, "The user of the event: userIdentity.userName for Root and "
	    "IAMUser, invokedBy for AWSService, the session issuer's userName (else 'AssumedRole') "
	    "for AssumedRole, 'AWSAccount' and 'FederatedUser' for those types.", "User Name",
	    false, CONV }, K_USER, { NULL } },
	{ { "ct.originaluser", S, false, 0, "The user name as CloudTrail shows it: for AssumedRole "
	    "the session name (from userIdentity.arn, else principalId), otherwise "
	    "userIdentity.userName.", "Original User Name", false, 0 }, K_ORIGUSER, { NULL } },
	{ { "ct.user.accountid", S, false, 0, "The account ID of the user (userIdentity.accountId, "
	    "else recipientAccountId).", "User Account ID", false, 0 }, K_ACCOUNT, { NULL } },
	STR("ct.user.identitytype", "User Identity Type", "The kind of identity (Root, IAMUser, "
	    "AssumedRole, AWSService, ...).", "userIdentity", "type"),
	STR("ct.user.principalid", "User Principal Id", "The unique identifier of the caller.",
	    "userIdentity", "principalId"),
	STR("ct.user.arn", "User ARN", "The ARN of the caller.", "userIdentity", "arn"),
	STR("ct.region", "Region", "The region of the event (awsRegion).", "awsRegion"),
	STR("ct.response.subnetid", "Response Subnet ID", "The subnet ID in the response.", RE,
	    "subnetId"),
	STR("ct.response.reservationid", "Response Reservation ID", "The reservation ID in the "
	    "response.", RE, "reservationId"),
	JSN("ct.response", "Response Elements", "All response elements (JSON).", RE),
	STR("ct.request.availabilityzone", "Request Availability Zone", "The availability zone in "
	    "the request.", RP, "availabilityZone"),
	STR("ct.request.cluster", "Request Cluster", "The cluster in the request.", RP, "cluster"),
	STR("ct.request.functionname", "Request Function Name", "The function name in the request.",
	    RP, "functionName"),
	STR("ct.request.groupname", "Request Group Name", "The group name in the request.", RP,
	    "groupName"),
	STR("ct.request.host", "Request Host Name", "The host in the request.", RP, "Host"),
	STR("ct.request.name", "Host Name", "The name of the entity acted on in the request.", RP,
	    "name"),
	STR("ct.request.policy", "Host Policy", "The policy in the request.", RP, "policy"),
	STR("ct.request.reason", "Request Reason", "The reason in the request.", RP, "reason"),
	STR("ct.request.target", "Request Target", "The target in the request.", RP, "target"),
	STR("ct.request.documentname", "Request Document Name", "The document name in the "
	    "request.", RP, "documentName"),
	STR("ct.request.serialnumber", "Request Serial Number", "The serial number in the request.",
	    RP, "serialNumber"),
	STR("ct.request.servicename", "Request Service", "The service name in the request.", RP,
	    "serviceName"),
	STR("ct.request.subnetid", "Request Subnet ID", "The subnet ID in the request.", RP,
	    "subnetId"),
	STR("ct.request.taskdefinition", "Request Task Definition", "The task definition in the "
	    "request.", RP, "taskDefinition"),
	STR("ct.request.username", "Request User Name", "The user name in the request.", RP,
	    "userName"),
	JSN("ct.request", "Request Parameters", "All request parameters (JSON).", RP),
	{ { "ct.srcip", S, false, 0, "The IP address the request came from (sourceIPAddress).",
	    "Source IP", false, CONV }, K_STR, { "sourceIPAddress", NULL } },
	STR("ct.useragent", "User Agent", "The user agent of the request (userAgent).", "userAgent"),
	{ { "ct.info", S, false, 0, "A one-line summary: who, from where, read or write, what, and "
	    "event details.", "Info", false, SK_SDK_PROP_INFO }, K_INFO, { NULL } },
	{ { "ct.managementevent", S, false, 0, "'true' for a management event, 'false' otherwise "
	    "(managementEvent).", "Management Event", false, 0 }, K_BOOL, { "managementEvent", NULL } },
	{ { "ct.readonly", S, false, 0, "'true' if the event only reads information, 'false' if it "
	    "changes state (readOnly; guessed from the event name's verb when absent).", "Read Only",
	    false, 0 }, K_READONLY, { "readOnly", NULL } },
	STR("ct.requestid", "Request ID", "The ID of the request (requestID).", "requestID"),
	STR("ct.eventtype", "Event Type", "The type of event (eventType).", "eventType"),
	STR("ct.apiversion", "API Version", "The API version of an AwsApiCall (apiVersion).",
	    "apiVersion"),
	{ { "ct.resources", S, false, 0, "The resources accessed (resources[], as JSON, "
	    "comma separated).", "Resources", false, 0 }, K_RESOURCES, { "resources", NULL } },
	STR("ct.recipientaccountid", "Recipient Account Id", "The account that received the event.",
	    "recipientAccountId"),
	JSN("ct.serviceeventdetails", "Service Event Details", "The service event details (JSON).",
	    "serviceEventDetails"),
	STR("ct.sharedeventid", "Shared Event ID", "The GUID shared by the copies of an event "
	    "delivered to several accounts.", "sharedEventID"),
	STR("ct.vpcendpointid", "VPC Endpoint ID", "The VPC endpoint the request came through.",
	    "vpcEndpointId"),
	STR("ct.eventcategory", "Event Category", "The event category (eventCategory).",
	    "eventCategory"),
	STR("ct.addendum.reason", "Reason", "Why the event or some of its contents were missing.",
	    "addendum", "reason"),
	JSN("ct.addendum.updatedfields", "Updated Fields", "The fields the addendum updates.",
	    "addendum", "updatedFields"),
	STR("ct.addendum.originalrequestid", "Original Request ID", "The original request ID.",
	    "addendum", "originalRequestID"),
	STR("ct.addendum.originaleventid", "Original Event ID", "The original event ID.",
	    "addendum", "originalEventID"),
	{ { "ct.sessioncredentialfromconsole", S, false, 0, "'true' when the event came from an AWS "
	    "Management Console session.", "Session Credential From Console", false, 0 }, K_BOOL,
	  { "sessionCredentialFromConsole", NULL } },
	JSN("ct.edgedevicedetails", "Edge Device Details", "The edge devices targeted by the "
	    "request (JSON).", "edgeDeviceDetails"),
	STR("ct.tlsdetails.tlsversion", "TLS Version", "The TLS version of the request.",
	    "tlsDetails", "tlsVersion"),
	STR("ct.tlsdetails.ciphersuite", "TLS Cipher Suite", "The cipher suite of the request.",
	    "tlsDetails", "cipherSuite"),
	STR("ct.tlsdetails.clientprovidedhostheader", "Client Provided Host Header", "The host name "
	    "the client used.", "tlsDetails", "clientProvidedHostHeader"),
	JSN("ct.additionaleventdata", "Additional Event Data", "All additional event data (JSON).",
	    AED),
	{ { "s3.uri", S, false, 0, "The S3 URI (s3://<bucket>/<key>).", "Key URI", false, CONV },
	  K_S3URI, { NULL } },
	{ { "s3.bucket", S, false, 0, "The bucket of an S3 event.", "Bucket Name", false, CONV },
	  K_STR, { RP, "bucketName", NULL } },
	STR("s3.key", "Key Name", "The S3 key.", RP, "key"),
	{ { "s3.bytes", U, false, 0, "The size of an S3 download or upload, in bytes.", "Total Bytes",
	    false, 0 }, K_BYTES, { NULL } },
	{ { "s3.bytes.in", U, false, 0, "The size of an S3 upload, in bytes.", "Bytes In", false, H },
	  K_U64, { AED, "bytesTransferredIn", NULL } },
	{ { "s3.bytes.out", U, false, 0, "The size of an S3 download, in bytes.", "Bytes Out", false,
	    H }, K_U64, { AED, "bytesTransferredOut", NULL } },
	{ { "s3.cnt.get", U, false, 0, "1 for GetObject events, no value otherwise.", "N Get Ops",
	    false, H }, K_CNT_GET, { NULL } },
	{ { "s3.cnt.put", U, false, 0, "1 for PutObject events, no value otherwise.", "N Put Ops",
	    false, H }, K_CNT_PUT, { NULL } },
	{ { "s3.cnt.other", U, false, 0, "1 for events other than GetObject and PutObject.",
	    "N Other Ops", false, H }, K_CNT_OTHER, { NULL } },
	{ { "ec2.name", S, false, 0, "The Name tag of the instances in the request.",
	    "Instance Name", false, 0 }, K_EC2NAME, { NULL } },
	{ { "ec2.imageid", S, false, 0, "The image ID of the (first) instance in the response.",
	    "Image Id", false, 0 }, K_EC2IMAGE, { NULL } },
	{ { "ec2.imageids", S, true, SK_SDK_ARG_INDEX, "The image IDs of every instance in the "
	    "response (request when the response has none); [N] picks one.", "Image Ids", false, 0 },
	  K_EC2IMAGES, { NULL } },
	STR("ecr.repository", "ECR Repository name", "The ECR repository in the request.", RP,
	    "repositoryName"),
	STR("ecr.imagetag", "Image Tag", "The image tag in the request.", RP, "imageTag"),
	STR("iam.role", "IAM Role", "The IAM role in the request.", RP, "roleName"),
	STR("iam.policy", "IAM Policy", "The IAM policy in the request.", RP, "policyName"),
};

const size_t sk__ct_ndefs = sizeof(sk__ct_defs) / sizeof(sk__ct_defs[0]);

size_t ct_fields_count(void)
{
	return sk__ct_ndefs;
}

/* The SDK renders a contiguous sk_sdk_field_t array; the rows embed one
 * each, so a copy is built once (plugin_get_fields runs before any thread). */
static sk_sdk_field_t g_table[sizeof(sk__ct_defs) / sizeof(sk__ct_defs[0])];

const sk_sdk_field_t *ct_fields_table(void)
{
	size_t i;

	if (!g_table[0].name)
		for (i = 0; i < sk__ct_ndefs; i++)
			g_table[i] = sk__ct_defs[i].f;
	return g_table;
}

char *ct_fields_json(void)
{
	return sk_sdk_fields_json(ct_fields_table(), sk__ct_ndefs, NULL, 0);
}
