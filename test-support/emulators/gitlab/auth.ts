/**
 * Authentication and authorisation: who is calling, which scopes the token has, and what its user may do where.
 *
 * Documented behaviour followed (docs.gitlab.com/api/rest/authentication/; lib/api/api_guard.rb and
 * lib/gitlab/auth/auth_finders.rb in gitlab-org/gitlab):
 * - Tokens travel as `PRIVATE-TOKEN: <t>`, `?private_token=<t>`, or `Authorization: Bearer <t>` (OAuth and personal
 *   tokens alike). An unknown token is 401 `{"message":"401 Unauthorized"}` (`UnauthorizedError` → `unauthorized!`),
 *   on every route — even a public GET, because the token is resolved before anything else.
 * - An expired or revoked token is 401 with rack-oauth2's body, e.g. `{"error":"invalid_token","error_description":
 *   "Token is expired. You can either do re-authorization or token refresh."}` and a `WWW-Authenticate: Bearer …`
 *   header (APIGuard's `oauth2_bearer_token_error_handler`).
 * - Scopes: every route accepts `api`; `read_api` only for GET/HEAD (`allow_access_with_scope :read_api, if: get? ||
 *   head?`). Otherwise 403 `{"error":"insufficient_scope","error_description":"The request requires higher privileges
 *   than provided by the access token.","scope":"api"}` (rack-oauth2 Bearer::Forbidden; body as reported in
 *   timoschwarzer/gitlab-monitor#134) — the `scope` lists the scopes that would do ("api" for writes, "api read_api"
 *   for reads). No WWW-Authenticate header on that 403 (a FIXME in api_guard.rb says so).
 * - CI job tokens (`JOB-TOKEN: <t>` or `?job_token=<t>`) are only looked at on routes marked `job_token_allowed`
 *   (`find_user_from_job_token` returns nil otherwise). In current GitLab that includes `GET /projects/:id/issues` and
 *   `GET /projects/:id/issues/:issue_iid` but NOT the issue writes, `GET /projects/:id`, labels, milestones, members or
 *   users. On any other route the header is ignored, the caller is anonymous, and a write answers
 *   401 `{"message":"401 Unauthorized"}` (`authenticate_non_get!`) — not 403. This matches field reports ("A real
 *   GitLab answers a JOB-TOKEN header on an endpoint outside the job-token list with 401, not 403", ocx-sh/ocx#432;
 *   "Job tokens are unable to comment on merge requests and issues", semantic-release/gitlab#859). On an allowed route
 *   an unknown job token is 401. The job acts with its user's role (docs: "The token receives the same access level
 *   as the user that triggered the pipeline").
 * - Anonymous callers may read public projects (and internal ones need a signed-in user); any write without a user is
 *   401 (`before { authenticate_non_get! }` in lib/api/issues.rb).
 * - A project the caller cannot read is 404 `{"message":"404 Project Not Found"}` (`find_project!` → `not_found!`),
 *   exactly like a missing one; a group likewise "404 Group Not Found".
 * - A role too low for the action is 403 `{"message":"403 Forbidden"}` (`authorize!` → `forbidden!`). Roles
 *   (docs.gitlab.com/user/permissions/): guests may create issues and update the ones they authored or are assigned
 *   to (without metadata); planner (15) and reporter (20) and up may update any issue, set labels, milestones,
 *   assignees, due dates, weights, track time, and manage labels and milestones.
 */

import { ApiError, forbidden, notFound, unauthorized } from './http.js';
import type { GroupRecord, ProjectRecord, Store, TokenRecord, UserRecord } from './store.js';
import type { AccessLevel } from './types.js';

export type Principal =
  | { kind: 'user'; user: UserRecord; token: TokenRecord; via: 'private-token' | 'bearer' | 'job-token' }
  | { kind: 'anonymous'; ip: string };

export interface Credentials {
  privateToken?: string;
  bearer?: string;
  jobToken?: string;
}

