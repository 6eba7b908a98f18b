/**
 * The emulator: a node:http server on 127.0.0.1 serving GitLab's REST API v4 under `/api/v4` (so a self-managed
 * style base URL `http://127.0.0.1:PORT` works with gitbeaker's `host`). Each request runs through faults, the
 * Rack::Attack throttle, routing, authentication, scopes, Grape parameter validation, resource lookup, authorisation
 * and a handler; the exchange is recorded; tests get direct state access.
 *
 * Documented behaviour followed for every response (docs.gitlab.com/api/rest/, /api/rest/troubleshooting/):
 * - JSON with `Content-Type: application/json`; headers GitLab sends on API answers: `cache-control`, `vary`,
 *   `x-content-type-options: nosniff`, `x-frame-options: SAMEORIGIN`, `x-request-id`, `x-runtime`, `x-gitlab-meta`
 *   (`{"correlation_id":…,"version":"1"}`), an `etag` on successful GETs (a matching `If-None-Match` gives 304 with an
 *   empty body, Rack::ConditionalGet).
 * - Parameters may come as a query string, a form body or a JSON body ("API requests can use parameters sent as query
 *   strings or as a payload body"); arrays as `key[]=a&key[]=b`, a JSON array, or (for the comma-separated params) a
 *   comma list. Route params (`:id`) win over same-named query params — gitbeaker re-sends `id=` from GitLab's Link
 *   headers on every later page.
 * - Order of checks, as Grape runs them: throttle → route (unknown: 404 `{"error":"404 Not Found"}`) → token
 *   (401) → scope (403 insufficient_scope) → anonymous write (401) → parameter validation (400 `{"error"}`; it comes
 *   before the project lookup, so a missing `title` is 400 even on a project you cannot see) → project/group (404)
 *   → feature and role (403) → model validation (400 `{"message":{…}}`).
 * - A body that is not valid JSON under `Content-Type: application/json` is 400 `{"error":"…"}` (Grape's
 *   InvalidMessageBody; the exact wording is unverified).
 */

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import {
  authenticate,
  checkScope,
  peekUser,
  readCredentials,
  visibleGroup,
  visibleProject,
  type Credentials,
  type Principal,
} from './auth.js';
import { FaultInjector, type FaultAction, type FaultSpec } from './faults.js';
import {
  addList,
  boardRoutes,
  createGroupBoard,
  groupBoards,
  projectBoards,
  renderBoard,
  renderGroupBoard,
} from './handlers/boards.js';
import { issueRoutes, applyIssueChanges, type IssueChanges } from './handlers/issues.js';
import { groupLabelRoutes, labelRoutes, normalizeColor } from './handlers/labels.js';
import { groupMilestoneRoutes, projectMilestoneRoutes } from './handlers/milestones.js';
import { projectRoutes } from './handlers/projects.js';
import {
  addCommits,
  listReleasesDirect,
  listTagsDirect,
  pushTag,
  releaseRoutes,
} from './handlers/releases.js';
import { timeTrackingRoutes } from './handlers/time-tracking.js';
import { linkRoutes } from './handlers/links.js';
import { memberRoutes, userRoutes } from './handlers/users.js';
import { ApiError, grapeError, unauthorized, validateParams, type LinkContext, type Params } from './http.js';
import { rateLimitHeaders, Throttle, type ThrottleResult } from './limits.js';
import { renderIssue, renderLabel, renderMilestone, renderUser, type Urls } from './render.js';
import { Router, type HandlerResult, type RequestContext, type Route } from './router.js';
import { Store, type GroupRecord, type ProjectRecord } from './store.js';
import type {
  AccessLevel,
  GitLabEmulatorOptions,
  GroupOptions,
  IssueJson,
  LabelJson,
  MilestoneJson,
  ProjectOptions,
  RecordedRequest,
  TokenGrant,
  UserBasicJson,
  UserOptions,
} from './types.js';
import {
  etagMatches,
  flattenHeaders,
  isPlainObject,
  parseMaybeJson,
  sleep,
  weakEtag,
} from '../shared/http-utils.js';

