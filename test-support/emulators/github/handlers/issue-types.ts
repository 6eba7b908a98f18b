/**
 * Issue types: `GET /repos/{owner}/{repo}/issue-types` (repos/list-issue-types), `GET /orgs/{org}/issue-types`
 * (orgs/list-issue-types), and the `type` an issue is created or updated with.
 *
 * Documented behaviour followed (REST docs "Issue types" for repositories and organisations; "Create an issue" /
 * "Update an issue" in @octokit/openapi; the issue-types changelog of 2025-03-18):
 * - The types are the organisation's; the repository list needs only metadata read. An owner that defines none (a
 *   personal account here) answers 404 on both lists — the documented non-200 status; whether GitHub answers an empty
 *   list instead for some owners is not documented, and 404 is the stricter choice.
 * - Create takes `type` as the type's name (string or null); update also takes `{ "value": name | null, … }`; names
 *   match without case (the changelog's example updates with "bug"); `null` removes the type.
 * - "Only users with push access can set the type … The type is silently dropped otherwise": a token without
 *   contents:write gets its answer without the type and no error.
 * - A name the organisation does not define (or has disabled) is 422 `{"resource":"Issue","field":"type",
 *   "code":"invalid"}` (github/github-mcp-server#1317).
 * - The organisation list's own permission (organisation issue types, read) is not emulated: any caller that can
 *   authenticate reads it.
 */

import { ApiError, basicError, invalidRequest, isPlainObject, type ValidationErrorItem } from '../http.js';
import { renderIssueType } from '../render.js';
import type { PlainRoute, RepoContext, RepoRoute } from '../router.js';
import type { Store } from '../store.js';
import { has } from './common.js';

const DOCS_REPO = 'https://docs.github.com/rest/repos/issue-types#list-issue-types-for-a-repository';
const DOCS_ORG = 'https://docs.github.com/rest/orgs/issue-types#list-issue-types-for-an-organization';

function notFound(docs: string): ApiError {
  return new ApiError(404, basicError(404, 'Not Found', docs));
}

function typesOf(store: Store, owner: string): ReturnType<Store['issueTypes']['get']> {
  return store.issueTypes.get(owner.toLowerCase());
}

/**
 * The type an issue write asks for: undefined when `type` is not sent, null to remove it, else the type's id. Pushes
 * a validation error for a name the owner does not define; returns undefined (silently dropped) for a caller without
 * push access, like GitHub.
 */
export function readIssueType(
  ctx: RepoContext,
  body: Record<string, unknown>,
  creating: boolean,
  docs: string,
  errors: ValidationErrorItem[],
): number | null | undefined {
  if (!has(body, 'type')) return undefined;
  const raw = body['type'];
  let name: string | null;
  if (raw === null || typeof raw === 'string') name = raw;
  else if (!creating && isPlainObject(raw) && (raw['value'] === null || typeof raw['value'] === 'string'))
    name = raw['value'];
  else throw invalidRequest('type', raw, creating ? 'a string or null' : 'a string, object, or null', docs);
  let id: number | null = null;
  if (name !== null) {
    const type = typesOf(ctx.store, ctx.repo.owner)?.find(
      (entry) => entry.isEnabled && entry.name.toLowerCase() === name.toLowerCase(),
    );
    if (!type) {
      errors.push({ value: name, resource: 'Issue', field: 'type', code: 'invalid' });
      return undefined;
    }
    id = type.id;
  }
  const principal = ctx.principal;
  const push = principal.kind === 'token' && principal.token.permissions.contents === 'write';
  return push ? id : undefined;
}

export const issueTypeRoutes: RepoRoute[] = [
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/issue-types',
    docs: DOCS_REPO,
    access: [{ metadata: 'read' }],
    handler: (ctx) => {
      const types = typesOf(ctx.store, ctx.repo.owner);
      if (!types) throw notFound(DOCS_REPO);
      return { status: 200, body: types.map(renderIssueType) };
    },
  },
];

export const orgIssueTypeRoutes: PlainRoute[] = [
  {
    method: 'GET',
    template: '/orgs/{org}/issue-types',
    docs: DOCS_ORG,
    handler: (ctx) => {
      const types = typesOf(ctx.store, ctx.params['org'] ?? '');
      if (!types) throw notFound(DOCS_ORG);
      return { status: 200, body: types.map(renderIssueType) };
    },
  },
];
