/**
 * The emulator: a node:http server on 127.0.0.1 that runs each request through faults, authentication, rate limits,
 * routing, authorisation and a handler, records the exchange, and offers direct state access for tests.
 *
 * Documented behaviour followed for every response (REST docs, "Getting started", "Troubleshooting",
 * "Best practices", "Using pagination"):
 * - `content-type: application/json; charset=utf-8`, `x-github-request-id`, `x-github-api-version-selected`,
 *   `x-github-media-type`, the x-ratelimit-* headers; ETag (weak) on every successful GET, and `If-None-Match`
 *   with a matching tag gives 304 with an empty body that does not count against the primary limit.
 * - Served equally at `/` (api.github.com) and under `/api/v3` (GitHub Enterprise Server); URLs in bodies and Link
 *   headers are absolute, built from the request's Host header and the prefix it used.
 * - Unknown route (including a trailing slash or wrong method): 404 `{"message":"Not Found",…}`.
 * - Malformed JSON: 400 "Problems parsing JSON"; a body that is not an object: 400 "Body should be a JSON object".
 * - No User-Agent: 403 "Request forbidden by administrative rules…" ("Requests without a valid User-Agent header
 *   will be rejected").
 * - An `X-GitHub-Api-Version` other than 2022-11-28: 400 (GitHub: "If you specify a version that does not exist, you
 *   will receive a 400 Bad Request"); only the 2022-11-28 shapes are emulated, so newer real versions are refused too.
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
import { authenticate, authorize, acceptedPermissionsHeader, type Principal } from './auth.js';
import { FaultInjector } from './faults.js';
import { applyIssueChanges, issueRoutes } from './handlers/issues.js';
import { labelRoutes } from './handlers/labels.js';
import { milestoneRoutes } from './handlers/milestones.js';
import { repoRoutes } from './handlers/repos.js';
import { assigneeRoutes } from './handlers/assignees.js';
import { gitData, releaseRoutes, renderRelease } from './handlers/releases.js';
import { graphqlRoutes } from './graphql/handler.js';
import { ProjectsState } from './graphql/projects.js';
import { rateLimitRoute } from './handlers/rate-limit.js';
import { subIssueRoutes } from './handlers/sub-issues.js';
import { dependencyRoutes } from './handlers/dependencies.js';
import { issueTypeRoutes, orgIssueTypeRoutes } from './handlers/issue-types.js';
import { API_VERSION, ApiError, basicError, DOCS, etagMatches, requestId, weakEtag } from './http.js';
import { PrimaryLimiter, SecondaryLimiter, type RateSnapshot } from './limits.js';
import { renderIssue, renderLabel, renderMilestone, type Urls } from './render.js';
import { Router, type HandlerResult, type RequestContext, type Route } from './router.js';
import { Store, type IssueTypeRecord, type RepoRecord } from './store.js';
import type {
  FaultAction,
  FaultSpec,
  GitHubEmulatorOptions,
  IssueJson,
  LabelJson,
  MilestoneJson,
  RecordedRequest,
  TokenGrant,
} from './types.js';

const ANONYMOUS_LIMIT = 60;

interface Outcome {
  status: number;
  body?: unknown;
  headers: Record<string, string>;
  route?: Route;
  /** Whose rate-limit bucket the request belongs to. */
  caller: Caller;
  /** False when the request must not be counted (refused by the primary limit, a 304, /rate_limit). */
  counted: boolean;
}

interface Caller {
  key: string;
  limit: number;
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

export class GitHubEmulator {
  readonly requests: RecordedRequest[] = [];
  /** Projects v2 (served by POST /graphql): records, token grants and what a person does in the web UI. */
  readonly projects: ProjectsState;
  private readonly store: Store;
  private readonly router: Router;
  private readonly primary: PrimaryLimiter;
  private readonly secondary: SecondaryLimiter;
  private readonly faults = new FaultInjector();
  private readonly clock: () => number;
  private readonly limit: number;
  private readonly latencyMs: number;
  private sequence = 0;
  private server: Server | undefined;
  private baseUrl = '';