const PREFIX = '/api/v4';

interface Outcome {
  status: number;
  body?: unknown;
  text?: boolean;
  headers: Record<string, string>;
  route?: Route;
  etagKey: string;
}

/** Query and form bodies: `key[]` collects arrays, anything else keeps the last value (Rack). */
function formParams(search: URLSearchParams): Params {
  const out: Params = {};
  for (const [rawKey, value] of search) {
    if (rawKey.endsWith('[]')) {
      const key = rawKey.slice(0, -2);
      const list = Array.isArray(out[key]) ? (out[key] as unknown[]) : [];
      list.push(value);
      out[key] = list;
    } else out[rawKey] = value;
  }
  return out;
}

export class GitLabEmulator {
  readonly requests: RecordedRequest[] = [];
  private readonly store: Store;
  private readonly router: Router;
  private readonly faults = new FaultInjector();
  private readonly clock: () => number;
  private readonly latencyMs: number;
  private readonly authenticatedThrottle: Throttle | undefined;
  private readonly unauthenticatedThrottle: Throttle | undefined;
  private readonly features: RequestContext['features'];
  private server: Server | undefined;
  private baseUrl = '';

  private constructor(options: GitLabEmulatorOptions) {
    this.clock = options.now ?? Date.now;
    this.latencyMs = options.latencyMs ?? 0;
    this.store = new Store(this.clock);
    if (options.rateLimit !== false) {
      this.authenticatedThrottle = new Throttle(
        this.clock,
        'throttle_authenticated_api',
        options.rateLimit?.authenticated ?? { limit: 2000, periodSeconds: 60 },
      );
      this.unauthenticatedThrottle = new Throttle(
        this.clock,
        'throttle_unauthenticated_api',
        options.rateLimit?.unauthenticated ?? { limit: 500, periodSeconds: 60 },
      );
    }
    this.features = {
      scopedLabels: options.scopedLabels ?? true,
      multipleAssignees: options.multipleAssignees ?? true,
      issueWeights: options.issueWeights ?? true,
      paginationCountLimit: options.paginationCountLimit ?? 10_000,
    };
    this.router = new Router([
      ...projectRoutes,
      ...issueRoutes(this.features.issueWeights),
      ...timeTrackingRoutes,
      ...linkRoutes(options.blockingLinks ?? 'premium'),
      ...labelRoutes,
      ...groupLabelRoutes,
      ...boardRoutes(options.issueBoards ?? 'premium'),
      ...projectMilestoneRoutes,
      ...groupMilestoneRoutes,
      ...memberRoutes,
      ...userRoutes,
      ...releaseRoutes,
    ]);
  }

  static async start(options: GitLabEmulatorOptions = {}): Promise<GitLabEmulator> {
    const emulator = new GitLabEmulator(options);
    const server = createServer((req, res) => {
      emulator.handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ message: '500 Internal Server Error', emulator: String(error) }));
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

  /** `http://127.0.0.1:PORT` — pass it as gitbeaker's `host`; the API lives under `/api/v4`. */
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

  private directUrls(): Urls {
    return { web: this.baseUrl, api: `${this.baseUrl}${PREFIX}` };
  }

  addUser(username: string, options?: UserOptions): UserBasicJson {
    return renderUser(this.store.user(username, options), this.directUrls());
  }

  /** Creates the group (and missing ancestors). Returns its id and full path. */
  addGroup(fullPath: string, options?: GroupOptions): { id: number; fullPath: string } {
    const group = this.store.group(fullPath, options);
    return { id: group.id, fullPath: group.fullPath };
  }

  /** Creates the project; its namespace groups are created as needed (private unless `addGroup` said otherwise). */
  addProject(fullPath: string, options?: ProjectOptions): { id: number; fullPath: string } {
    const project = this.store.addProject(fullPath, options);
    return { id: project.id, fullPath: project.fullPath };
  }

  /** Adds (or changes) a membership on a project or a group; projects win when both have the path. */
  addMember(
    path: string,
    username: string,
    accessLevel: AccessLevel,
    options: { target?: 'project' | 'group' } = {},
  ): void {
    const target = this.target(path, options.target);
    this.store.addMember(target, this.store.user(username), accessLevel);
  }

