/**
 * Milestones, versions and components of the issue tracker (`/repositories/{workspace}/{repo_slug}/milestones`,
 * `/versions`, `/components`, each also `/{id}`).
 *
 * Documented behaviour followed (swagger operations "List milestones", "Get a milestone", "List defined versions for
 * issues", "List components", …):
 * - They are read-only in the API: the swagger description has GET operations only — they are managed in the
 *   repository's settings on bitbucket.org (here: `addMilestone`, `addVersion`, `addComponent`).
 * - "This resource is only available on repositories that have the issue tracker enabled": 404 "Repository has no issue
 *   tracker." otherwise; they need the `issue` scope (`read:issue:bitbucket`).
 * - Objects: `{"type": "milestone", "id", "name", "links": {"self"}}` (likewise `version`, `component`); lists are
 *   paged like every collection, in the order they were defined.
 * - A write (e.g. `POST …/milestones`) is answered 405 with `Allow: GET` and the error envelope — what Bitbucket answers
 *   there was not found (unverified); a missing id is 404 "<Kind> not found" (message unverified).
 */

import { apiError, pageRequest, paginate } from '../http.js';
import { renderNamed, type NamedKind } from '../render.js';
import type { RepoRoute } from '../router.js';
import { TRACKER_PAGES } from './common.js';

const READ = { scopes: ['issue'], apiTokenScopes: ['read:issue:bitbucket'] } as const;

function routesFor(kind: NamedKind): RepoRoute[] {
  const list = `${kind}s` as const;
  const title = `${kind[0]?.toUpperCase() ?? ''}${kind.slice(1)}`;
  return [
    {
      method: 'GET',
      template: `/repositories/{workspace}/{repo_slug}/${list}`,
      scopes: READ,
      repo: true,
      tracker: true,
      handler: (ctx) => ({
        status: 200,
        body: paginate(ctx.repo[list], pageRequest(ctx.query, TRACKER_PAGES), ctx.requestUrl, (item) =>
          renderNamed(ctx.repo, kind, item, ctx.urls),
        ),
      }),
    },
    {
      method: 'GET',
      template: `/repositories/{workspace}/{repo_slug}/${list}/{${kind}_id}`,
      scopes: READ,
      repo: true,
      tracker: true,
      handler: (ctx) => {
        const item = ctx.repo[list].find((candidate) => candidate.id === Number(ctx.params[`${kind}_id`]));
        if (!item) throw apiError(404, `${title} not found`);
        return { status: 200, body: renderNamed(ctx.repo, kind, item, ctx.urls) };
      },
    },
  ];
}

export const trackerRoutes: RepoRoute[] = [
  ...routesFor('milestone'),
  ...routesFor('version'),
  ...routesFor('component'),
];
