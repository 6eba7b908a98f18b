/**
 * Authentication and authorisation: who is calling, which repositories the token can see and what it may do there.
 *
 * Documented behaviour followed (GitHub REST docs, "Troubleshooting the REST API" and "Authenticating to the REST API"):
 * - `Authorization: token X` and `Authorization: Bearer X` are both accepted; an unknown token gets
 *   401 `{"message":"Bad credentials","documentation_url":"https://docs.github.com/rest","status":"401"}`.
 * - No Authorization header: the caller is anonymous and may only read public repositories; writes get
 *   401 "Requires authentication".
 * - "GitHub uses a 404 Not Found response instead of a 403 Forbidden response to avoid confirming the existence of
 *   private repositories": a private repository the token is not installed on is 404, exactly like a missing one.
 * - A token that can see the repository but lacks the permission gets 403 "Resource not accessible by integration"
 *   (GitHub App / GITHUB_TOKEN) or "… by personal access token" (fine-grained PAT), with the
 *   `X-Accepted-GitHub-Permissions` header listing the permission sets that would do, comma-separated within a set
 *   and `; ` between alternative sets. GitHub sends that header on every response of such endpoints, so we do too.
 * - Which sets each endpoint accepts comes from GitHub's docs data (src/github-apps/data/fpt-2022-11-28/
 *   server-to-server-permissions.json in github/docs): create an issue needs issues=write only; update an issue,
 *   labels and milestones also take pull_requests ("additional-permissions": true); reads need issues=read;
 *   `GET /repos/{owner}/{repo}` needs only metadata=read, which every installation has.
 * - An installation token may read public repositories it is not installed on, but not write to them (403).
 */

import { ApiError, basicError, DOCS } from './http.js';
import type { RepoRecord, Store, TokenRecord } from './store.js';
import type { Access, TokenPermissions } from './types.js';

export type Principal = { kind: 'token'; token: TokenRecord } | { kind: 'anonymous'; ip: string };

export type PermissionName = keyof TokenPermissions;

/** Alternative permission sets; any one set satisfied is enough. */
export type AccessRule = ReadonlyArray<Partial<Record<PermissionName, Access>>>;

export function acceptedPermissionsHeader(rule: AccessRule): string {
  return rule
    .map((set) =>
      Object.entries(set)
        .map(([name, level]) => `${name}=${level}`)
        .join(','),
    )
    .join('; ');
}

function isWrite(rule: AccessRule): boolean {
  return rule.some((set) => Object.values(set).includes('write'));
}

function holds(permissions: TokenPermissions, name: PermissionName, level: Access): boolean {
  if (name === 'metadata') return true; // every installation and fine-grained token has metadata:read
  const granted = permissions[name];
  if (granted === undefined) return false;
  return level === 'read' || granted === 'write';
}

export function authenticate(header: string | undefined, store: Store, ip: string): Principal {
  if (header === undefined || header.trim() === '') return { kind: 'anonymous', ip };
  const match = /^(token|bearer)\s+(\S+)\s*$/i.exec(header.trim());
  const token = match?.[2] === undefined ? undefined : store.tokens.get(match[2]);
  if (!token) throw new ApiError(401, basicError(401, 'Bad credentials', DOCS.root));
  return { kind: 'token', token };
}

export function principalLogin(principal: Principal): string | undefined {
  return principal.kind === 'token' ? principal.token.login : undefined;
}

export function isInstalled(token: TokenRecord, repo: RepoRecord): boolean {
  return token.repositories === '*' || token.repositories.has(repo.fullName.toLowerCase());
}

/** Throws the response GitHub would give when `principal` may not do `rule` on `repo`; returns quietly otherwise. */
export function authorize(
  principal: Principal,
  repo: RepoRecord | undefined,
  rule: AccessRule,
  docs: string,
): void {
  if (!repo) throw new ApiError(404, basicError(404, 'Not Found', docs));
  const write = isWrite(rule);
  if (principal.kind === 'anonymous') {
    if (repo.private) throw new ApiError(404, basicError(404, 'Not Found', docs));
    if (write) throw new ApiError(401, basicError(401, 'Requires authentication', docs));
    return;
  }
  const token = principal.token;
  const denied = (): ApiError => {
    const who = token.login.endsWith('[bot]') ? 'integration' : 'personal access token';
    return new ApiError(403, basicError(403, `Resource not accessible by ${who}`, docs), {
      'x-accepted-github-permissions': acceptedPermissionsHeader(rule),
    });
  };
  if (!isInstalled(token, repo)) {
    if (repo.private) throw new ApiError(404, basicError(404, 'Not Found', docs));
    if (write) throw denied();
    return;
  }
  const satisfied = rule.some((set) =>
    Object.entries(set).every(([name, level]) => holds(token.permissions, name as PermissionName, level)),
  );
  if (!satisfied) throw denied();
}
