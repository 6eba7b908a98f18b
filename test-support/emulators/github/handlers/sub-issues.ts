/**
 * Sub-issue endpoints: list, add, remove, reprioritize (`/repos/{owner}/{repo}/issues/{issue_number}/sub_issues…`) and
 * the parent of an issue (`…/parent`), as described in api.github.com's OpenAPI description (operations
 * issues/list-sub-issues, add-sub-issue, remove-sub-issue, reprioritize-sub-issue, get-parent) and the REST docs
 * "REST API endpoints for sub-issues" (https://docs.github.com/rest/issues/sub-issues).
 *
 * Behaviour followed:
 * - Sub-issues are named by the issue's numeric `id`, never its number ("sub_issue_id: The id of the sub-issue to
 *   add"); the sub-issue "must belong to the same repository owner as the parent issue".
 * - Limits (GitHub docs, "Adding sub-issues": "You can add up to 100 sub-issues per parent issue and create up to
 *   eight levels of nested sub-issues"): a 101st sub-issue, or a tree deeper than eight levels (the top parent
 *   counting as the first), is refused with 422. The messages are this emulator's own (GitHub's exact wording is
 *   not documented).
 * - An issue has one parent: adding one that already has a parent is 422 unless `replace_parent: true`, which moves
 *   it (reported as "Sub issue may only have one parent" in community threads; unverified wording). An issue cannot
 *   be its own sub-issue, nor a sub-issue of its descendants (422).
 * - New sub-issues go last; reprioritize takes exactly one of `after_id` / `before_id`, each a sibling (422 else).
 * - Add (201), remove and reprioritize (200) answer with the parent issue; remove of an issue that is not a
 *   sub-issue of this parent is 404. Get parent of an issue without one is 404.
 * - Relation changes do not move either issue's `updated_at` here (unverified on GitHub).
 */

import {
  ApiError,
  basicError,
  invalidRequest,
  linkHeaders,
  notFound,
  pageRequest,
  paginate,
} from '../http.js';
import { renderIssue } from '../render.js';
import type { RepoContext, RepoRoute } from '../router.js';
import type { IssueRecord, Store } from '../store.js';
import { has, objectBody } from './common.js';

const DOCS_SUB = 'https://docs.github.com/rest/issues/sub-issues';
export const MAX_SUB_ISSUES = 100;
export const MAX_LEVELS = 8;

export function findIssue(ctx: RepoContext, docs: string): IssueRecord {
  const issue = ctx.repo.issues.get(Number(ctx.params['issue_number']));
  if (!issue || issue.pullRequest) throw notFound(docs);
  if (issue.deleted) throw new ApiError(410, basicError(410, 'This issue was deleted', docs));
  return issue;
}

export function integerField(
  body: Record<string, unknown>,
  key: string,
  required: boolean,
): number | undefined {
  if (!has(body, key)) {
    if (!required) return undefined;
    throw new ApiError(422, basicError(422, `Invalid request.\n\n"${key}" wasn't supplied.`, DOCS_SUB));
  }
  const value = body[key];
  if (typeof value !== 'number' || !Number.isInteger(value))
    throw invalidRequest(key, value, 'an integer', DOCS_SUB);
  return value;
}

function unprocessable(message: string): ApiError {
  return new ApiError(422, basicError(422, message, DOCS_SUB));
}

/** Levels from the top of the tree down to `id` (1 for an issue without a parent). */
function levelOf(store: Store, id: number): number {
  let level = 1;
  for (let cursor = store.parentOf.get(id); cursor !== undefined; cursor = store.parentOf.get(cursor))
    level += 1;
  return level;
}

/** Levels of the subtree under `id`, itself included. */
function heightOf(store: Store, id: number): number {
  const children = store.subIssues.get(id) ?? [];
  return 1 + Math.max(0, ...children.map((child) => heightOf(store, child)));
}

function detach(store: Store, childId: number): void {
  const parent = store.parentOf.get(childId);
  if (parent === undefined) return;
  store.parentOf.delete(childId);
  const list = (store.subIssues.get(parent) ?? []).filter((id) => id !== childId);
  if (list.length) store.subIssues.set(parent, list);
  else store.subIssues.delete(parent);
}

function parentResponse(
  ctx: RepoContext,
  parent: IssueRecord,
  status: number,
): { status: number; body: unknown; headers?: Record<string, string> } {
  return { status, body: renderIssue(ctx.store, ctx.repo, parent, ctx.urls, true) };
}

function listSubIssues(ctx: RepoContext): { status: number; body: unknown; headers: Record<string, string> } {
  const parent = findIssue(ctx, DOCS_SUB);
  const children = (ctx.store.subIssues.get(parent.id) ?? [])
    .map((id) => ctx.store.issueById(id))
    .filter((found): found is NonNullable<typeof found> => found !== undefined && !found.issue.deleted);
  const { page, link } = paginate(
    children,
    pageRequest(ctx.query),
    `/repositories/${ctx.repo.id}/issues/${parent.number}/sub_issues`,
    ctx.link,
  );
  return {
    status: 200,
    body: page.map(({ repo, issue }) => renderIssue(ctx.store, repo, issue, ctx.urls, false)),
    headers: linkHeaders(link),
  };
}