  addToken(token: string, grant: TokenGrant): void {
    this.store.addToken(token, grant);
  }

  addLabel(project: string, name: string, color = '#6699cc', description: string | null = null): LabelJson {
    const record = this.store.requireProject(project);
    const normalized = normalizeColor(color);
    if (normalized === undefined) throw new Error(`Not a colour GitLab accepts: ${JSON.stringify(color)}.`);
    return renderLabel(
      this.store,
      record,
      this.store.createLabel(record, name, normalized, description),
      false,
    );
  }

  /** A milestone on a project or a group (projects win when both have the path). */
  addMilestone(
    path: string,
    title: string,
    options: {
      target?: 'project' | 'group';
      description?: string;
      dueDate?: string;
      startDate?: string;
      state?: 'active' | 'closed';
    } = {},
  ): MilestoneJson {
    const owner = this.target(path, options.target);
    const milestone = this.store.createMilestone(owner, {
      title,
      description: options.description ?? null,
      dueDate: options.dueDate ?? null,
      startDate: options.startDate ?? null,
    });
    if (options.state) milestone.state = options.state;
    return renderMilestone(this.store, milestone, this.directUrls());
  }

  /** Creates an issue directly (no API, no limits, no permission checks), e.g. to seed fixtures. */
  createIssue(
    project: string,
    fields: {
      title: string;
      description?: string;
      author?: string;
      labels?: string[];
      assignees?: string[];
      milestone?: string;
      state?: 'opened' | 'closed';
      dueDate?: string;
      weight?: number;
    },
  ): IssueJson {
    const record = this.store.requireProject(project);
    const author = fields.author ? this.store.user(fields.author) : this.store.webEditor(record);
    const issue = this.store.createIssue(record, { title: fields.title, authorId: author.id });
    this.applyDirect(record, issue.iid, fields, author.id);
    issue.updatedAt = issue.createdAt;
    return this.renderDirect(record, issue.iid);
  }

  /** Seeds `count` issues quickly (titles `${prefix} 1..count`), e.g. to cross the 10,000-record count limit. */
  seedIssues(project: string, count: number, prefix = 'Seeded'): void {
    const record = this.store.requireProject(project);
    const author = this.store.webEditor(record);
    for (let n = 1; n <= count; n += 1)
      this.store.createIssue(record, { title: `${prefix} ${n}`, authorId: author.id });
  }

  // ---- direct state access ------------------------------------------------------------------------------------

  private target(path: string, kind?: 'project' | 'group'): ProjectRecord | GroupRecord {
    if (kind !== 'group') {
      const project = this.store.projectByPath(path);
      if (project) return project;
      if (kind === 'project') throw new Error(`No project ${JSON.stringify(path)}.`);
    }
    return this.store.requireGroup(path);
  }

  private renderDirect(project: ProjectRecord, iid: number): IssueJson {
    const issue = project.issues.get(iid);
    if (!issue) throw new Error(`No issue #${iid} in ${project.fullPath}.`);
    return renderIssue(this.store, project, issue, this.directUrls(), {
      detail: true,
      features: this.features,
    });
  }

  /** Every issue that was not deleted, by iid, as `GET /projects/:id/issues/:iid` returns it. */
  listIssues(project: string): IssueJson[] {
    const record = this.store.requireProject(project);
    return [...record.issues.values()]
      .filter((issue) => !issue.deleted)
      .sort((a, b) => a.iid - b.iid)
      .map((issue) => this.renderDirect(record, issue.iid));
  }

  getIssue(project: string, iid: number): IssueJson | undefined {
    const record = this.store.requireProject(project);
    const issue = record.issues.get(iid);
    return issue && !issue.deleted ? this.renderDirect(record, iid) : undefined;
  }

  listLabels(project: string): LabelJson[] {
    const record = this.store.requireProject(project);
    return record.labels.map((label) => renderLabel(this.store, record, label, false));
  }

