/* github fields (plugins-upstream.md §4): 25 strings, no arguments. */
#define TP_NAME "github"
#define TP_VERSION "0.8.0"
#define TP_ID 8
#define TP_SOURCE "github"
#define TP_EXTRACT_SOURCES "[\"github\"]"
static const tp_field_t tp_fields[] = {
	{ "github.type", "string", 0 }, { "github.action", "string", 0 },
	{ "github.user", "string", 0 }, { "github.repo", "string", 0 },
	{ "github.repo.url", "string", 0 }, { "github.repo.name", "string", 0 },
	{ "github.repo.description", "string", 0 }, { "github.org", "string", 0 },
	{ "github.owner", "string", 0 }, { "github.repo.public", "string", 0 },
	{ "github.collaborator.name", "string", 0 }, { "github.collaborator.role", "string", 0 },
	{ "github.webhook.id", "string", 0 }, { "github.webhook.type", "string", 0 },
	{ "github.commit.added", "string", 0 }, { "github.commit.modified", "string", 0 },
	{ "github.commit.removed", "string", 0 }, { "github.diff.has_secrets", "string", 0 },
	{ "github.diff.committed_secrets.desc", "string", 0 },
	{ "github.diff.committed_secrets.files", "string", 0 },
	{ "github.diff.committed_secrets.lines", "string", 0 },
	{ "github.diff.committed_secrets.links", "string", 0 },
	{ "github.workflow.has_miners", "string", 0 }, { "github.workflow.miners.type", "string", 0 },
	{ "github.workflow.filename", "string", 0 },
};
