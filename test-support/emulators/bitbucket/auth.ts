/**
 * Authentication and authorisation: who is calling, which scopes their credential carries, what they may see and change.
 *
 * Documented and observed behaviour followed:
 * - Credentials (developer.atlassian.com/cloud/bitbucket/rest/intro, "Authentication methods"; swagger
 *   `securitySchemes`): `Authorization: Bearer <token>` for repository / project / workspace access tokens and OAuth
 *   access tokens; HTTP Basic with `username:app_password` (app passwords: "Basic Auth is available only with username
 *   and app password", swagger `basic`) or `email:api_token` (Atlassian API tokens with Bitbucket scopes, the
 *   replacement for app passwords — support.atlassian.com/bitbucket-cloud/docs/using-api-tokens).
 * - Scopes. Access tokens, app passwords and OAuth use the classic names (`repository`, `issue`, `issue:write`,
 *   `account`, …; swagger `oauth2` flow). Each operation's `security` lists what it needs: issues, milestones,
 *   versions and components need `issue` to read and `issue:write` to write; `GET /repositories/{w}/{r}` needs
 *   `repository`; `GET /workspaces/{w}/members` and `GET /user` need `account`; `GET /users/{u}` needs none. A `:write`
 *   (or `:admin`) scope includes the read scope of the same name here (app-password and access-token pages describe
 *   Write as "read and modify"). API tokens use the granular names in each operation's `x-atlassian-oauth2-scopes`
 *   (`read:issue:bitbucket`, plus `write:issue:bitbucket` for writes; `read:repository:bitbucket`,
 *   `read:workspace:bitbucket`, `read:user:bitbucket`), and a write scope "does not imply the read … scope, so you need
 *   to request that separately" (support.atlassian.com/bitbucket-cloud/docs/api-token-permissions).
 * - Missing scope: 403 `{"type": "error", "error": {"message": "Your credentials lack one or more required privilege
 *   scopes.", "detail": {"required": ["account"], "granted": ["team"]}}}` (verbatim in backstage/backstage#22383;
 *   gildas/bitbucket-cli#56 shows `"required": ["read:user:bitbucket"]` for an API token). `detail` is an object, though
 *   the swagger types it as a string.
 * - Unknown Bearer token: 401 `{"type":"error","error":{"message":"Token is invalid, expired, or not supported for
 *   this endpoint."}}` (the message a public Bitbucket client's error table classifies as an auth failure).
 * - Failed Basic login: 401 with a plain-text body, "Login failed due to incorrect login credentials or method.\nFor
 *   information on authentication methods for Bitbucket Cloud APIs, visit: …" (renovatebot/renovate#20533 shows the
 *   body as text; the URL at its end was cut off there, so the one here is a guess) and
 *   `WWW-Authenticate: Basic realm="Bitbucket.org HTTP"` (unverified for the API).
 * - A private repository the caller cannot see: 404 "The requested repository either does not exist or you do not
 *   have access. If you believe this repository exists and you have access, make sure you're authenticated."
 *   (composer/composer#10657, 2022; older answers said "Repository workspace/slug not found").
 * - Who sees what (support.atlassian.com access-token pages): a repository access token sees its repository, a
 *   workspace access token its workspace's repositories, a user (app password, API token, OAuth) the repositories of
 *   the workspaces they belong to plus public ones; anonymous callers see public repositories only.
 * - Unverified, chosen here: anonymous writes are 401 `Unauthorized`; a user who can see a public repository but is
 *   not a member gets 403 "Access denied. You must have write or admin access." on writes.
 */

import { ApiError, apiError, DOCS, errorBody } from './http.js';
import type { CredentialRecord, RepoRecord, Store, UserRecord } from './store.js';

export type Principal =
  { kind: 'anonymous'; ip: string } | { kind: 'credential'; credential: CredentialRecord; user: UserRecord };

/** What a route needs: classic scopes, and the granular scopes an API token needs instead. */
export interface ScopeRule {
  scopes: readonly string[];
  apiTokenScopes: readonly string[];
}