  /** The project's issue boards with their lists, as `GET /projects/:id/boards` renders them. */
  listBoards(project: string): Record<string, unknown>[] {
    const record = this.store.requireProject(project);
    return projectBoards(this.store, record).map((board) =>
      renderBoard(this.store, record, board, this.directUrls()),
    );
  }

  /** A group's issue boards with their lists, as `GET /groups/:id/boards` renders them. */
  listGroupBoards(group: string): Record<string, unknown>[] {
    const record = this.store.requireGroup(group);
    return groupBoards(this.store, record).map((board) =>
      renderGroupBoard(this.store, record, board, this.directUrls()),
    );
  }

  /** A group label, as created in the web UI. */
  addGroupLabel(group: string, name: string, color = '#6699cc'): { id: number; name: string } {
    const record = this.store.requireGroup(group);
    const label = this.store.createGroupLabel(record, name, normalizeColor(color) ?? color, null);
    return { id: label.id, name: label.name };
  }

  /**
   * A group board made in the web UI (on Free, the one board opening the group's Boards page creates), with a list for
   * each of the given group labels.
   */
  addGroupBoard(group: string, name: string, listLabels: string[] = []): { id: number } {
    const record = this.store.requireGroup(group);
    const board = createGroupBoard(this.store, record, name);
    for (const title of listLabels) {
      const label = (record.labels ?? []).find((candidate) => candidate.name === title);
      if (!label) throw new Error(`No group label ${JSON.stringify(title)} in ${group}.`);
      addList(this.store, board, label);
    }
    return { id: board.id };
  }

  /** A project's own milestones, or a group's. */
  listMilestones(path: string, options: { target?: 'project' | 'group' } = {}): MilestoneJson[] {
    const owner = this.target(path, options.target);
    return [...owner.milestones.values()].map((m) => renderMilestone(this.store, m, this.directUrls()));
  }

  private applyDirect(
    project: ProjectRecord,
    iid: number,
    patch: {
      title?: string;
      description?: string;
      state?: 'opened' | 'closed';
      labels?: string[];
      assignees?: string[];
      milestone?: string | null;
      dueDate?: string | null;
      weight?: number | null;
    },
    actorId: number,
  ): void {
    const issue = project.issues.get(iid);
    if (!issue || issue.deleted) throw new Error(`No issue #${iid} in ${project.fullPath}.`);
    const changes: IssueChanges = {};
    if (patch.title !== undefined) changes.title = patch.title;
    if (patch.description !== undefined) changes.description = patch.description;
    if (patch.labels !== undefined) changes.labels = patch.labels;
    if (patch.assignees !== undefined)
      changes.assigneeIds = patch.assignees.map((u) => this.store.user(u).id);
    if (patch.milestone !== undefined) {
      if (patch.milestone === null) changes.milestoneId = null;
      else {
        const milestone = this.store.availableMilestones(project).find((m) => m.title === patch.milestone);
        if (!milestone)
          throw new Error(`No milestone ${JSON.stringify(patch.milestone)} for ${project.fullPath}.`);
        changes.milestoneId = milestone.id;
      }
    }
    if (patch.dueDate !== undefined) changes.dueDate = patch.dueDate;
    if (patch.weight !== undefined) changes.weight = patch.weight;
    if (patch.state === 'closed') changes.stateEvent = 'close';
    if (patch.state === 'opened') changes.stateEvent = 'reopen';
    applyIssueChanges(this.store, project, issue, changes, actorId, {
      scopedLabels: this.features.scopedLabels,
      createLabels: true,
    });
  }

  /**
   * A change made in the web UI (by `by`, default the project's first maintainer): bypasses the API, limits and
   * validation, creates unknown labels, applies scoped-label exclusivity, moves updated_at.
   */
  editIssue(
    project: string,
    iid: number,
    patch: {
      title?: string;
      description?: string;
      state?: 'opened' | 'closed';
      labels?: string[];
      assignees?: string[];
      milestone?: string | null;
      dueDate?: string | null;
      weight?: number | null;
    },
    options: { by?: string } = {},
  ): IssueJson {
    const record = this.store.requireProject(project);
    const actor = options.by ? this.store.user(options.by) : this.store.webEditor(record);
    this.applyDirect(record, iid, patch, actor.id);
    return this.renderDirect(record, iid);
  }

