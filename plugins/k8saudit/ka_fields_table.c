/* ka_fields_table.c - the ka.* field rows (index = field_id). */
#include "ka_fields_int.h"

#include <stdlib.h>

#define S FTYPE_STRING
#define IDX SK_SDK_ARG_INDEX
#define KEYREQ (SK_SDK_ARG_KEY | SK_SDK_ARG_REQUIRED)
#define RO "requestObject"

/* The container-level rows exist for containers, initContainers and
 * ephemeralContainers; one macro keeps the three groups identical. */
#define CTR_FIELDS(P, C, WHAT) \
	{ { "ka.req.pod." P ".name", S, true, IDX, "Names of the pod's " WHAT ".", NULL, false, 0 }, \
	  { K_VALUES, NULL, { RO, "spec", C, "name" } } }, \
	{ { "ka.req.pod." P ".image", S, true, IDX, "Images of the pod's " WHAT ".", NULL, false, 0 }, \
	  { K_IMAGES, C, { 0 } } }, \
	{ { "ka.req.pod." P ".image.repository", S, true, IDX, \
	    "Image repositories (image without tag or digest) of the pod's " WHAT ".", NULL, false, 0 }, \
	  { K_REPOS, C, { 0 } } }, \
	{ { "ka.req.pod." P ".command", S, true, IDX, "Command of each of the pod's " WHAT \
	    " (as JSON text).", NULL, false, 0 }, { K_VALUES, NULL, { RO, "spec", C, "command" } } }, \
	{ { "ka.req.pod." P ".args", S, true, IDX, "Args of each of the pod's " WHAT \
	    " (as JSON text).", NULL, false, 0 }, { K_VALUES, NULL, { RO, "spec", C, "args" } } }, \
	{ { "ka.req.pod." P ".privileged", S, true, IDX, "securityContext.privileged of the pod's " \
	    WHAT ".", NULL, false, 0 }, \
	  { K_VALUES, NULL, { RO, "spec", C, "securityContext", "privileged" } } }, \
	{ { "ka.req.pod." P ".allow_privilege_escalation", S, true, IDX, \
	    "securityContext.allowPrivilegeEscalation of the pod's " WHAT ".", NULL, false, 0 }, \
	  { K_VALUES, NULL, { RO, "spec", C, "securityContext", "allowPrivilegeEscalation" } } }, \
	{ { "ka.req.pod." P ".read_only_fs", S, true, IDX, \
	    "securityContext.readOnlyRootFilesystem of the pod's " WHAT ".", NULL, false, 0 }, \
	  { K_VALUES, NULL, { RO, "spec", C, "securityContext", "readOnlyRootFilesystem" } } }, \
	{ { "ka.req.pod." P ".run_as_user", S, true, IDX, "securityContext.runAsUser of the pod's " \
	    WHAT ".", NULL, false, 0 }, \
	  { K_VALUES, NULL, { RO, "spec", C, "securityContext", "runAsUser" } } }, \
	{ { "ka.req.pod." P ".eff_run_as_user", S, true, IDX, "Effective user id of the pod's " WHAT \
	    " (container value, else the pod's, else 0).", NULL, false, 0 }, \
	  { K_EFF, C, { "runAsUser" } } }, \
	{ { "ka.req.pod." P ".run_as_group", S, true, IDX, "securityContext.runAsGroup of the pod's " \
	    WHAT ".", NULL, false, 0 }, \
	  { K_VALUES, NULL, { RO, "spec", C, "securityContext", "runAsGroup" } } }, \
	{ { "ka.req.pod." P ".eff_run_as_group", S, true, IDX, "Effective group id of the pod's " \
	    WHAT " (container value, else the pod's, else 0).", NULL, false, 0 }, \
	  { K_EFF, C, { "runAsGroup" } } }, \
	{ { "ka.req.pod." P ".proc_mount", S, true, IDX, "securityContext.procMount of the pod's " \
	    WHAT ".", NULL, false, 0 }, \
	  { K_VALUES, NULL, { RO, "spec", C, "securityContext", "procMount" } } }, \
	{ { "ka.req.pod." P ".add_capabilities", S, true, IDX, \
	    "securityContext.capabilities.add of each of the pod's " WHAT " (as JSON text).", NULL, \
	    false, 0 }, { K_VALUES, NULL, { RO, "spec", C, "securityContext", "capabilities", "add" } } }

