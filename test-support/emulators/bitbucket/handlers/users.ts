/**
 * Accounts and workspace members: `GET /user`, `GET /users/{selected_user}`, `GET /workspaces/{workspace}/members`.
 *
 * Documented behaviour followed (swagger operations "Get current user", "Get a user", "List users in a workspace"):
 * - `GET /user` "Returns the currently logged in user"; 401 without credentials; needs the `account` scope
 *   (`read:user:bitbucket` for API tokens — a scope people often miss, avivsinai/bitbucket-cli#62). Access tokens act
 *   as their own bot account, so with `account` granted they see that account.
 * - `GET /users/{selected_user}`: the account id or the `{uuid}` (URL-encoded braces); no scope needed for OAuth-style
 *   credentials, `read:user:bitbucket` for API tokens; 404 "If no user exists for the specified UUID". Usernames are no
 *   longer accepted in URLs since the 2019 privacy changes (developer.atlassian.com "bitbucket-api-changes-gdpr"), so
 *   nicknames are not looked up here.
 * - `GET /workspaces/{workspace}/members`: paged `workspace_membership` objects `{type, user, workspace, links}`;
 *   needs `account` (`read:workspace:bitbucket`); filterable with BBQL on `user.account_id`, `user.uuid`,
 *   `user.nickname`, `user.display_name` and — "if called by a workspace administrator, integration or workspace
 *   access token" — `user.email` (e.g. `q=user.email IN ("a@x.org","b@x.org")`, at most 90 addresses, else 400).
 *   Callers outside the workspace get 404 here (unverified; the swagger lists 401 and 400 only).
 * - Messages of the 404s ("User not found", "Workspace … not found") are unverified.
 */

import { compileQuery, type FieldTable } from '../bbql.js';
import { apiError, pageRequest, paginate } from '../http.js';
import { renderAccount, renderMembership } from '../render.js';
import type { PlainRoute, RequestContext } from '../router.js';
import type { UserRecord } from '../store.js';

const MEMBER_PAGES = { defaultLen: 50, maxLen: 100 } as const;

function memberFields(): FieldTable<UserRecord> {
  return {
    'user.account_id': { type: 'string', get: (u) => u.accountId },
    'user.uuid': { type: 'string', get: (u) => u.uuid },
    'user.nickname': { type: 'string', get: (u) => u.nickname },
    'user.display_name': { type: 'string', get: (u) => u.displayName },
    'user.email': { type: 'string', get: (u) => u.email ?? null },
  };
}

function listMembers(ctx: RequestContext): { status: number; body: unknown } {
  const { store, principal } = ctx;
  const slug = ctx.params['workspace'] ?? '';
  const workspace = store.workspace(slug);
  const visible =
    workspace !== undefined &&
    principal.kind === 'credential' &&
    (principal.credential.kind === 'workspace'
      ? principal.credential.workspace === workspace.slug
      : principal.credential.kind === 'repository'
        ? principal.credential.repository?.startsWith(`${workspace.slug}/`) === true
        : workspace.members.includes(principal.user.accountId));
  if (!workspace || !visible) throw apiError(404, `Workspace ${slug} not found`);
  const q = ctx.query['q'];
  if (q !== undefined && /user\.email/.test(q) && (q.match(/@/g) ?? []).length > 90)
    throw apiError(400, 'Too many email addresses: at most 90 can be queried at a time.');
  const filter = q === undefined || q.trim() === '' ? undefined : compileQuery(q, memberFields());
  const members = workspace.members
    .map((id) => store.users.get(id))
    .filter((user): user is UserRecord => user !== undefined)
    .filter((user) => filter?.(user) ?? true);
  return {
    status: 200,
    body: paginate(members, pageRequest(ctx.query, MEMBER_PAGES), ctx.requestUrl, (user) =>
      renderMembership(user, workspace, ctx.urls),
    ),
  };
}

export const userRoutes: PlainRoute[] = [
  {
    method: 'GET',
    template: '/user',
    scopes: { scopes: ['account'], apiTokenScopes: ['read:user:bitbucket'] },
    authenticated: true,
    handler: (ctx) => {
      if (ctx.principal.kind === 'anonymous') throw apiError(401, 'Unauthorized');
      return { status: 200, body: renderAccount(ctx.principal.user, ctx.urls, true) };
    },
  },
  {
    method: 'GET',
    template: '/users/{selected_user}',
    scopes: { scopes: [], apiTokenScopes: ['read:user:bitbucket'] },
    handler: (ctx) => {
      const key = ctx.params['selected_user'] ?? '';
      const user = [...ctx.store.users.values()].find(
        (candidate) => candidate.accountId === key || candidate.uuid.toLowerCase() === key.toLowerCase(),
      );
      if (!user) throw apiError(404, 'User not found');
      return { status: 200, body: renderAccount(user, ctx.urls, true) };
    },
  },
  {
    method: 'GET',
    template: '/workspaces/{workspace}/members',
    scopes: { scopes: ['account'], apiTokenScopes: ['read:workspace:bitbucket'] },
    authenticated: true,
    handler: listMembers,
  },
];