  /** Deletes an issue like an owner would: it leaves lists and answers 404; its iid is not reused. */
  deleteIssue(project: string, iid: number): void {
    const record = this.store.requireProject(project);
    const issue = record.issues.get(iid);
    if (!issue || issue.deleted) throw new Error(`No issue #${iid} in ${project}.`);
    issue.deleted = true;
  }

  /** Registers commits as pushed (the emulator keeps no git objects): tags and releases may then point at them. */
  addCommits(project: string, ...shas: string[]): void {
    addCommits(this.store, this.store.requireProject(project), shas);
  }

  /** A tag pushed with git (lightweight unless a message is given), outside the API. */
  pushTag(project: string, name: string, commit: string, message: string | null = null): void {
    pushTag(this.store, this.store.requireProject(project), name, commit, message);
  }

  /** The project's tags, as `GET /projects/:id/repository/tags/:tag_name` returns them. */
  listTags(project: string): Record<string, unknown>[] {
    return listTagsDirect(this.store.requireProject(project), this.directUrls());
  }

  /** The project's releases, as `GET /projects/:id/releases/:tag_name` returns them. */
  listReleases(project: string): Record<string, unknown>[] {
    return listReleasesDirect(this.store, this.store.requireProject(project), this.directUrls());
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

  private baseHeaders(): Record<string, string> {
    const requestId = randomBytes(13).toString('hex').toUpperCase().slice(0, 26);
    return {
      'content-type': 'application/json',
      // By the emulator's clock, like updated_at: incremental reads compare the two.
      date: new Date(this.clock()).toUTCString(),
      'cache-control': 'no-cache',
      vary: 'Origin, Accept-Encoding',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'x-request-id': requestId,
      'x-gitlab-meta': JSON.stringify({ correlation_id: requestId, version: '1' }),
    };
  }

  /** Rack::Attack runs before routing: authenticated (valid personal/OAuth token) per user, else per IP. */
  private throttle(credentials: Credentials, ip: string): ThrottleResult | undefined {
    const user = peekUser(credentials, this.store);
    if (user) return this.authenticatedThrottle?.hit(`user:${user.id}`);
    return this.unauthenticatedThrottle?.hit(`ip:${ip}`);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks).toString('utf8');
    const method = (req.method ?? 'GET').toUpperCase();
    const rawUrl = req.url ?? '/';
    const queryAt = rawUrl.indexOf('?');
    const rawPath = queryAt === -1 ? rawUrl : rawUrl.slice(0, queryAt);
    const search = new URLSearchParams(queryAt === -1 ? '' : rawUrl.slice(queryAt + 1));
    const prefixed = rawPath === PREFIX || rawPath.startsWith(`${PREFIX}/`);
    const path = prefixed ? rawPath.slice(PREFIX.length) || '/' : rawPath;
    const host = req.headers.host ?? new URL(this.baseUrl).host;
    const urls: Urls = { web: `http://${host}`, api: `http://${host}${PREFIX}` };
    const record: RecordedRequest = {
      method,
      path,
      query: Object.fromEntries(search),
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

    const ip = req.socket.remoteAddress ?? '127.0.0.1';
    const credentials = readCredentials(req.headers, search);
    const throttled = this.throttle(credentials, ip);
    const outcome: Outcome =
      throttled?.throttled === true
        ? { status: 429, body: 'Retry later\n', text: true, headers: {}, etagKey: '' }
        : this.process(
            method,
            prefixed ? path : undefined,
            rawPath,
            search,
            rawBody,
            req,
            urls,
            credentials,
            ip,
          );
    if (outcome.route) record.operation = `${outcome.route.method} ${outcome.route.template}`;

    let status = outcome.status;
    let bodyText =
      outcome.body === undefined ? '' : outcome.text ? String(outcome.body) : JSON.stringify(outcome.body);
    const headers: Record<string, string> = { ...this.baseHeaders() };
    if (outcome.text) headers['content-type'] = 'text/plain';
    if (throttled) Object.assign(headers, rateLimitHeaders(throttled));
    Object.assign(headers, outcome.headers);
    if ((method === 'GET' || method === 'HEAD') && status === 200) {
      const etag = weakEtag(bodyText, outcome.etagKey);
      headers['etag'] = etag;
      headers['cache-control'] = 'max-age=0, private, must-revalidate';
      const ifNoneMatch = req.headers['if-none-match'];
      if (etagMatches(Array.isArray(ifNoneMatch) ? ifNoneMatch.join(',') : ifNoneMatch, etag)) {
        status = 304;
        bodyText = '';
      }
    }
    if (status === 204 || status === 304 || method === 'HEAD') bodyText = '';
    if (this.latencyMs > 0) await sleep(this.latencyMs);
    finish();
    headers['x-runtime'] = (record.durationMs / 1000).toFixed(6);

    record.status = status;
    record.responseBody = parseMaybeJson(bodyText);
    record.responseHeaders = headers;

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

  private parseInput(req: IncomingMessage, search: URLSearchParams, rawBody: string): Params {
    const input: Params = formParams(search);
    if (rawBody.trim() === '') return input;
    const contentType = String(req.headers['content-type'] ?? '').toLowerCase();
    if (contentType.includes('application/json')) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(rawBody) as unknown;
      } catch {
        throw grapeError(400, 'message body does not match declared format');
      }
      if (!isPlainObject(parsed)) throw grapeError(400, 'message body does not match declared format');
      return { ...input, ...parsed };
    }
    if (contentType.includes('application/x-www-form-urlencoded') || contentType === '')
      return { ...input, ...formParams(new URLSearchParams(rawBody)) };
    return input;
  }

