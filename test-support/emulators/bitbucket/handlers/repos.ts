/**
 * The repository endpoint, `GET /repositories/{workspace}/{repo_slug}`.
 *
 * Documented behaviour followed (swagger operation "Get a repository"; developer.atlassian.com/cloud/bitbucket/rest/
 * api-group-repositories): returns the full `repository` object, including `has_issues` (false when the issue tracker
 * is off) and `is_private`; needs the `repository` scope (`read:repository:bitbucket` for API tokens). The workspace
 * and slug may also be given as `{uuid}`s (path-parameter descriptions). A repository the caller cannot see is 404,
 * like a missing one (see auth.ts).
 */

import { renderRepository } from '../render.js';
import type { RepoRoute } from '../router.js';

export const repoRoutes: RepoRoute[] = [
  {
    method: 'GET',
    template: '/repositories/{workspace}/{repo_slug}',
    scopes: { scopes: ['repository'], apiTokenScopes: ['read:repository:bitbucket'] },
    repo: true,
    handler: (ctx) => ({ status: 200, body: renderRepository(ctx.store, ctx.repo, ctx.urls) }),
  },
];