  private constructor(options: GitHubEmulatorOptions) {
    this.clock = options.now ?? Date.now;
    this.limit = options.rateLimit?.limit ?? 5000;
    this.latencyMs = options.latencyMs ?? 0;
    this.store = new Store(this.clock);
    this.projects = new ProjectsState(this.store);
    this.primary = new PrimaryLimiter(this.clock);
    this.secondary = new SecondaryLimiter(
      this.clock,
      options.secondaryLimits ?? { perMinute: 80, perHour: 500 },
    );
    const rateLimit = rateLimitRoute((ctx) => {
      const caller = this.callerFor(ctx.principal);
      return this.primary.snapshot(caller.key, caller.limit);
    });
    this.router = new Router([
      ...repoRoutes,
      ...issueRoutes,
      ...labelRoutes,
      ...milestoneRoutes,
      ...assigneeRoutes,
      ...subIssueRoutes,
      ...dependencyRoutes,
      ...issueTypeRoutes,
      ...orgIssueTypeRoutes,
      ...releaseRoutes,
      rateLimit,
      ...graphqlRoutes(() => this.projects),
    ]);
  }

  static async start(options: GitHubEmulatorOptions = {}): Promise<GitHubEmulator> {
    const emulator = new GitHubEmulator(options);
    const server = createServer((req, res) => {
      emulator.handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) {
          res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
          res.end(JSON.stringify({ message: `Emulator failure: ${String(error)}` }));
        } else res.destroy();
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    emulator.server = server;
    emulator.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return emulator;
  }

  /** `http://127.0.0.1:PORT`; add `/api/v3` to talk to it like a GitHub Enterprise Server. */
  get url(): string {
    return this.baseUrl;
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

  addRepository(fullName: string, options?: { hasIssues?: boolean; private?: boolean }): void {
    this.store.addRepository(fullName, options);
  }

  addToken(token: string, grant: TokenGrant): void {
    this.store.addToken(token, grant);
  }

  /**
   * Makes `org` an organisation that defines these issue types (GitHub's defaults are Task, Bug and Feature), in
   * this order; its repositories then list them and their issues take them.
   */
  addIssueTypes(
    org: string,
    types: {
      name: string;
      description?: string | null;
      color?: IssueTypeRecord['color'];
      enabled?: boolean;
    }[],
  ): void {
    this.store.user(org).type = 'Organization';
    const now = this.clock();
    const list = this.store.issueTypes.get(org.toLowerCase()) ?? [];
    for (const type of types) {
      const id = this.store.allocateId();
      list.push({
        id,
        nodeId: `IT_kwDO${Buffer.from(`IT:${id}`).toString('base64url')}`,
        name: type.name,
        description: type.description ?? null,
        color: type.color ?? null,
        isEnabled: type.enabled ?? true,
        createdAt: now,
        updatedAt: now,
      });
    }
    this.store.issueTypes.set(org.toLowerCase(), list);
  }

  addAssignable(repo: string, ...logins: string[]): void {
    const record = this.store.requireRepo(repo);
    for (const login of logins) this.store.addAssignable(record, login);
  }

  /** Adds an open pull request by the repository owner; it takes the next issue number and shows in issue lists. */
  addPullRequest(repo: string, title: string): number {
    const record = this.store.requireRepo(repo);
    return this.store.createIssue(record, {
      title,
      body: null,
      author: record.owner,
      labelIds: [],
      assignees: [],
      milestone: null,
      pullRequest: true,
    }).number;
  }

  /** Registers commits as pushed (the emulator keeps no git objects): tags and releases may then point at them. */
  addCommits(repo: string, ...shas: string[]): void {
    const data = gitData(this.store.requireRepo(repo));
    for (const sha of shas) data.commits.add(sha);
  }

  /** Tag refs by tag name, with the commit each resolves to (through its tag object when annotated). */
  listTags(repo: string): { name: string; commit: string; annotated: boolean; message: string | null }[] {
    const data = gitData(this.store.requireRepo(repo));
    return [...data.refs.values()]
      .filter((ref) => ref.ref.startsWith('refs/tags/'))
      .map((ref) => {
        const object = ref.type === 'tag' ? data.tagObjects.get(ref.sha) : undefined;
        return {
          name: ref.ref.slice('refs/tags/'.length),
          commit: object ? object.objectSha : ref.sha,
          annotated: object !== undefined,
          message: object ? object.message : null,
        };
      });
  }

  /** Every release (drafts included), as the API renders it. */
  listReleases(repo: string): Record<string, unknown>[] {
    const record = this.store.requireRepo(repo);
    return [...gitData(record).releases.values()].map((release) =>
      renderRelease(this.store, record, release, this.directUrls()),
    );
  }

  // ---- direct state access ------------------------------------------------------------------------------------

  private directUrls(): Urls {
    return { api: this.baseUrl, web: this.baseUrl };
  }

  /** Every issue and pull request that was not deleted, by number, as `GET …/issues/{n}` would return it. */
  listIssues(repo: string): IssueJson[] {
    const record = this.store.requireRepo(repo);
    return [...record.issues.values()]
      .filter((issue) => !issue.deleted)
      .sort((a, b) => a.number - b.number)
      .map((issue) => renderIssue(this.store, record, issue, this.directUrls(), true));
  }

  getIssue(repo: string, number: number): IssueJson | undefined {
    const record = this.store.requireRepo(repo);
    const issue = record.issues.get(number);
    return issue && !issue.deleted
      ? renderIssue(this.store, record, issue, this.directUrls(), true)
      : undefined;
  }

  listLabels(repo: string): LabelJson[] {
    const record = this.store.requireRepo(repo);
    return record.labels.map((label) => renderLabel(record, label, this.directUrls()));
  }

  listMilestones(repo: string): MilestoneJson[] {
    const record = this.store.requireRepo(repo);
    return [...record.milestones.values()].map((m) =>
      renderMilestone(this.store, record, m, this.directUrls()),
    );
  }

  /** A change made in the web UI by the repository owner: bypasses the API, limits and validation; moves updated_at. */
  editIssue(
    repo: string,
    number: number,
    patch: {
      title?: string;
      body?: string;
      state?: 'open' | 'closed';
      labels?: string[];
      assignees?: string[];
      /** An issue type of the owner, by name; null removes it. */
      type?: string | null;
    },
  ): void {
    const record = this.store.requireRepo(repo);
    const issue = record.issues.get(number);
    if (!issue || issue.deleted) throw new Error(`No issue #${number} in ${repo}.`);
    const assignees = patch.assignees?.map((login) => this.store.user(login).login);
    const { type, ...rest } = patch;
    let typeId: number | null | undefined;
    if (type !== undefined) {
      typeId =
        type === null
          ? null
          : this.store.issueTypes
              .get(record.owner.toLowerCase())
              ?.find((entry) => entry.name.toLowerCase() === type.toLowerCase())?.id;
      if (typeId === undefined)
        throw new Error(`${record.owner} defines no issue type ${JSON.stringify(type)}.`);
    }
    applyIssueChanges(this.store, record, issue, { ...rest, assignees, typeId }, record.owner);
  }

  /** Deletes an issue like an admin would: it leaves lists, and `GET` on it answers 410. Its number is not reused. */
  deleteIssue(repo: string, number: number): void {
    const record = this.store.requireRepo(repo);
    const issue = record.issues.get(number);
    if (!issue || issue.deleted) throw new Error(`No issue #${number} in ${repo}.`);
    issue.deleted = true;
    record.updatedAt = this.clock();
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

  /** Tokens have their own hourly bucket; anonymous callers (and bad credentials) share their IP's, at 60 an hour. */
  private callerFor(principal: Principal): Caller {
    if (principal.kind === 'token') return { key: `token:${principal.token.token}`, limit: this.limit };
    return { key: `ip:${principal.ip}`, limit: ANONYMOUS_LIMIT };
  }

  private baseHeaders(): Record<string, string> {
    this.sequence += 1;
    return {
      'content-type': 'application/json; charset=utf-8',
      // GitHub's Date header, by the emulator's clock (the one its updated_at timestamps and `since` use).
      date: new Date(this.store.now()).toUTCString(),
      'x-github-request-id': requestId(this.sequence),
      'x-github-api-version-selected': API_VERSION,
      'x-github-media-type': 'github.v3; format=json',
      vary: 'Accept, Authorization, Cookie, X-GitHub-OTP',
    };
  }

  private rateHeaders(snapshot: RateSnapshot): Record<string, string> {
    return {
      'x-ratelimit-limit': String(snapshot.limit),
      'x-ratelimit-remaining': String(snapshot.remaining),
      'x-ratelimit-used': String(snapshot.used),
      'x-ratelimit-reset': String(snapshot.reset),
      'x-ratelimit-resource': 'core',
    };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks).toString('utf8');
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://emulator.invalid');
    let path = url.pathname;
    let prefix = '';
    if (path === '/api/v3' || path.startsWith('/api/v3/')) {
      prefix = '/api/v3';
      path = path.slice(prefix.length) || '/';
    }
    const host = req.headers.host ?? new URL(this.baseUrl).host;
    const urls: Urls = { api: `http://${host}${prefix}`, web: `http://${host}` };
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
    const ip = req.socket.remoteAddress ?? '127.0.0.1';
    if (fault?.kind === 'status') {
      const caller = this.peekCaller(req, ip);
      const headers = {
        ...this.baseHeaders(),
        ...this.rateHeaders(this.primary.snapshot(caller.key, caller.limit)),
        ...(fault.headers ?? {}),
      };
      const text =
        fault.body === undefined
          ? ''
          : typeof fault.body === 'string'
            ? fault.body
            : JSON.stringify(fault.body);
      record.status = fault.status;
      record.responseBody = parseMaybeJson(text);
      record.responseHeaders = headers;
      finish();
      res.writeHead(fault.status, { ...headers, 'content-length': String(Buffer.byteLength(text)) });
      res.end(text);
      return;
    }
    if (fault?.kind === 'delay') await sleep(fault.ms);

    const outcome = this.process(req, method, path, url.searchParams, rawBody, urls, ip);
    const caller = outcome.caller;
    if (outcome.route) record.operation = `${outcome.route.method} ${outcome.route.template}`;

    let bodyText = outcome.body === undefined ? '' : JSON.stringify(outcome.body);
    let status = outcome.status;
    const headers: Record<string, string> = { ...this.baseHeaders(), ...outcome.headers };
    if (method === 'GET' && status === 200) {
      const etag = weakEtag(bodyText, caller.key);
      headers['etag'] = etag;
      headers['cache-control'] = 'private, max-age=60, s-maxage=60';
      if (etagMatches(req.headers['if-none-match'], etag)) {
        status = 304;
        bodyText = '';
        outcome.counted = false;
      }
    }
    if (outcome.counted) this.primary.consume(caller.key);
    Object.assign(
      headers,
      this.rateHeaders(this.primary.snapshot(caller.key, caller.limit)),
      outcome.headers,
    );
    if (status === 204 || status === 304) bodyText = '';

    record.status = status;
    record.responseBody = bodyText === '' ? undefined : (JSON.parse(bodyText) as unknown);
    record.responseHeaders = headers;
    if (this.latencyMs > 0) await sleep(this.latencyMs);
    finish();

    const bytes = Buffer.from(bodyText, 'utf8');
    res.writeHead(status, { ...headers, 'content-length': String(bytes.length) });
    if (fault?.kind === 'truncate' && bytes.length > 0) {
      res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => res.destroy());
      return;
    }
    if (fault?.kind === 'truncate') {
      res.destroy();
      return;
    }
    res.end(bytes);
  }

  /** The caller's bucket even when the credentials are bad (then it is the anonymous, per-IP one, like GitHub's). */
  private peekCaller(req: IncomingMessage, ip: string): Caller {
    try {
      return this.callerFor(authenticate(req.headers.authorization, this.store, ip));
    } catch {
      return this.callerFor({ kind: 'anonymous', ip });
    }
  }

  private process(
    req: IncomingMessage,
    method: string,
    path: string,
    searchParams: URLSearchParams,
    rawBody: string,
    urls: Urls,
    ip: string,
  ): Outcome {
    // The route is looked up first so that every exchange can be recorded under its operation, but answers keep
    // GitHub's order: User-Agent, API version, credentials, rate limit, then 404 for an unknown route.
    const match = this.router.match(method, path, this.store);
    const route: Route | undefined = match?.route;
    const caller = this.peekCaller(req, ip);
    try {
      if (!req.headers['user-agent']) {
        throw new ApiError(403, {
          message:
            'Request forbidden by administrative rules. Please make sure your request has a User-Agent header (https://docs.github.com/en/rest/overview/resources-in-the-rest-api#user-agent-required). Check https://developer.github.com for other possible causes.',
        });
      }
      const version = req.headers['x-github-api-version'];
      if (version !== undefined && version !== API_VERSION) {
        throw new ApiError(
          400,
          basicError(
            400,
            `API version ${String(version)} is not supported.`,
            'https://docs.github.com/rest/overview/api-versions',
          ),
        );
      }
      const principal = authenticate(req.headers.authorization, this.store, ip);
      const counted = route?.counted !== false;
      if (counted && this.primary.snapshot(caller.key, caller.limit).remaining <= 0) {
        const who =
          principal.kind === 'anonymous'
            ? `${ip}. (But here's the good news: Authenticated requests get a higher rate limit. Check out the documentation for more details.)`
            : principal.token.login.endsWith('[bot]')
              ? `installation ID ${principal.token.installationId}.`
              : `user ID ${this.store.user(principal.token.login).id}.`;
        return {
          status: 403,
          body: basicError(403, `API rate limit exceeded for ${who}`, DOCS.primaryLimit),
          headers: this.routeHeaders(route),
          route,
          caller,
          counted: false,
        };
      }
      if (!match || !route) throw new ApiError(404, basicError(404, 'Not Found', DOCS.root));

      let body: unknown;
      if (
        rawBody.trim() !== '' &&
        (method === 'POST' || method === 'PATCH' || method === 'PUT' || method === 'DELETE')
      ) {
        try {
          body = JSON.parse(rawBody) as unknown;
        } catch {
          throw new ApiError(400, basicError(400, 'Problems parsing JSON', route.docs));
        }
      }
      const ctx: RequestContext = {
        method,
        path: match.path,
        params: match.params,
        query: Object.fromEntries(searchParams),
        link: { apiBase: urls.api, rawQuery: searchParams },
        body,
        principal,
        store: this.store,
        urls,
      };

      let result: HandlerResult;
      if (route.access) {
        const repo: RepoRecord | undefined = this.store.repo(
          `${match.params['owner'] ?? ''}/${match.params['repo'] ?? ''}`,
        );
        authorize(principal, repo, route.access, route.docs);
        if (!repo) throw new ApiError(404, basicError(404, 'Not Found', route.docs));
        if (route.issuesFeature && !repo.hasIssues) {
          throw new ApiError(410, basicError(410, 'Issues are disabled for this repo', DOCS.issuesDisabled));
        }
        if (route.contentCreating) this.checkSecondary(caller.key);
        result = route.handler({ ...ctx, repo });
      } else {
        result = route.handler(ctx);
      }
      if (route.contentCreating && result.status >= 200 && result.status < 300) {
        this.secondary.record(caller.key);
      }
      return {
        status: result.status,
        body: result.body,
        headers: this.routeHeaders(route, result.headers),
        route,
        caller,
        counted,
      };
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      return {
        status: error.status,
        body: error.body,
        headers: this.routeHeaders(route, error.headers),
        route,
        caller,
        counted: route?.counted !== false,
      };
    }
  }

  private checkSecondary(key: string): void {
    const wait = this.secondary.retryAfter(key);
    if (wait <= 0) return;
    throw new ApiError(
      403,
      basicError(
        403,
        `You have exceeded a secondary rate limit and have been temporarily blocked from content creation. Please retry your request again later. If you reach out to GitHub Support for help, please include the request ID ${requestId(this.sequence + 1)}.`,
        DOCS.secondaryLimit,
      ),
      { 'retry-after': String(wait) },
    );
  }

  private routeHeaders(route: Route | undefined, extra: Record<string, string> = {}): Record<string, string> {
    const headers: Record<string, string> = {};
    if (route?.access) headers['x-accepted-github-permissions'] = acceptedPermissionsHeader(route.access);
    return { ...headers, ...extra };
  }
}
