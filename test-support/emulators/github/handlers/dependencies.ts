/**
 * Issue dependencies, "blocked by" side: list, add, remove (`/repos/{owner}/{repo}/issues/{issue_number}/dependencies/
 * blocked_by[/{issue_id}]`), as described in api.github.com's OpenAPI description (@octokit/openapi 23: operations
 * issues/list-dependencies-blocked-by, add-blocked-by-dependency, remove-dependency-blocked-by) and the REST docs
 * "REST API endpoints for issue dependencies" (https://docs.github.com/rest/issues/issue-dependencies).
 *
 * Behaviour followed:
 * - The blocking issue is named by its numeric `id` (`issue_id`, "The id of the issue that blocks the current issue").
 * - Add answers 201 with the blocked issue; adding the same blocker twice, or an issue blocking itself, is 422 (this
 *   emulator's wording). Remove answers 200 with the blocked issue; removing a blocker that is not there is 404.
 * - The issue object's `issue_dependencies_summary` counts them (`blocked_by` open blockers, `total_blocked_by` all).
 */

import { ApiError, basicError, linkHeaders, notFound, pageRequest, paginate } from '../http.js';
import { renderIssue } from '../render.js';
import type { RepoContext, RepoRoute } from '../router.js';
import { objectBody } from './common.js';
import { findIssue, integerField } from './sub-issues.js';

const DOCS_DEPS = 'https://docs.github.com/rest/issues/issue-dependencies';

function listBlockedBy(ctx: RepoContext): { status: number; body: unknown; headers: Record<string, string> } {
  const issue = findIssue(ctx, DOCS_DEPS);
  const blockers = (ctx.store.blockedBy.get(issue.id) ?? [])
    .map((id) => ctx.store.issueById(id))
    .filter((found): found is NonNullable<typeof found> => found !== undefined && !found.issue.deleted);
  const { page, link } = paginate(
    blockers,
    pageRequest(ctx.query),
    `/repositories/${ctx.repo.id}/issues/${issue.number}/dependencies/blocked_by`,
    ctx.link,
  );
  return {
    status: 200,
    body: page.map(({ repo, issue: blocker }) => renderIssue(ctx.store, repo, blocker, ctx.urls, false)),
    headers: linkHeaders(link),
  };
}

function addBlockedBy(ctx: RepoContext): { status: number; body: unknown; headers: Record<string, string> } {
  const issue = findIssue(ctx, DOCS_DEPS);
  const blockerId = integerField(objectBody(ctx.body, DOCS_DEPS), 'issue_id', true) ?? 0;
  const found = ctx.store.issueById(blockerId);
  if (!found || found.issue.deleted || found.issue.pullRequest)
    throw new ApiError(422, basicError(422, 'Blocking issue does not exist', DOCS_DEPS));
  if (blockerId === issue.id)
    throw new ApiError(422, basicError(422, 'An issue cannot block itself', DOCS_DEPS));
  const list = ctx.store.blockedBy.get(issue.id) ?? [];
  if (list.includes(blockerId))
    throw new ApiError(422, basicError(422, 'Issue is already blocked by this issue', DOCS_DEPS));
  ctx.store.blockedBy.set(issue.id, [...list, blockerId]);
  return {
    status: 201,
    body: renderIssue(ctx.store, ctx.repo, issue, ctx.urls, true),
    headers: {
      location: `${ctx.urls.api}/repos/${ctx.repo.owner}/${ctx.repo.name}/issues/${issue.number}/dependencies/blocked_by`,
    },
  };
}

function removeBlockedBy(ctx: RepoContext): { status: number; body: unknown } {
  const issue = findIssue(ctx, DOCS_DEPS);
  const raw = ctx.params['issue_id'] ?? '';
  if (!/^\d+$/.test(raw)) throw notFound(DOCS_DEPS);
  const blockerId = Number(raw);
  const list = ctx.store.blockedBy.get(issue.id) ?? [];
  if (!list.includes(blockerId)) throw notFound(DOCS_DEPS);
  const rest = list.filter((id) => id !== blockerId);
  if (rest.length) ctx.store.blockedBy.set(issue.id, rest);
  else ctx.store.blockedBy.delete(issue.id);
  return { status: 200, body: renderIssue(ctx.store, ctx.repo, issue, ctx.urls, true) };
}

const BASE = '/repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by';

export const dependencyRoutes: RepoRoute[] = [
  {
    method: 'GET',
    template: BASE,
    docs: DOCS_DEPS,
    access: [{ issues: 'read' }],
    issuesFeature: true,
    handler: listBlockedBy,
  },
  {
    method: 'POST',
    template: BASE,
    docs: DOCS_DEPS,
    access: [{ issues: 'write' }],
    issuesFeature: true,
    contentCreating: true,
    handler: addBlockedBy,
  },
  {
    method: 'DELETE',
    template: `${BASE}/{issue_id}`,
    docs: DOCS_DEPS,
    access: [{ issues: 'write' }],
    issuesFeature: true,
    handler: removeBlockedBy,
  },
];
