/**
 * The repository endpoint, `GET /repos/{owner}/{repo}`.
 *
 * Documented behaviour followed (REST docs, "Get a repository"): returns the full-repository object, including
 * `permissions` for the caller and `has_issues`; it needs only metadata:read, which every installation has. A
 * repository the caller cannot see is 404, like a missing one.
 */

import { isInstalled } from '../auth.js';
import { DOCS } from '../http.js';
import { renderRepository, repoPermissions } from '../render.js';
import type { RepoRoute } from '../router.js';

export const repoRoutes: RepoRoute[] = [
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}',
    docs: DOCS.getRepo,
    access: [{ metadata: 'read' }],
    handler: (ctx) => {
      const token = ctx.principal.kind === 'token' ? ctx.principal.token : undefined;
      const granted = token !== undefined && isInstalled(token, ctx.repo);
      return {
        status: 200,
        body: renderRepository(ctx.store, ctx.repo, ctx.urls, repoPermissions(token, granted)),
      };
    },
  },
];