  private process(
    method: string,
    path: string | undefined,
    rawPath: string,
    search: URLSearchParams,
    rawBody: string,
    req: IncomingMessage,
    urls: Urls,
    credentials: Credentials,
    ip: string,
  ): Outcome {
    const match = path === undefined ? undefined : this.router.match(method, path);
    const route = match?.route;
    try {
      if (!match || !route) throw grapeError(404, '404 Not Found');
      const principal: Principal = authenticate(credentials, this.store, ip, route.jobToken === true);
      checkScope(principal, method);
      if (principal.kind === 'anonymous' && method !== 'GET' && method !== 'HEAD') throw unauthorized();
      const input = { ...this.parseInput(req, search, rawBody), ...match.params };
      const params = validateParams(input, route.rules ?? { specs: [] });
      const linkParams: Params = {};
      for (const spec of route.rules?.specs ?? [])
        if (spec.default !== undefined) linkParams[spec.name] = spec.default;
      Object.assign(linkParams, input);
      const link: LinkContext = { base: `${urls.web}${rawPath}`, params: linkParams };
      const ctx: RequestContext = {
        method,
        routeParams: match.params,
        input,
        params,
        principal,
        store: this.store,
        urls,
        link,
        features: this.features,
      };
      const etagKey = principal.kind === 'user' ? `user:${principal.user.id}` : `ip:${ip}`;
      let result: HandlerResult;
      const id = match.params['id'] ?? '';
      if (route.resource === 'project') {
        const found = /^\d+$/.test(id) ? this.store.projects.get(Number(id)) : this.store.projectByPath(id);
        const project = visibleProject(this.store, principal, found);
        result = route.handler({ ...ctx, project });
      } else if (route.resource === 'group') {
        const found = /^\d+$/.test(id) ? this.store.groups.get(Number(id)) : this.store.groupByPath(id);
        const group = visibleGroup(this.store, principal, found);
        result = route.handler({ ...ctx, group });
      } else {
        result = route.handler(ctx);
      }
      return { status: result.status, body: result.body, headers: result.headers ?? {}, route, etagKey };
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      return {
        status: error.status,
        body: error.body,
        text: error.text,
        headers: error.headers,
        route,
        etagKey: '',
      };
    }
  }
}
