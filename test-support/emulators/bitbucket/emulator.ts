/**
 * The emulator: a node:http server on 127.0.0.1 that serves Bitbucket Cloud's REST API 2.0 under `/2.0`, running each
 * request through faults, authentication, rate limits, routing, scopes, repository checks and a handler, recording the
 * exchange, and offering direct state access for tests.
 *
 * Documented behaviour followed for every response:
 * - The API lives at `https://api.bitbucket.org/2.0`; URLs in bodies are absolute, built from the request's Host
 *   header (`links.*.href`, `next`, `previous`), and web links point at the same host without `/2.0`.
 * - JSON bodies (`application/json`); the error envelope of http.ts for every error except the plain-text 401 of a
 *   failed Basic login (auth.ts).
 * - An unknown URL: 404 `{"type":"error","error":{"message":"Resource not found","detail":"There is no API hosted at
 *   this URL.\n\nFor information about our API's, please refer to the documentation at:
 *   https://developer.atlassian.com/bitbucket/api/2/reference/"}}` (verbatim in sourcebot-dev/sourcebot#295).
 * - A known URL with a method it does not support: 405 with `Allow` (unverified, see handlers/tracker.ts).
 * - Malformed JSON in a POST/PUT: 400 "Bad request" with a detail (message unverified).
 * - Order of checks (chosen here; Bitbucket's is not documented): credentials (401) → rate limit (429) → route (404 /
 *   405) → scopes (403) → repository visible (404) → issue tracker enabled (404) → write access → handler.
 */

import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import {
  authenticate,
  basicKey,
  bearerKey,
  bucketOf,
  canSee,
  NO_REPOSITORY,
  requireScopes,
  requireWrite,
  type Principal,
} from './auth.js';
import { FaultInjector } from './faults.js';
import { applyIssueChanges, issueRoutes, KINDS, PRIORITIES, STATES } from './handlers/issues.js';
import { addCommits, pushTag, refData, refRoutes, renderTag } from './handlers/refs.js';
import { repoRoutes } from './handlers/repos.js';
import { trackerRoutes } from './handlers/tracker.js';
import { userRoutes } from './handlers/users.js';
import { ApiError, apiError, DOCS, errorBody } from './http.js';
import { RollingLimiter } from './limits.js';
import {
  renderAccount,
  renderChange,
  renderIssue,
  renderNamed,
  type NamedKind,
  type Urls,
} from './render.js';
import { Router, type HandlerResult, type RequestContext, type Route } from './router.js';
import { Store, type CredentialRecord, type RepoRecord } from './store.js';
import type {
  AccessTokenGrant,
  AccountJson,
  BitbucketEmulatorOptions,
  FaultAction,
  FaultSpec,
  IssueChangeJson,
  IssueJson,
  NamedJson,
  RecordedRequest,
  RepositoryOptions,
  UserOptions,
  WebIssueEdit,
} from './types.js';

const PREFIX = '/2.0';
const JSON_TYPE = 'application/json; charset=utf-8';

interface Outcome {
  status: number;
  body?: unknown;
  headers: Record<string, string>;
  route?: Route;
}

function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

function parseMaybeJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class BitbucketEmulator {
  readonly requests: RecordedRequest[] = [];
  private readonly store: Store;
  private readonly router: Router;
  private readonly limiter: RollingLimiter;
  private readonly faults = new FaultInjector();
  private readonly clock: () => number;
  private readonly limits: { limit: number; anonymousLimit: number; nearLimitFraction: number } | false;
  private readonly latencyMs: number;
  private sequence = 0;
  private server: Server | undefined;
  private origin = '';

  private constructor(options: BitbucketEmulatorOptions) {
    this.clock = options.now ?? Date.now;
    this.latencyMs = options.latencyMs ?? 0;
    this.limits =
      options.rateLimit === false
        ? false
        : {
            limit: options.rateLimit?.limit ?? 1000,
            anonymousLimit: options.rateLimit?.anonymousLimit ?? 60,
            nearLimitFraction: options.rateLimit?.nearLimitFraction ?? 0.2,
          };
    this.store = new Store(this.clock);
    this.store.putState = options.putState ?? 'honoured';
    this.limiter = new RollingLimiter(this.clock);
    this.router = new Router([...repoRoutes, ...issueRoutes, ...trackerRoutes, ...userRoutes, ...refRoutes]);
  }

  static async start(options: BitbucketEmulatorOptions = {}): Promise<BitbucketEmulator> {
    const emulator = new BitbucketEmulator(options);
    const server = createServer((req, res) => {
      emulator.handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) {
          res.writeHead(500, { 'content-type': JSON_TYPE });
          res.end(JSON.stringify(errorBody(`Emulator failure: ${String(error)}`)));
        } else res.destroy();
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    emulator.server = server;
    emulator.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return emulator;
  }

  /** The API base, `http://127.0.0.1:PORT/2.0` — what `https://api.bitbucket.org/2.0` is to the real thing. */
  get url(): string {
    return `${this.origin}${PREFIX}`;
  }

  /** `http://127.0.0.1:PORT`, standing in for `https://bitbucket.org` in `links.html`. */
  get webUrl(): string {
    return this.origin;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  // ---- state set-up -------------------------------------------------------------------------------------------

  /** `workspace/repo_slug`; the workspace is created on first use. */
  addRepository(fullName: string, options?: RepositoryOptions): void {
    this.store.addRepository(fullName, options);
  }

  /** A person; `workspaces` makes them a member (members can read and write every repository of the workspace). */
  addUser(nickname: string, options: UserOptions = {}): AccountJson {
    const user = this.store.addUser(nickname, options);
    for (const workspace of options.workspaces ?? []) this.store.addMember(workspace, user);
    return renderAccount(user, this.directUrls());
  }

  /** A Bearer token: a repository or workspace access token (its own bot account) or a user's OAuth access token. */
  addToken(token: string, grant: AccessTokenGrant): AccountJson {
    let record: CredentialRecord;
    if (grant.kind === 'oauth') {
      const user = this.store.requireUser(grant.user);
      record = {
        kind: 'oauth',
        accountId: user.accountId,
        scopes: [...grant.scopes],
        bucket: `oauth:${token}`,
      };
    } else {
      const target =
        grant.kind === 'repository'
          ? this.store.requireRepo(grant.repository).fullName
          : grant.workspace.toLowerCase();
      if (grant.kind === 'workspace') this.store.ensureWorkspace(target);
      const bot = this.store.addUser(grant.name ?? `${target} access token`, { bot: true });
      record = {
        kind: grant.kind,
        accountId: bot.accountId,
        scopes: [...grant.scopes],
        bucket: `token:${token}`,
        ...(grant.kind === 'repository' ? { repository: target } : { workspace: target }),
      };
    }
    this.store.credentials.set(bearerKey(token), record);
    const user = this.store.users.get(record.accountId);
    if (!user) throw new Error('unreachable: credential without an account');
    return renderAccount(user, this.directUrls());
  }

  /** Basic `username:password` with an app password of the user (nickname, account id or `{uuid}`). */
  addAppPassword(user: string, password: string, grant: { scopes: string[] }): void {
    const record = this.store.requireUser(user);
    this.store.credentials.set(basicKey(record.nickname, password), {
      kind: 'app_password',
      accountId: record.accountId,
      scopes: [...grant.scopes],
      bucket: `user:${record.accountId}`,
    });
  }

  /** Basic `email:token` with an Atlassian API token; scopes are the granular ones (`read:issue:bitbucket`, …). */
  addApiToken(email: string, token: string, grant: { scopes: string[] }): void {
    const record = this.store.findUser(email);
    if (!record || record.email?.toLowerCase() !== email.toLowerCase())
      throw new Error(`No user with email ${JSON.stringify(email)}; call addUser with { email } first.`);
    this.store.credentials.set(basicKey(email, token), {
      kind: 'api_token',
      accountId: record.accountId,
      scopes: [...grant.scopes],
      bucket: `user:${record.accountId}`,
    });
  }

  addMember(workspace: string, user: string): void {
    this.store.addMember(workspace, this.store.requireUser(user));
  }

  /** Milestones (and versions, components) are managed in the repository settings, not through the API. */
  addMilestone(repo: string, name: string): NamedJson {
    return this.addNamed(repo, 'milestone', name);
  }

  addVersion(repo: string, name: string): NamedJson {
    return this.addNamed(repo, 'version', name);
  }

  addComponent(repo: string, name: string): NamedJson {
    return this.addNamed(repo, 'component', name);
  }

  private addNamed(repo: string, kind: NamedKind, name: string): NamedJson {
    const record = this.store.requireRepo(repo);
    return renderNamed(record, kind, this.store.addNamed(record, `${kind}s`, name), this.directUrls());
  }

  // ---- direct state access ------------------------------------------------------------------------------------

  private directUrls(): Urls {
    return { api: this.url, web: this.origin };
  }

  /** Every issue, by id, as `GET …/issues/{id}` would return it. */
  listIssues(repo: string): IssueJson[] {
    const record = this.store.requireRepo(repo);
    return [...record.issues.values()]
      .sort((a, b) => a.id - b.id)
      .map((issue) => renderIssue(this.store, record, issue, this.directUrls()));
  }

  getIssue(repo: string, id: number): IssueJson | undefined {
    const record = this.store.requireRepo(repo);
    const issue = record.issues.get(id);
    return issue ? renderIssue(this.store, record, issue, this.directUrls()) : undefined;
  }

  /** The issue's change log, oldest first, as `GET …/issues/{id}/changes` would list it. */
  listChanges(repo: string, id: number): IssueChangeJson[] {
    const record = this.store.requireRepo(repo);
    const issue = record.issues.get(id);
    if (!issue) throw new Error(`No issue #${id} in ${repo}.`);
    return issue.changes.map((change) => renderChange(this.store, record, issue, change, this.directUrls()));
  }

  /**
   * A change made on bitbucket.org by a person (`by`: nickname, account id or `{uuid}`; default the workspace's first
   * member): bypasses the API, scopes, limits and validation of access, records a change and moves updated_on.
   */
  editIssue(repo: string, id: number, patch: WebIssueEdit, by?: string): void {
    const record = this.store.requireRepo(repo);
    const issue = record.issues.get(id);
    if (!issue) throw new Error(`No issue #${id} in ${repo}.`);
    const actor = by !== undefined ? this.store.requireUser(by) : this.firstMember(record);
    const check = <T extends string>(
      value: T | undefined,
      allowed: readonly T[],
      what: string,
    ): T | undefined => {
      if (value !== undefined && !allowed.includes(value)) throw new Error(`Not a ${what}: ${value}`);
      return value;
    };
    let milestone: number | null | undefined;
    if (patch.milestone === null) milestone = null;
    else if (patch.milestone !== undefined) {
      const found = record.milestones.find((m) => m.name === patch.milestone);
      if (!found) throw new Error(`No milestone ${JSON.stringify(patch.milestone)} in ${repo}.`);
      milestone = found.id;
    }
    applyIssueChanges(
      this.store,
      record,
      issue,
      {
        title: patch.title,
        raw: patch.content,
        state: check(patch.state, STATES, 'state'),
        kind: check(patch.kind, KINDS, 'kind'),
        priority: check(patch.priority, PRIORITIES, 'priority'),
        assignee:
          patch.assignee === undefined
            ? undefined
            : patch.assignee === null
              ? null
              : this.store.requireUser(patch.assignee).accountId,
        milestone,
      },
      actor.accountId,
    );
  }

  private firstMember(repo: RepoRecord): { accountId: string } {
    const id = this.store.workspace(repo.workspace)?.members[0];
    if (id === undefined) throw new Error(`Workspace ${repo.workspace} has no members; pass \`by\`.`);
    return { accountId: id };
  }

  /** Registers commits as pushed, oldest first (the emulator keeps no git objects): tags may then point at them. */
  addCommits(repo: string, ...hashes: string[]): void {
    addCommits(this.store, this.store.requireRepo(repo), hashes);
  }

  /** A tag pushed with git (lightweight unless a message is given), outside the API. */
  pushTag(repo: string, name: string, commit: string, message: string | null = null): void {
    pushTag(this.store, this.store.requireRepo(repo), name, commit, message);
  }

  /** The repository's tags, as `GET …/refs/tags/{name}` returns them. */
  listTags(repo: string): Record<string, unknown>[] {
    const record = this.store.requireRepo(repo);
    return [...refData(record).tags.values()].map((tag) => renderTag(record, tag, this.directUrls()));
  }

  clearRequests(): void {
    this.requests.length = 0;
  }

  injectFault(fault: FaultSpec): void {
    this.faults.add(fault);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  // ---- the request pipeline -----------------------------------------------------------------------------------

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks).toString('utf8');
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://emulator.invalid');
    const mounted = url.pathname === PREFIX || url.pathname.startsWith(`${PREFIX}/`);
    const path = mounted ? url.pathname.slice(PREFIX.length) || '/' : url.pathname;
    const host = req.headers.host ?? new URL(this.origin).host;
    const urls: Urls = { api: `http://${host}${PREFIX}`, web: `http://${host}` };
    const record: RecordedRequest = {
      method,
      path,
      query: Object.fromEntries(url.searchParams),
      status: 0,
      requestBody: parseMaybeJson(rawBody),
      responseBody: undefined,
      requestHeaders: flattenHeaders(req.headers),
      responseHeaders: {},
      durationMs: 0,
    };
    this.requests.push(record);
    const finish = (): void => {
      record.durationMs = performance.now() - started;
    };

    const fault: FaultAction | undefined = this.faults.take(method, path);
    if (fault) record.fault = fault.kind;
    if (fault?.kind === 'reset') {
      finish();
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'status') {
      const text =
        fault.body === undefined
          ? ''
          : typeof fault.body === 'string'
            ? fault.body
            : JSON.stringify(fault.body);
      const headers = { ...this.baseHeaders(), ...(fault.headers ?? {}) };
      record.status = fault.status;
      record.responseBody = parseMaybeJson(text);
      record.responseHeaders = headers;
      finish();
      res.writeHead(fault.status, { ...headers, 'content-length': String(Buffer.byteLength(text)) });
      res.end(text);
      return;
    }
    if (fault?.kind === 'delay') await sleep(fault.ms);

    const requestUrl = new URL(`${urls.api}${path}${url.search}`);
    const outcome = mounted
      ? this.process(req, method, path, requestUrl, rawBody, urls)
      : { status: 404, body: this.unknownRoute(), headers: {} };
    if (outcome.route) record.operation = `${outcome.route.method} ${outcome.route.template}`;

    const text =
      outcome.body === undefined
        ? ''
        : typeof outcome.body === 'string'
          ? outcome.body
          : JSON.stringify(outcome.body);
    const headers: Record<string, string> = { ...this.baseHeaders(), ...outcome.headers };
    if (typeof outcome.body === 'string') headers['content-type'] = 'text/plain; charset=utf-8';
    record.status = outcome.status;
    record.responseBody = parseMaybeJson(text);
    record.responseHeaders = headers;
    if (this.latencyMs > 0) await sleep(this.latencyMs);
    finish();

    const bytes = Buffer.from(text, 'utf8');
    res.writeHead(outcome.status, { ...headers, 'content-length': String(bytes.length) });
    if (fault?.kind === 'truncate') {
      if (bytes.length > 0) res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => res.destroy());
      else res.destroy();
      return;
    }
    res.end(bytes);
  }

  private baseHeaders(): Record<string, string> {
    this.sequence += 1;
    return {
      'content-type': JSON_TYPE,
      // By the emulator's clock, like updated_on: incremental reads compare the two.
      date: new Date(this.clock()).toUTCString(),
      'x-request-id': `${this.sequence.toString(16).padStart(8, '0')}${'0'.repeat(24)}`,
    };
  }

  private unknownRoute(): Record<string, unknown> {
    return errorBody('Resource not found', {
      detail: `There is no API hosted at this URL.\n\nFor information about our API's, please refer to the documentation at: ${DOCS.api}`,
    });
  }

  /** The caller's bucket and limit for this path, or undefined when the request is not rate limited. */
  private limitFor(principal: Principal, path: string): { key: string; limit: number } | undefined {
    if (this.limits === false) return undefined;
    if (principal.kind === 'anonymous')
      return { key: bucketOf(principal), limit: this.limits.anonymousLimit };
    if (path.startsWith('/repositories/')) return { key: bucketOf(principal), limit: this.limits.limit };
    return undefined;
  }

  private rateHeaders(principal: Principal, limit: { key: string; limit: number }): Record<string, string> {
    if (this.limits === false) return {};
    const snapshot = this.limiter.snapshot(limit.key, limit.limit);
    if (principal.kind === 'anonymous') {
      return {
        'x-ratelimit-limit': `${limit.limit}, ${limit.limit};w=3600`,
        'x-ratelimit-remaining': String(snapshot.remaining),
        'x-ratelimit-reset': String(snapshot.resetSeconds),
      };
    }
    const kind = principal.credential.kind;
    if (kind !== 'repository' && kind !== 'workspace') return {};
    return {
      'x-ratelimit-limit': String(limit.limit),
      'x-ratelimit-resource': 'api',
      'x-ratelimit-nearlimit': String(snapshot.remaining < limit.limit * this.limits.nearLimitFraction),
    };
  }

  private process(
    req: IncomingMessage,
    method: string,
    path: string,
    requestUrl: URL,
    rawBody: string,
    urls: Urls,
  ): Outcome {
    const ip = req.socket.remoteAddress ?? '127.0.0.1';
    const match = this.router.match(method, path);
    const route = match.kind === 'route' ? match.route : undefined;
    let principal: Principal;
    try {
      principal = authenticate(req.headers.authorization, this.store, ip);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      // Failed logins count against the caller's address, like anonymous requests.
      const anonymous: Principal = { kind: 'anonymous', ip };
      const limit = this.limitFor(anonymous, path);
      if (limit) this.limiter.consume(limit.key);
      return { status: error.status, body: error.body, headers: error.headers, route };
    }

    const limit = this.limitFor(principal, path);
    if (limit && this.limiter.snapshot(limit.key, limit.limit).remaining <= 0) {
      const snapshot = this.limiter.snapshot(limit.key, limit.limit);
      return {
        status: 429,
        body: errorBody('Rate limit for this resource has been exceeded'),
        headers: { ...this.rateHeaders(principal, limit), 'retry-after': String(snapshot.resetSeconds) },
        route,
      };
    }
    if (limit) this.limiter.consume(limit.key);
    const rateHeaders = limit ? this.rateHeaders(principal, limit) : {};

    try {
      if (match.kind === 'none') throw new ApiError(404, this.unknownRoute());
      if (match.kind === 'method') {
        throw new ApiError(405, errorBody(`Method ${method} not allowed`), {
          allow: match.allowed.join(', '),
        });
      }
      const { params } = match;
      const matched = match.route;
      let body: unknown;
      if ((method === 'POST' || method === 'PUT') && rawBody.trim() !== '') {
        try {
          body = JSON.parse(rawBody) as unknown;
        } catch {
          throw apiError(400, 'Bad request', { detail: 'Malformed JSON in the request body.' });
        }
      }
      requireScopes(principal, matched.scopes);
      const ctx: RequestContext = {
        method,
        params,
        query: Object.fromEntries(requestUrl.searchParams),
        requestUrl,
        body,
        principal,
        store: this.store,
        urls,
      };
      let result: HandlerResult;
      if (matched.repo) {
        const repo = this.store.repo(params['workspace'] ?? '', params['repo_slug'] ?? '');
        if (!repo || !canSee(principal, repo, this.store)) throw apiError(404, NO_REPOSITORY);
        if (matched.tracker && !repo.hasIssues) throw apiError(404, 'Repository has no issue tracker.');
        if (matched.write) requireWrite(principal, repo, this.store);
        result = matched.handler({ ...ctx, repo });
      } else {
        if (matched.authenticated && principal.kind === 'anonymous') throw apiError(401, 'Unauthorized');
        result = matched.handler(ctx);
      }
      return {
        status: result.status,
        body: result.body,
        headers: { ...rateHeaders, ...(result.headers ?? {}) },
        route,
      };
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      return { status: error.status, body: error.body, headers: { ...rateHeaders, ...error.headers }, route };
    }
  }
}