const ka_def_t sk__ka_defs[] = {
	{ { "ka.auditid", S, false, 0, "Unique id of the audit event.", NULL, false, 0 },
	  { K_KEYS, NULL, { "auditID" } } },
	{ { "ka.stage", S, false, 0, "Request stage (RequestReceived, ResponseStarted, "
	    "ResponseComplete, Panic).", NULL, false, 0 }, { K_KEYS, NULL, { "stage" } } },
	{ { "ka.auth.decision", S, false, 0, "Authorization decision (allow, forbid).", NULL, false, 0 },
	  { K_KEYS, NULL, { "annotations", "authorization.k8s.io/decision" } } },
	{ { "ka.auth.reason", S, false, 0, "Authorization reason.", NULL, false, 0 },
	  { K_KEYS, NULL, { "annotations", "authorization.k8s.io/reason" } } },
	{ { "ka.auth.openshift.decision", S, false, 0, "OpenShift authentication decision "
	    "(OpenShift clusters only).", NULL, false, 0 },
	  { K_KEYS, NULL, { "annotations", "authentication.openshift.io/decision" } } },
	{ { "ka.validations.admission.policy.failure", S, false, 0, "Failure reported by a "
	    "ValidatingAdmissionPolicy.", NULL, false, 0 },
	  { K_KEYS, NULL, { "annotations", "validation.policy.admission.k8s.io/validation_failure" } } },
	{ { "ka.security.pod.violations", S, false, 0, "Pod Security admission audit violations.",
	    NULL, false, 0 }, { K_KEYS, NULL, { "annotations", "pod-security.kubernetes.io/audit-violations" } } },
	{ { "ka.auth.openshift.username", S, false, 0, "User of an OpenShift authentication "
	    "(OpenShift clusters only).", NULL, false, 0 },
	  { K_KEYS, NULL, { "annotations", "authentication.openshift.io/username" } } },
	{ { "ka.user.name", S, false, 0, "User name performing the request.", NULL, false, 0 },
	  { K_KEYS, NULL, { "user", "username" } } },
	{ { "ka.user.groups", S, true, 0, "Groups of the requesting user.", NULL, false, 0 },
	  { K_KEYS, NULL, { "user", "groups" } } },
	{ { "ka.impuser.name", S, false, 0, "Impersonated user name.", NULL, false, 0 },
	  { K_KEYS, NULL, { "impersonatedUser", "username" } } },
	{ { "ka.verb", S, false, 0, "Request verb (get, list, create, update, patch, delete, ...).",
	    NULL, false, 0 }, { K_KEYS, NULL, { "verb" } } },
	{ { "ka.uri", S, false, 0, "Request URI as sent by the client.", NULL, false, 0 },
	  { K_KEYS, NULL, { "requestURI" } } },
	{ { "ka.uri.param", S, false, KEYREQ, "First value of a query parameter of the request URI, "
	    "e.g. ka.uri.param[command].", NULL, false, 0 }, { K_URI_PARAM, NULL, { 0 } } },
	{ { "ka.target.name", S, false, 0, "Name of the target object.", NULL, false, 0 },
	  { K_KEYS, NULL, { "objectRef", "name" } } },
	{ { "ka.target.namespace", S, false, 0, "Namespace of the target object.", NULL, false, 0 },
	  { K_KEYS, NULL, { "objectRef", "namespace" } } },
	{ { "ka.target.resource", S, false, 0, "Resource of the target object (pods, secrets, ...).",
	    NULL, false, 0 }, { K_KEYS, NULL, { "objectRef", "resource" } } },
	{ { "ka.target.subresource", S, false, 0, "Subresource of the target object (exec, attach, "
	    "...).", NULL, false, 0 }, { K_KEYS, NULL, { "objectRef", "subresource" } } },
	{ { "ka.target.pod.name", S, false, 0, "Target pod name (resource pods, no subresource).",
	    NULL, false, 0 }, { K_POD_NAME, NULL, { 0 } } },
	{ { "ka.req.binding.subjects", S, true, 0, "Subjects of a (cluster) role binding request, as "
	    "JSON text.", NULL, false, 0 }, { K_KEYS, NULL, { RO, "subjects" } } },
	{ { "ka.req.binding.subjects.user_names", S, true, 0, "Names of the User subjects of a "
	    "binding request.", NULL, false, 0 }, { K_SUBJECTS, "User", { 0 } } },
	{ { "ka.req.binding.subjects.serviceaccount_names", S, true, 0, "Names of the ServiceAccount "
	    "subjects of a binding request.", NULL, false, 0 }, { K_SUBJECTS, "ServiceAccount", { 0 } } },
	{ { "ka.req.binding.subjects.serviceaccount_ns_names", S, true, 0, "namespace:name of the "
	    "ServiceAccount subjects of a binding request.", NULL, false, 0 },
	  { K_SUBJECTS, "ServiceAccount", { "ns" } } },
	{ { "ka.req.binding.subjects.group_names", S, true, 0, "Names of the Group subjects of a "
	    "binding request.", NULL, false, 0 }, { K_SUBJECTS, "Group", { 0 } } },
	{ { "ka.req.binding.role", S, false, 0, "Role referenced by a binding request.", NULL, false,
	    0 }, { K_KEYS, NULL, { RO, "roleRef", "name" } } },
	{ { "ka.req.binding.subject.has_name", S, false, KEYREQ, "Deprecated; always \"true\", kept "
	    "for rule compatibility.", NULL, false, 0 }, { K_HAS_NAME, NULL, { 0 } } },
	{ { "ka.req.configmap.name", S, false, 0, "Name of the target configmap.", NULL, false, 0 },
	  { K_KEYS, NULL, { "objectRef", "name" } } },
	{ { "ka.req.configmap.obj", S, false, 0, "data of the configmap in the request, as JSON text.",
	    NULL, false, 0 }, { K_KEYS, NULL, { RO, "data" } } },
	{ { "ka.req.pod.containers.args", S, true, IDX, "Args of each container (as JSON text).",
	    NULL, false, 0 }, { K_VALUES, NULL, { RO, "spec", "containers", "args" } } },
	{ { "ka.req.pod.containers.command", S, true, IDX, "Command of each container (as JSON "
	    "text).", NULL, false, 0 }, { K_VALUES, NULL, { RO, "spec", "containers", "command" } } },
	{ { "ka.req.pod.containers.name", S, true, IDX, "Container names.", NULL, false, 0 },
	  { K_VALUES, NULL, { RO, "spec", "containers", "name" } } },
	{ { "ka.req.pod.containers.image", S, true, IDX, "Container images.", NULL, false, 0 },
	  { K_IMAGES, "containers", { 0 } } },
	{ { "ka.req.container.image", S, false, 0, "Image of the first container (deprecated).",
	    NULL, false, 0 }, { K_FIRST_IMG, "containers", { 0 } } },
	{ { "ka.req.pod.containers.image.repository", S, true, IDX, "Container image repositories "
	    "(image without tag or digest).", NULL, false, 0 }, { K_REPOS, "containers", { 0 } } },
	{ { "ka.req.container.image.repository", S, false, 0, "Image repository of the first "
	    "container (deprecated).", NULL, false, 0 }, { K_FIRST_REPO, "containers", { 0 } } },
	{ { "ka.req.pod.host_ipc", S, false, 0, "spec.hostIPC of the pod.", NULL, false, 0 },
	  { K_KEYS, NULL, { RO, "spec", "hostIPC" } } },
	{ { "ka.req.pod.host_network", S, false, 0, "spec.hostNetwork of the pod.", NULL, false, 0 },
	  { K_KEYS, NULL, { RO, "spec", "hostNetwork" } } },
	{ { "ka.req.container.host_network", S, false, 0, "Alias of ka.req.pod.host_network "
	    "(deprecated).", NULL, false, 0 }, { K_KEYS, NULL, { RO, "spec", "hostNetwork" } } },
	{ { "ka.req.pod.host_pid", S, false, 0, "spec.hostPID of the pod.", NULL, false, 0 },
	  { K_KEYS, NULL, { RO, "spec", "hostPID" } } },
	{ { "ka.req.pod.containers.host_port", S, true, IDX, "Host ports of the containers "
	    "(containerPort when no hostPort is set).", NULL, false, 0 },
	  { K_HOST_PORTS, "containers", { 0 } } },
	{ { "ka.req.pod.containers.privileged", S, true, IDX, "securityContext.privileged of each "
	    "container.", NULL, false, 0 },
	  { K_VALUES, NULL, { RO, "spec", "containers", "securityContext", "privileged" } } },
	{ { "ka.req.container.privileged", S, false, 0, "\"true\" if any container is privileged "
	    "(deprecated).", NULL, false, 0 }, { K_ANY_PRIV, NULL, { 0 } } },
	{ { "ka.req.pod.containers.allow_privilege_escalation", S, true, IDX, "securityContext."
	    "allowPrivilegeEscalation of each container.", NULL, false, 0 },
	  { K_VALUES, NULL, { RO, "spec", "containers", "securityContext", "allowPrivilegeEscalation" } } },
	{ { "ka.req.pod.containers.read_only_fs", S, true, IDX, "securityContext."
	    "readOnlyRootFilesystem of each container.", NULL, false, 0 },
	  { K_VALUES, NULL, { RO, "spec", "containers", "securityContext", "readOnlyRootFilesystem" } } },
	{ { "ka.req.pod.run_as_user", S, false, 0, "Pod securityContext.runAsUser.", NULL, false, 0 },
	  { K_KEYS, NULL, { RO, "spec", "securityContext", "runAsUser" } } },
	{ { "ka.req.pod.containers.run_as_user", S, true, IDX, "securityContext.runAsUser of each "
	    "container.", NULL, false, 0 },
	  { K_VALUES, NULL, { RO, "spec", "containers", "securityContext", "runAsUser" } } },
	{ { "ka.req.pod.containers.eff_run_as_user", S, true, IDX, "Effective user id of each "
	    "container (container value, else the pod's, else 0).", NULL, false, 0 },
	  { K_EFF, "containers", { "runAsUser" } } },
	{ { "ka.req.pod.run_as_group", S, false, 0, "Pod securityContext.runAsGroup.", NULL, false, 0 },
	  { K_KEYS, NULL, { RO, "spec", "securityContext", "runAsGroup" } } },
	{ { "ka.req.pod.containers.run_as_group", S, true, IDX, "securityContext.runAsGroup of each "
	    "container.", NULL, false, 0 },
	  { K_VALUES, NULL, { RO, "spec", "containers", "securityContext", "runAsGroup" } } },
	{ { "ka.req.pod.containers.eff_run_as_group", S, true, IDX, "Effective group id of each "
	    "container (container value, else the pod's, else 0).", NULL, false, 0 },
	  { K_EFF, "containers", { "runAsGroup" } } },
	{ { "ka.req.pod.containers.proc_mount", S, true, IDX, "securityContext.procMount of each "
	    "container.", NULL, false, 0 },
	  { K_VALUES, NULL, { RO, "spec", "containers", "securityContext", "procMount" } } },
	{ { "ka.req.role.rules", S, true, 0, "Rules of a (cluster) role request, as JSON text.",
	    NULL, false, 0 }, { K_KEYS, NULL, { RO, "rules" } } },
	{ { "ka.req.role.rules.apiGroups", S, true, IDX, "apiGroups of the role rules.", NULL, false,
	    0 }, { K_RULES, "apiGroups", { 0 } } },
	{ { "ka.req.role.rules.nonResourceURLs", S, true, IDX, "nonResourceURLs of the role rules.",
	    NULL, false, 0 }, { K_RULES, "nonResourceURLs", { 0 } } },
	{ { "ka.req.role.rules.verbs", S, true, IDX, "verbs of the role rules.", NULL, false, 0 },
	  { K_RULES, "verbs", { 0 } } },
	{ { "ka.req.role.rules.resources", S, true, IDX, "resources of the role rules.", NULL, false,
	    0 }, { K_RULES, "resources", { 0 } } },
	{ { "ka.req.pod.fs_group", S, false, 0, "Pod securityContext.fsGroup.", NULL, false, 0 },
	  { K_KEYS, NULL, { RO, "spec", "securityContext", "fsGroup" } } },
	{ { "ka.req.pod.supplemental_groups", S, true, 0, "Pod securityContext.supplementalGroups.",
	    NULL, false, 0 }, { K_KEYS, NULL, { RO, "spec", "securityContext", "supplementalGroups" } } },
	{ { "ka.req.pod.containers.add_capabilities", S, true, IDX, "securityContext.capabilities.add "
	    "of each container (as JSON text).", NULL, false, 0 },
	  { K_VALUES, NULL, { RO, "spec", "containers", "securityContext", "capabilities", "add" } } },
	{ { "ka.req.service.type", S, false, 0, "spec.type of a service request.", NULL, false, 0 },
	  { K_KEYS, NULL, { RO, "spec", "type" } } },
	{ { "ka.req.service.ports", S, true, IDX, "spec.ports of a service request (as JSON text).",
	    NULL, false, 0 }, { K_VALUES, NULL, { RO, "spec", "ports" } } },
	{ { "ka.req.pod.volumes.hostpath", S, true, IDX, "hostPath paths of the pod's volumes.", NULL,
	    false, 0 }, { K_VALUES, NULL, { RO, "spec", "volumes", "hostPath", "path" } } },
	{ { "ka.req.volume.hostpath", S, false, KEYREQ, "\"true\" if a hostPath volume mounts the "
	    "given path (a trailing * matches a prefix), else \"false\".", NULL, false, 0 },
	  { K_VOL_MATCH, NULL, { RO, "spec", "volumes", "hostPath", "path" } } },
	{ { "ka.req.pod.volumes.flexvolume_driver", S, true, IDX, "flexVolume drivers of the pod's "
	    "volumes.", NULL, false, 0 },
	  { K_VALUES, NULL, { RO, "spec", "volumes", "flexVolume", "driver" } } },
	{ { "ka.req.pod.volumes.volume_type", S, true, IDX, "Volume types of the pod's volumes "
	    "(hostPath, secret, ...).", NULL, false, 0 }, { K_VOL_TYPE, NULL, { 0 } } },
	{ { "ka.resp.name", S, false, 0, "responseObject.metadata.name.", NULL, false, 0 },
	  { K_KEYS, NULL, { "responseObject", "metadata", "name" } } },
	{ { "ka.response.code", S, false, 0, "HTTP response code (as text).", NULL, false, 0 },
	  { K_KEYS, NULL, { "responseStatus", "code" } } },
	{ { "ka.response.reason", S, false, 0, "Reason of the response status.", NULL, false, 0 },
	  { K_KEYS, NULL, { "responseStatus", "reason" } } },
	{ { "ka.useragent", S, false, 0, "User agent of the client.", NULL, false, 0 },
	  { K_KEYS, NULL, { "userAgent" } } },
	{ { "ka.sourceips", S, true, IDX, "Source IPs of the request.", NULL, false, 0 },
	  { K_SRCIPS, NULL, { 0 } } },
	{ { "ka.cluster.name", S, false, 0, "Cluster name (annotation cluster-name, when the "
	    "sender sets it).", NULL, false, 0 }, { K_KEYS, NULL, { "annotations", "cluster-name" } } },
	CTR_FIELDS("initContainers", "initContainers", "init containers"),
	{ { "ka.req.pod.initContainers.host_port", S, true, IDX, "Host ports of the init containers "
	    "(containerPort when no hostPort is set).", NULL, false, 0 },
	  { K_HOST_PORTS, "initContainers", { 0 } } },
	CTR_FIELDS("ephemeralContainers", "ephemeralContainers", "ephemeral containers"),
};

const size_t sk__ka_ndefs = sizeof(sk__ka_defs) / sizeof(sk__ka_defs[0]);

static sk_sdk_field_t g_table[sizeof(sk__ka_defs) / sizeof(sk__ka_defs[0])];

/* Filled from defs on first use; the plugin calls this from its load-time
 * constructor, before any other thread can exist. */
static void table_fill(void)
{
	size_t i;

	if (g_table[0].name)
		return;
	for (i = 0; i < sk__ka_ndefs; i++)
		g_table[i] = sk__ka_defs[i].f;
}

size_t ka_fields_count(void)
{
	return sk__ka_ndefs;
}

const sk_sdk_field_t *ka_fields_table(void)
{
	table_fill();
	return g_table;
}

char *ka_fields_json(void)
{
	table_fill();
	return sk_sdk_fields_json(g_table, sk__ka_ndefs, NULL, 0);
}

