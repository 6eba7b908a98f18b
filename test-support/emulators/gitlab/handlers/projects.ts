/**
 * `GET /projects/:id` — a single project.
 *
 * Documented behaviour followed (docs.gitlab.com/api/projects/#get-a-single-project; lib/api/projects.rb):
 * - `:id` is the numeric id or the URL-encoded full path (`group%2Fsub%2Fproject`), looked up case-insensitively.
 * - For a signed-in caller the entity is ProjectWithAccess: `permissions.project_access` and
 *   `permissions.group_access` are `{ "access_level": n, "notification_level": 3 }` for a direct project membership
 *   and for a membership of the project's group (or an ancestor), null otherwise.
 * - `issues_enabled` is false and `issues_access_level` is `disabled` when issues are off; `private` means members only.
 * - A project the caller cannot see is 404 `{"message":"404 Project Not Found"}`, exactly like a missing one
 *   (doc/api/issues.md: "If a user is not a member of a private project, a GET request on that project results in a
 *   404 status code").
 * - This route does not accept CI job tokens (no `job_token_allowed` on it): a `JOB-TOKEN` header is ignored, so a
 *   private project answers 404 and a public one is served without `permissions` (semantic-release/gitlab#859:
 *   "the base project endpoint is unavailable" with a job token).
 */

import { DOCS } from '../http.js';
import { renderProject } from '../render.js';
import type { ProjectRoute } from '../router.js';

export const projectRoutes: ProjectRoute[] = [
  {
    method: 'GET',
    template: '/projects/:id',
    docs: DOCS.projects,
    resource: 'project',
    rules: {
      specs: [
        { name: 'statistics', type: 'boolean' },
        { name: 'license', type: 'boolean', default: false },
        { name: 'with_custom_attributes', type: 'boolean' },
      ],
    },
    handler: (ctx) => {
      const body = renderProject(ctx.store, ctx.project, ctx.principal, ctx.urls);
      if (ctx.principal.kind === 'anonymous') delete body['permissions'];
      return { status: 200, body };
    },
  },
];