function addSubIssue(ctx: RepoContext): { status: number; body: unknown; headers?: Record<string, string> } {
  const parent = findIssue(ctx, DOCS_SUB);
  const body = objectBody(ctx.body, DOCS_SUB);
  const childId = integerField(body, 'sub_issue_id', true) ?? 0;
  if (has(body, 'replace_parent') && typeof body['replace_parent'] !== 'boolean')
    throw invalidRequest('replace_parent', body['replace_parent'], 'a boolean', DOCS_SUB);
  const replace = body['replace_parent'] === true;
  const found = ctx.store.issueById(childId);
  if (!found || found.issue.deleted || found.issue.pullRequest)
    throw unprocessable('Sub issue does not exist');
  if (found.repo.owner.toLowerCase() !== ctx.repo.owner.toLowerCase())
    throw unprocessable('Sub issue must belong to the same repository owner as the parent issue');
  if (childId === parent.id) throw unprocessable('An issue cannot be a sub-issue of itself');
  for (
    let cursor: number | undefined = parent.id;
    cursor !== undefined;
    cursor = ctx.store.parentOf.get(cursor)
  )
    if (cursor === childId)
      throw unprocessable('An issue cannot be a sub-issue of one of its own sub-issues');
  const current = ctx.store.parentOf.get(childId);
  if (current !== undefined && !replace) throw unprocessable('Sub issue may only have one parent');
  const siblings = ctx.store.subIssues.get(parent.id) ?? [];
  if (current !== parent.id && siblings.length >= MAX_SUB_ISSUES)
    throw unprocessable(`Parent issue cannot have more than ${MAX_SUB_ISSUES} sub-issues`);
  if (levelOf(ctx.store, parent.id) + heightOf(ctx.store, childId) > MAX_LEVELS)
    throw unprocessable(`Sub-issues cannot be nested more than ${MAX_LEVELS} levels deep`);
  detach(ctx.store, childId);
  ctx.store.subIssues.set(parent.id, [...(ctx.store.subIssues.get(parent.id) ?? []), childId]);
  ctx.store.parentOf.set(childId, parent.id);
  return {
    ...parentResponse(ctx, parent, 201),
    headers: {
      location: `${ctx.urls.api}/repos/${ctx.repo.owner}/${ctx.repo.name}/issues/${parent.number}/sub_issues`,
    },
  };
}

function removeSubIssue(ctx: RepoContext): { status: number; body: unknown } {
  const parent = findIssue(ctx, DOCS_SUB);
  const childId = integerField(objectBody(ctx.body, DOCS_SUB), 'sub_issue_id', true) ?? 0;
  if (ctx.store.parentOf.get(childId) !== parent.id) throw notFound(DOCS_SUB);
  detach(ctx.store, childId);
  return parentResponse(ctx, parent, 200);
}

function reprioritize(ctx: RepoContext): { status: number; body: unknown } {
  const parent = findIssue(ctx, DOCS_SUB);
  const body = objectBody(ctx.body, DOCS_SUB);
  const childId = integerField(body, 'sub_issue_id', true) ?? 0;
  const afterId = integerField(body, 'after_id', false);
  const beforeId = integerField(body, 'before_id', false);
  if ((afterId === undefined) === (beforeId === undefined))
    throw unprocessable('Exactly one of after_id and before_id must be given');
  const list = ctx.store.subIssues.get(parent.id) ?? [];
  if (!list.includes(childId)) throw unprocessable('Sub issue is not a sub-issue of this issue');
  const anchor = afterId ?? beforeId ?? 0;
  if (anchor === childId || !list.includes(anchor))
    throw unprocessable(
      `${afterId !== undefined ? 'after_id' : 'before_id'} is not another sub-issue of this issue`,
    );
  const rest = list.filter((id) => id !== childId);
  const at = rest.indexOf(anchor) + (afterId !== undefined ? 1 : 0);
  rest.splice(at, 0, childId);
  ctx.store.subIssues.set(parent.id, rest);
  return parentResponse(ctx, parent, 200);
}

function getParent(ctx: RepoContext): { status: number; body: unknown } {
  const issue = findIssue(ctx, DOCS_SUB);
  const parentId = ctx.store.parentOf.get(issue.id);
  const parent = parentId === undefined ? undefined : ctx.store.issueById(parentId);
  if (!parent) throw notFound(DOCS_SUB);
  return { status: 200, body: renderIssue(ctx.store, parent.repo, parent.issue, ctx.urls, true) };
}

const BASE = '/repos/{owner}/{repo}/issues/{issue_number}';

export const subIssueRoutes: RepoRoute[] = [
  {
    method: 'GET',
    template: `${BASE}/sub_issues`,
    docs: DOCS_SUB,
    access: [{ issues: 'read' }],
    issuesFeature: true,
    handler: listSubIssues,
  },
  {
    method: 'POST',
    template: `${BASE}/sub_issues`,
    docs: DOCS_SUB,
    access: [{ issues: 'write' }],
    issuesFeature: true,
    contentCreating: true,
    handler: addSubIssue,
  },
  {
    method: 'DELETE',
    template: `${BASE}/sub_issue`,
    docs: DOCS_SUB,
    access: [{ issues: 'write' }],
    issuesFeature: true,
    handler: removeSubIssue,
  },
  {
    method: 'PATCH',
    template: `${BASE}/sub_issues/priority`,
    docs: DOCS_SUB,
    access: [{ issues: 'write' }],
    issuesFeature: true,
    handler: reprioritize,
  },
  {
    method: 'GET',
    template: `${BASE}/parent`,
    docs: DOCS_SUB,
    access: [{ issues: 'read' }],
    issuesFeature: true,
    handler: getParent,
  },
];
