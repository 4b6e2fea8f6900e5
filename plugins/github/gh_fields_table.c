/* gh_fields_table.c - the github.* field rows (index = field_id). */
#include "gh_fields.h"

#define S FTYPE_STRING
#define ROW(name, disp, desc) { name, S, false, 0, desc, disp, false, 0 }

const gh_def_t sk__gh_defs[] = {
	{ ROW("github.type", "Message Type", "Webhook event type (the X-GitHub-Event header), "
	      "e.g. 'push' or 'repository'."), G_STR, NULL, { "webhook_type" } },
	{ ROW("github.action", "Action Type", "The event's action, qualifying github.type (e.g. "
	      "'created', 'deleted')."), G_STR, NULL, { "action" } },
	{ ROW("github.user", "User", "Login of the user that triggered the event."),
	  G_STR, NULL, { "sender", "login" } },
	{ ROW("github.repo", "Repository", "(deprecated) URL of the repository where the event "
	      "occurred."), G_STR, NULL, { "repository", "html_url" } },
	{ ROW("github.repo.url", "Repository URL", "URL of the repository where the event occurred."),
	  G_STR, NULL, { "repository", "html_url" } },
	{ ROW("github.repo.name", "Repository Name", "owner/name of the repository where the event "
	      "occurred."), G_REPO_NAME, NULL, { "repository", "html_url" } },
	{ ROW("github.repo.description", "Repository Description", "Description of the repository."),
	  G_STR, NULL, { "repository", "description" } },
	{ ROW("github.org", "Organization", "Login of the organization the repository belongs to."),
	  G_STR, NULL, { "organization", "login" } },
	{ ROW("github.owner", "Owner", "Login of the repository's owner."),
	  G_STR, NULL, { "repository", "owner", "login" } },
	{ ROW("github.repo.public", "Public", "'true' if the repository is public, 'false' "
	      "otherwise."), G_PUBLIC, NULL, { "repository", "private" } },
	{ ROW("github.collaborator.name", "Collaborator Name", "Login of the member added to or "
	      "removed from a repository."), G_STR, NULL, { "member", "login" } },
	{ ROW("github.collaborator.role", "Collaborator Role", "New permission of a collaborator "
	      "(changes.permission.to)."), G_STR, NULL, { "changes", "permission", "to" } },
	{ ROW("github.webhook.id", "Webhook ID", "Id of the webhook a ping or meta event is "
	      "about."), G_NUM, NULL, { "hook", "id" } },
	{ ROW("github.webhook.type", "Webhook Type", "Type of the webhook a ping or meta event is "
	      "about, e.g. 'Repository'."), G_STR, NULL, { "hook", "type" } },
	{ ROW("github.commit.added", "Added Files", "Comma separated list of files added by the "
	      "pushed commits."), G_COMMIT_FILES, "added", { 0 } },
	{ ROW("github.commit.modified", "Modified Files", "Comma separated list of files modified by "
	      "the pushed commits."), G_COMMIT_FILES, "modified", { 0 } },
	{ ROW("github.commit.removed", "Removed Files", "Comma separated list of files removed by "
	      "the pushed commits."), G_COMMIT_FILES, "removed", { 0 } },
	{ ROW("github.diff.has_secrets", "Contains Secrets", "For scanned pushes, 'true' if the "
	      "diff adds a secret."), G_HAS_SECRETS, NULL, { 0 } },
	{ ROW("github.diff.committed_secrets.desc", "Secret Descriptions", "For scanned pushes, the "
	      "kind of each committed secret, comma separated."), G_SECRET_DESC, NULL, { 0 } },
	{ ROW("github.diff.committed_secrets.files", "Secret Files", "For scanned pushes, the file "
	      "of each committed secret, comma separated."), G_SECRET_FILES, NULL, { 0 } },
	{ ROW("github.diff.committed_secrets.lines", "Secret Lines", "For scanned pushes, the line "
	      "of each committed secret, comma separated."), G_SECRET_LINES, NULL, { 0 } },
	{ ROW("github.diff.committed_secrets.links", "Secret Links", "For scanned pushes, a source "
	      "link for each committed secret, comma separated."), G_SECRET_LINKS, NULL, { 0 } },
	{ ROW("github.workflow.has_miners", "Workflow Has Miner", "For scanned workflow_run events, "
	      "'true' if the workflow file holds a crypto-miner pattern."), G_HAS_MINERS, NULL, { 0 } },
	{ ROW("github.workflow.miners.type", "Workflow Miner Type", "For scanned workflow_run "
	      "events, the distinct miner patterns found, comma separated."), G_MINER_TYPES, NULL,
	  { 0 } },
	{ ROW("github.workflow.filename", "Workflow File", "For workflow_run events, the path of "
	      "the workflow definition file."), G_STR, NULL, { "workflow", "path" } },
	/* saker's own rows */
	{ ROW("github.diff.committed_secrets.masked", "Masked Secrets", "For scanned pushes, each "
	      "committed secret masked (first 4 characters, then ****), comma separated."),
	  G_SECRET_MASKED, NULL, { 0 } },
	/* any member of the delivery, for rules beyond the upstream fields */
	{ { "github.value", S, false, SK_SDK_ARG_KEY | SK_SDK_ARG_REQUIRED, "Value at a JSON pointer "
	    "in the delivery payload, e.g. github.value[/rule/admin_enforced] (strings as is, "
	    "anything else as compact JSON).", "Value", false, 0 }, G_VALUE, NULL, { 0 } },
};

const size_t sk__gh_ndefs = sizeof(sk__gh_defs) / sizeof(sk__gh_defs[0]);