export function readCredentials(
  headers: Record<string, string | string[] | undefined>,
  query: URLSearchParams,
): Credentials {
  const header = (name: string): string | undefined => {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const credentials: Credentials = {};
  const privateToken = header('private-token') ?? query.get('private_token') ?? undefined;
  if (privateToken) credentials.privateToken = privateToken.trim();
  const authorization = header('authorization');
  const bearer = authorization ? /^bearer\s+(\S+)\s*$/i.exec(authorization.trim())?.[1] : undefined;
  if (bearer) credentials.bearer = bearer;
  const jobToken = header('job-token') ?? query.get('job_token') ?? undefined;
  if (jobToken) credentials.jobToken = jobToken.trim();
  return credentials;
}

const EXPIRED = 'Token is expired. You can either do re-authorization or token refresh.';
const REVOKED = 'Token was revoked. You have to re-authorize from the user.';

function invalidToken(description: string): ApiError {
  return new ApiError(
    401,
    { error: 'invalid_token', error_description: description },
    { 'www-authenticate': `Bearer realm="", error="invalid_token", error_description="${description}"` },
  );
}

/**
 * Resolves the caller. `jobTokenAllowed` says whether this route looks at job tokens at all. Throws 401 for tokens
 * that do not resolve; returns an anonymous principal when no usable credential was sent.
 */
export function authenticate(
  credentials: Credentials,
  store: Store,
  ip: string,
  jobTokenAllowed: boolean,
): Principal {
  const personal = credentials.privateToken ?? credentials.bearer;
  if (personal !== undefined) {
    const token = store.tokens.get(personal);
    if (!token || token.kind !== 'personal') throw unauthorized();
    if (token.state === 'expired') throw invalidToken(EXPIRED);
    if (token.state === 'revoked') throw invalidToken(REVOKED);
    const user = store.requireUser(token.userId);
    if (user.state !== 'active') throw unauthorized();
    return {
      kind: 'user',
      user,
      token,
      via: credentials.privateToken !== undefined ? 'private-token' : 'bearer',
    };
  }
  if (credentials.jobToken !== undefined && jobTokenAllowed) {
    const token = store.tokens.get(credentials.jobToken);
    if (!token || token.kind !== 'job' || token.state !== 'active') throw unauthorized();
    return { kind: 'user', user: store.requireUser(token.userId), token, via: 'job-token' };
  }
  return { kind: 'anonymous', ip };
}

/** The rate-limit identity even when credentials are bad (Rack::Attack then counts the request against the IP). */
export function peekUser(credentials: Credentials, store: Store): UserRecord | undefined {
  const personal = credentials.privateToken ?? credentials.bearer;
  const token = personal !== undefined ? store.tokens.get(personal) : undefined;
  if (!token || token.kind !== 'personal' || token.state !== 'active') return undefined;
  return store.users.get(token.userId);
}

/** 403 insufficient_scope unless the token's scopes allow this method. Job tokens have no scopes. */
export function checkScope(principal: Principal, method: string): void {
  if (principal.kind !== 'user' || principal.via === 'job-token') return;
  const read = method === 'GET' || method === 'HEAD';
  const scopes = principal.token.scopes;
  if (scopes.has('api') || (read && scopes.has('read_api'))) return;
  throw new ApiError(403, {
    error: 'insufficient_scope',
    error_description: 'The request requires higher privileges than provided by the access token.',
    scope: read ? 'api read_api' : 'api',
  });
}

export function userId(principal: Principal): number | undefined {
  return principal.kind === 'user' ? principal.user.id : undefined;
}

/** The caller's role in the project, undefined for non-members and anonymous callers. */
export function roleIn(store: Store, principal: Principal, project: ProjectRecord): AccessLevel | undefined {
  return principal.kind === 'user' ? store.accessLevel(project, principal.user.id) : undefined;
}

/** `read_project`: members always; public projects for everyone; internal ones for any signed-in user. */
export function canReadProject(store: Store, principal: Principal, project: ProjectRecord): boolean {
  if (roleIn(store, principal, project) !== undefined) return true;
  if (project.visibility === 'public') return true;
  return project.visibility === 'internal' && principal.kind === 'user';
}

export function canReadGroup(store: Store, principal: Principal, group: GroupRecord): boolean {
  if (principal.kind === 'user') {
    if (store.groupAccessLevel(group, principal.user.id) !== undefined) return true;
    // Members of a project inside the group can see the group too.
    for (const project of store.projects.values()) {
      if (store.groupChain(store.projectGroup(project)).some((g) => g.id === group.id)) {
        if (project.members.has(principal.user.id)) return true;
      }
    }
  }
  if (group.visibility === 'public') return true;
  return group.visibility === 'internal' && principal.kind === 'user';
}

/** `find_project!`: the project, or 404 "Project Not Found" when it is missing or invisible to the caller. */
export function visibleProject(
  store: Store,
  principal: Principal,
  project: ProjectRecord | undefined,
): ProjectRecord {
  if (!project || !canReadProject(store, principal, project)) throw notFound('Project');
  return project;
}

export function visibleGroup(
  store: Store,
  principal: Principal,
  group: GroupRecord | undefined,
): GroupRecord {
  if (!group || !canReadGroup(store, principal, group)) throw notFound('Group');
  return group;
}

/** Whether the issues feature is usable by this caller (`issues_access_level`: enabled / private / disabled). */
export function issuesAvailable(store: Store, principal: Principal, project: ProjectRecord): boolean {
  if (project.issuesAccessLevel === 'disabled') return false;
  if (project.issuesAccessLevel === 'private') return roleIn(store, principal, project) !== undefined;
  return true;
}

/** Planner (15) and up: update any issue, set metadata, track time, manage labels and milestones. */
export const PLANNER: AccessLevel = 15;

export function requireRole(
  store: Store,
  principal: Principal,
  project: ProjectRecord,
  minimum: AccessLevel,
): void {
  const role = roleIn(store, principal, project);
  if (role === undefined || role < minimum) throw forbidden();
}

export function hasRole(
  store: Store,
  principal: Principal,
  project: ProjectRecord,
  minimum: AccessLevel,
): boolean {
  const role = roleIn(store, principal, project);
  return role !== undefined && role >= minimum;
}
