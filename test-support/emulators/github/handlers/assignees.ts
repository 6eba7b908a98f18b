/**
 * Assignee endpoints: who can be assigned in a repository.
 *
 * Documented behaviour followed (REST docs, "REST API endpoints for assignees"): `GET /repos/{owner}/{repo}/assignees`
 * lists the users who can be assigned (paged, Link headers on `/repositories/{id}/assignees`);
 * `GET /repos/{owner}/{repo}/assignees/{assignee}` is 204 No Content when the user can be assigned and 404 otherwise.
 * Both accept issues:read or pull_requests:read.
 */

import { DOCS, notFound, linkHeaders, pageRequest, paginate } from '../http.js';
import { renderUser } from '../render.js';
import type { RepoRoute } from '../router.js';

export const assigneeRoutes: RepoRoute[] = [
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/assignees',
    docs: DOCS.listAssignees,
    access: [{ issues: 'read' }, { pull_requests: 'read' }],
    handler: (ctx) => {
      const users = [...ctx.repo.assignables.values()].map((login) => ctx.store.user(login));
      const { page, link } = paginate(
        users,
        pageRequest(ctx.query),
        `/repositories/${ctx.repo.id}/assignees`,
        ctx.link,
      );
      return {
        status: 200,
        body: page.map((user) => renderUser(user, ctx.urls)),
        headers: linkHeaders(link),
      };
    },
  },
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/assignees/{assignee}',
    docs: DOCS.checkAssignee,
    access: [{ issues: 'read' }, { pull_requests: 'read' }],
    handler: (ctx) => {
      if (!ctx.store.isAssignable(ctx.repo, ctx.params['assignee'] ?? '')) throw notFound(DOCS.checkAssignee);
      return { status: 204 };
    },
  },
];