export const NO_REPOSITORY =
  "The requested repository either does not exist or you do not have access. If you believe this repository exists and you have access, make sure you're authenticated.";

export const LOGIN_FAILED = `Login failed due to incorrect login credentials or method.\nFor information on authentication methods for Bitbucket Cloud APIs, visit:\n    ${DOCS.auth}\n`;

function loginFailed(): ApiError {
  return new ApiError(401, LOGIN_FAILED, { 'www-authenticate': 'Basic realm="Bitbucket.org HTTP"' });
}

export function bearerKey(token: string): string {
  return `bearer:${token}`;
}

export function basicKey(login: string, secret: string): string {
  return `basic:${login.toLowerCase()}:${secret}`;
}

export function authenticate(header: string | undefined, store: Store, ip: string): Principal {
  if (header === undefined || header.trim() === '') return { kind: 'anonymous', ip };
  const [scheme = '', ...rest] = header.trim().split(/\s+/);
  const value = rest.join(' ');
  let credential: CredentialRecord | undefined;
  if (/^bearer$/i.test(scheme)) {
    credential = store.credentials.get(bearerKey(value));
    if (!credential) throw apiError(401, 'Token is invalid, expired, or not supported for this endpoint.');
  } else if (/^basic$/i.test(scheme)) {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) throw loginFailed();
    credential = store.credentials.get(basicKey(decoded.slice(0, colon), decoded.slice(colon + 1)));
    if (!credential) throw loginFailed();
  } else {
    throw loginFailed();
  }
  const user = store.users.get(credential.accountId);
  if (!user) throw loginFailed();
  return { kind: 'credential', credential, user };
}

/** Classic scopes a grant includes: `x:admin` ⊇ `x:write` ⊇ `x`. */
function expand(granted: readonly string[]): Set<string> {
  const all = new Set<string>();
  for (const scope of granted) {
    all.add(scope);
    const match = /^([a-z_]+):(write|admin)$/.exec(scope);
    if (match?.[1]) {
      all.add(match[1]);
      if (match[2] === 'admin') all.add(`${match[1]}:write`);
    }
  }
  return all;
}

/** Throws the 403 Bitbucket gives when the credential lacks a scope the route needs. */
export function requireScopes(principal: Principal, rule: ScopeRule): void {
  if (principal.kind === 'anonymous') return;
  const { credential } = principal;
  const apiToken = credential.kind === 'api_token';
  const required = apiToken ? rule.apiTokenScopes : rule.scopes;
  const granted = apiToken ? new Set(credential.scopes) : expand(credential.scopes);
  if (required.every((scope) => granted.has(scope))) return;
  throw new ApiError(
    403,
    errorBody('Your credentials lack one or more required privilege scopes.', {
      detail: { required: [...required], granted: [...credential.scopes] },
    }),
  );
}

export function canSee(principal: Principal, repo: RepoRecord, store: Store): boolean {
  if (!repo.private) return true;
  if (principal.kind === 'anonymous') return false;
  return hasAccess(principal.credential, repo, store);
}

function hasAccess(credential: CredentialRecord, repo: RepoRecord, store: Store): boolean {
  switch (credential.kind) {
    case 'repository':
      return credential.repository === repo.fullName;
    case 'workspace':
      return credential.workspace === repo.workspace;
    default:
      return store.isMember(repo.workspace, credential.accountId);
  }
}

/** Throws unless the principal may write to the repository (which it can already see). */
export function requireWrite(principal: Principal, repo: RepoRecord, store: Store): void {
  if (principal.kind === 'anonymous') throw apiError(401, 'Unauthorized');
  if (!hasAccess(principal.credential, repo, store))
    throw apiError(403, 'Access denied. You must have write or admin access.');
}

/** Whose hourly bucket a request counts against. */
export function bucketOf(principal: Principal): string {
  return principal.kind === 'anonymous' ? `ip:${principal.ip}` : principal.credential.bucket;
}
