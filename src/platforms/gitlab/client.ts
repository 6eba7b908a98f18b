/**
 * The one gitbeaker client for GitLab: transport, retries, pacing, timeouts and request counting live here, not at
 * call sites.
 *
 * gitbeaker's resource classes (Issues, ProjectLabels, …) build the endpoints, encode project paths and follow
 * `rel="next"` Link headers; its built-in requester is replaced (gitbeaker's documented `requesterFn` option) because
 * it cannot do what a sync needs:
 * - it calls the global `fetch` with no hook, so requests cannot be counted and the Date header cannot be read;
 * - it retries 429 and 502 ten times with sub-millisecond back-offs that ignore Retry-After — POSTs included, so a 502
 *   from a proxy after GitLab created an issue would create it again — then throws a GitbeakerRetryError that carries
 *   neither status nor headers;
 * - its `queryTimeout` is one AbortSignal for a whole paginated listing, not a per-request timeout.
 * Wrapping the global `fetch` instead would change it for everything else in the process.
 */
import {
  GroupMilestones,
  IssueLinks,
  Issues,
  ProjectLabels,
  ProjectMembers,
  ProjectMilestones,
  Projects,
  Users,
} from '@gitbeaker/rest';
import { OrchestratorGitError, quote } from '../../errors.js';
import { emptyStats, type RequestStats } from '../types.js';

export interface GitLabClientOptions {
  token: string;
  /** `private` (default): personal, project or group access token, sent as PRIVATE-TOKEN; `oauth`: Bearer. */
  tokenKind?: 'private' | 'oauth';
  /** The instance root: https://gitlab.com or https://gitlab.example.com (a URL ending in /api/v4 is accepted). */
  baseUrl: string;
  /** Full path of a group whose milestones are read (and where milestones are created) besides the project's. */
  groupMilestones?: string | null;
  /** Several assignees per issue (GitLab Premium and Ultimate). Default false: one. */
  multipleAssignees?: boolean;
  /**
   * Minimum time between writes. Default none: GitLab publishes no write pacing guidance beyond its rate limits,
   * whose 429 answers carry a Retry-After that is honoured.
   */
  writeDelayMs?: number | null;
  /** Per-request timeout (each page of a listing is its own request). Default 30 s. */
  timeoutMs?: number;
  /** Retries of a failed request that may be repeated (reads and edits; never a create). Default 3. */
  retries?: number;
  /** First retry delay; later retries wait (n + 1)² times as long. Default 1 s. */
  retryBaseMs?: number;
  /** How long a rate-limit wait may be before the run stops instead of waiting. Default 60 s. */
  maxRateLimitWaitSeconds?: number;
  log?: (message: string) => void;
}

/** gitbeaker's requester types, derived from its public constructor options (the package that declares them is
 * not a direct dependency). */
type ResourceConfig = ConstructorParameters<typeof Issues>[0];
type RequesterFn = NonNullable<ResourceConfig['requesterFn']>;
type ResourceOptions = Parameters<RequesterFn>[0];
type Requester = ReturnType<RequesterFn>;
type RequestOptions = NonNullable<Parameters<Requester['get']>[1]>;

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export interface GitLabClient {
  issues: InstanceType<typeof Issues>;
  issueLinks: InstanceType<typeof IssueLinks>;
  labels: InstanceType<typeof ProjectLabels>;
  projectMilestones: InstanceType<typeof ProjectMilestones>;
  groupMilestones: InstanceType<typeof GroupMilestones>;
  users: InstanceType<typeof Users>;
  members: InstanceType<typeof ProjectMembers>;
  projects: InstanceType<typeof Projects>;
  stats: RequestStats;
  /** The Date header of the latest response: the platform's clock, which `updated_after` filters compare against. */
  serverDate: { value: string | null };
  /** The instance root the client talks to (no /api/v4), for messages. */
  host: string;
}

/** GitLab answered with an error status. `status` is what the engine's ambiguity check reads on `cause`. */
export class GitLabResponseError extends Error {
  readonly status: number;
  readonly headers: Headers;
  /** The parsed JSON body, or its text. */
  readonly body: unknown;
  /** GitLab's own words: the `error` field, else `message` (field errors flattened), else the text. */
  readonly description: string;

  constructor(method: string, path: string, status: number, headers: Headers, body: unknown) {
    const description = describeBody(body);
    super(`${method} ${path} answered ${status}: ${description}`);
    this.name = 'GitLabResponseError';
    this.status = status;
    this.headers = headers;
    this.body = body;
    this.description = description;
  }
}

/**
 * The request failed before a complete answer (connection refused or reset, timeout, body cut off): whether a write
 * landed is unknown. Deliberately without a `status`.
 */
export class GitLabConnectionError extends Error {
  readonly timedOut: boolean;

  constructor(method: string, path: string, cause: unknown, timeoutMs: number) {
    // Duck-typed: fetch's errors come from another realm than this module's `Error` under some runners.
    const error = errorLike(cause);
    const timedOut = error?.name === 'TimeoutError' || error?.name === 'AbortError';
    const inner = errorLike(error?.cause);
    const reason = error ? `${error.message}${inner ? ` (${inner.message})` : ''}` : String(cause);
    super(`${method} ${path} ${timedOut ? `timed out after ${timeoutMs} ms` : `failed: ${reason}`}`, {
      cause,
    });
    this.name = 'GitLabConnectionError';
    this.timedOut = timedOut;
  }
}

function errorLike(value: unknown): { name: string; message: string; cause?: unknown } | undefined {
  return typeof value === 'object' &&
    value !== null &&
    typeof (value as { name?: unknown }).name === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
    ? (value as { name: string; message: string; cause?: unknown })
    : undefined;
}

/** The instance root, from a URL that may end in `/api/v4`. */
export function gitlabHost(baseUrl: string): string {
  const trimmed = baseUrl
    .trim()
    .replace(/\/+$/, '')
    .replace(/\/api\/v4$/i, '');
  let url: URL | undefined;
  try {
    url = new URL(trimmed);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash) {
    throw new OrchestratorGitError(
      'CONFIG_INVALID',
      `The GitLab URL ${quote(url ? url.origin + url.pathname : baseUrl)} is not an http(s) URL of an instance.`,
      'Set it to the instance root, e.g. https://gitlab.com or https://gitlab.example.com (a URL ending in /api/v4 is accepted too).',
    );
  }
  return trimmed;
}

export function createGitLabClient(options: GitLabClientOptions): GitLabClient {
  const host = gitlabHost(options.baseUrl);
  const transport = new Transport(options);
  const auth = options.tokenKind === 'oauth' ? { oauthToken: options.token } : { token: options.token };
  const config = {
    host,
    ...auth,
    // Per-request timeouts are the transport's: gitbeaker's would span a whole paginated listing.
    queryTimeout: null,
    requesterFn: (resource: ResourceOptions) => transport.requester(resource),
  };
  return {
    issues: new Issues(config),
    issueLinks: new IssueLinks(config),
    labels: new ProjectLabels(config),
    projectMilestones: new ProjectMilestones(config),
    groupMilestones: new GroupMilestones(config),
    users: new Users(config),
    members: new ProjectMembers(config),
    projects: new Projects(config),
    stats: transport.stats,
    serverDate: transport.serverDate,
    host,
  };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

class Transport {
  readonly stats = emptyStats();
  readonly serverDate: { value: string | null } = { value: null };
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly retryBaseMs: number;
  private readonly maxWaitSeconds: number;
  private readonly writeDelayMs: number;
  private readonly log: (message: string) => void;
  private writeGate: Promise<void> = Promise.resolve();
  private lastWriteAt = Number.NEGATIVE_INFINITY;

  constructor(options: GitLabClientOptions) {
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.retries = Math.max(0, options.retries ?? 3);
    this.retryBaseMs = options.retryBaseMs ?? 1000;
    this.maxWaitSeconds = options.maxRateLimitWaitSeconds ?? 60;
    this.writeDelayMs = Math.max(0, options.writeDelayMs ?? 0);
    this.log = options.log ?? (() => undefined);
  }

  /** What gitbeaker calls for each resource instance; every resource shares this transport's counters. */
  requester(resource: ResourceOptions): Requester {
    const send =
      (method: string) =>
      (endpoint: string, request?: RequestOptions): Promise<Answer> =>
        this.send(resource, method, endpoint, request ?? {});
    // The interface's methods are generic in the body type they promise; the body is whatever GitLab sent.
    return {
      get: send('GET'),
      post: send('POST'),
      put: send('PUT'),
      patch: send('PATCH'),
      delete: send('DELETE'),
    } as unknown as Requester;
  }

  /** Builds the request the way gitbeaker's own requester does (snake_case keys, `key[]=` arrays, JSON bodies). */
  private async send(
    resource: ResourceOptions,
    method: string,
    endpoint: string,
    request: RequestOptions,
  ): Promise<Answer> {
    const base = resource.url.endsWith('/') ? resource.url : `${resource.url}/`;
    const url = new URL(endpoint, base);
    url.search = toQuery(request.searchParams ?? {});
    const headers: Record<string, string> = { accept: 'application/json', ...resource.headers };
    if (request.sudo !== undefined) headers['sudo'] = String(request.sudo);
    for (const [name, value] of Object.entries(resource.authHeaders)) headers[name] = await value();
    let body: string | undefined;
    if (request.body !== undefined) {
      if (request.body instanceof FormData) throw new TypeError('The GitLab adapter sends no form bodies.');
      body = JSON.stringify(snakeKeys(request.body));
      headers['content-type'] = 'application/json';
    }
    return this.exchange(method, url, headers, body, request.signal);
  }

  private async exchange(
    method: string,
    url: URL,
    headers: Record<string, string>,
    body: string | undefined,
    signal: AbortSignal | undefined,
  ): Promise<Answer> {
    const write = method !== 'GET' && method !== 'HEAD';
    // A POST creates: after a 5xx or a lost answer it may have landed, and sending it again could duplicate the
    // issue (or milestone). Reads and PUTs (which set absolute values) may be repeated.
    const repeatable = method !== 'POST';
    const path = url.pathname;
    for (let attempt = 0; ; attempt += 1) {
      if (write) await this.pace();
      if (write) this.stats.writes += 1;
      else this.stats.reads += 1;
      let response: Response;
      let text: string;
      try {
        const timeout = AbortSignal.timeout(this.timeoutMs);
        response = await fetch(url, {
          method,
          headers,
          body,
          signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
        });
        this.recordDate(response.headers);
        // Read the whole body here: a body cut off mid-way then fails like a dropped connection.
        text = await response.text();
      } catch (error) {
        this.stats.failures += 1;
        const failure = new GitLabConnectionError(method, path, error, this.timeoutMs);
        if (repeatable && attempt < this.retries && !signal?.aborted) {
          await this.retry(failure.message, this.backoff(attempt));
          continue;
        }
        throw failure;
      }
      const parsed = parseBody(response.headers, text);
      if (response.ok) {
        return { status: response.status, headers: Object.fromEntries(response.headers), body: parsed };
      }
      this.stats.failures += 1;
      const failure = new GitLabResponseError(method, path, response.status, response.headers, parsed);
      if (attempt < this.retries) {
        if (response.status === 429) {
          // Rack::Attack (and GitLab's per-action limiters) refuse a throttled request before it runs, so even a
          // POST can be sent again after the wait.
          const wait = this.rateLimitWait(response.headers) ?? this.backoff(attempt) / 1000;
          if (wait <= this.maxWaitSeconds) {
            await this.retry(`${method} ${path} was rate limited`, wait * 1000);
            continue;
          }
        } else if (repeatable && [502, 503, 504].includes(response.status)) {
          await this.retry(failure.message, this.backoff(attempt));
          continue;
        }
      }
      throw failure;
    }
  }

  private backoff(attempt: number): number {
    return this.retryBaseMs * (attempt + 1) ** 2;
  }

  private async retry(reason: string, waitMs: number): Promise<void> {
    this.stats.retries += 1;
    this.log(`${reason}; retrying in ${Math.round(waitMs)} ms`);
    await sleep(waitMs);
  }

  /** Seconds to wait: Retry-After (seconds or a date), else until RateLimit-Reset; undefined when neither. */
  private rateLimitWait(headers: Headers): number | undefined {
    const now = this.serverDate.value ? Date.parse(this.serverDate.value) : Date.now();
    const retryAfter = headers.get('retry-after');
    if (retryAfter !== null && retryAfter.trim() !== '') {
      const seconds = Number(retryAfter);
      if (Number.isFinite(seconds)) return Math.max(0, seconds);
      const at = Date.parse(retryAfter);
      if (Number.isFinite(at)) return Math.max(0, (at - now) / 1000);
    }
    const reset = Number(headers.get('ratelimit-reset') ?? '');
    if (Number.isFinite(reset) && reset > 0) return Math.max(0, reset - now / 1000);
    return undefined;
  }

  /** Writes are paced, one at a time, at least `writeDelayMs` apart (start to start). */
  private pace(): Promise<void> {
    const delay = this.writeDelayMs;
    if (delay <= 0) return Promise.resolve();
    const turn = this.writeGate.then(async () => {
      const wait = this.lastWriteAt + delay - Date.now();
      if (wait > 0) await sleep(wait);
      this.lastWriteAt = Date.now();
    });
    this.writeGate = turn;
    return turn;
  }

  private recordDate(headers: Headers): void {
    const date = Date.parse(headers.get('date') ?? '');
    if (Number.isFinite(date)) this.serverDate.value = new Date(date).toISOString();
  }
}

function parseBody(headers: Headers, text: string): unknown {
  if (text === '') return null;
  if ((headers.get('content-type') ?? '').toLowerCase().includes('json')) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `perPage` → `per_page`, as gitbeaker's requester does (its Link-following re-sends camelCased keys). */
function snakeCase(key: string): string {
  return key.replace(/([a-z\d])([A-Z])/g, '$1_$2').toLowerCase();
}

function snakeKeys(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [snakeCase(key), item]));
}

/** Rails-style query: `key[]=a&key[]=b` for arrays, `key[sub]=v` for objects; undefined values left out. */
function toQuery(params: Record<string, unknown>): string {
  const search = new URLSearchParams();
  const add = (key: string, value: unknown): void => {
    if (value === undefined) return;
    if (Array.isArray(value)) for (const item of value) add(`${key}[]`, item);
    else if (isRecord(value))
      for (const [sub, item] of Object.entries(value)) add(`${key}[${snakeCase(sub)}]`, item);
    else search.append(key, value === null ? '' : String(value));
  };
  for (const [key, value] of Object.entries(params)) add(snakeCase(key), value);
  return search.toString();
}

/** GitLab's error text: `error` (+ `error_description`), else `message` (field errors flattened), else the text. */
export function describeBody(body: unknown): string {
  if (typeof body === 'string') return body.trim().slice(0, 300) || '(empty body)';
  if (isRecord(body)) {
    const { error, message } = body;
    if (typeof error === 'string') {
      return typeof body['error_description'] === 'string' ? `${error}: ${body['error_description']}` : error;
    }
    if (typeof message === 'string') return message;
    if (Array.isArray(message)) return message.map(String).join('; ');
    if (isRecord(message)) {
      return Object.entries(message)
        .map(
          ([field, problems]) =>
            `${field} ${Array.isArray(problems) ? problems.join(', ') : String(problems)}`,
        )
        .join('; ');
    }
  }
  return body === null || body === undefined ? '(empty body)' : JSON.stringify(body).slice(0, 300);
}

export function httpStatus(error: unknown): number | undefined {
  return error instanceof GitLabResponseError ? error.status : undefined;
}

/** A read_api (or otherwise too narrow) token: rack-oauth2's 403 `insufficient_scope`. */
export function isInsufficientScope(error: unknown): boolean {
  return error instanceof GitLabResponseError && error.status === 403 && isRecord(error.body)
    ? error.body['error'] === 'insufficient_scope'
    : false;
}

/**
 * Which 404 it is: GitLab says "404 Project Not Found" / "404 Group Not Found" for a missing or invisible project or
 * group, `{"error":"404 Not Found"}` for a route it does not have, and "404 Not found" (or "404 <Model> Not Found")
 * for a missing record such as an issue iid.
 */
export function notFoundKind(error: unknown): 'project' | 'group' | 'route' | 'record' | undefined {
  if (!(error instanceof GitLabResponseError) || error.status !== 404) return undefined;
  if (/Project Not Found/i.test(error.description)) return 'project';
  if (/Group Not Found/i.test(error.description)) return 'group';
  if (isRecord(error.body) && error.body['error'] === '404 Not Found') return 'route';
  if (/^404 (?:Not found|[A-Z][A-Za-z ]* Not Found)$/.test(error.description)) return 'record';
  return undefined;
}

export interface FailureContext {
  /** The project, as configured. */
  repository: string;
  /** What the adapter was doing, for the message, e.g. `creating issue "x"`. */
  doing: string;
  /** The group of group milestones, when the request was about it. */
  group?: string | null;
}

const ROLE_FIX =
  'Give the token’s user at least the Reporter (or Planner) role on the project (Manage → Members), or create the project or group access token with that role: Guests may only open issues and edit their own, without labels, milestones or assignees; creating labels and milestones and editing any issue need Reporter/Planner (for group milestones, on the group).';

/** Turns a transport error into a catalogue error that says what went wrong and how to fix it. Never names the token. */
export function toCatalogueError(error: unknown, context: FailureContext): OrchestratorGitError {
  if (error instanceof OrchestratorGitError) return error;
  const { repository, doing } = context;
  const cause = { cause: error };
  if (error instanceof GitLabConnectionError) {
    return new OrchestratorGitError(
      'PLATFORM_ERROR',
      `The connection to GitLab failed while ${doing}, before a complete answer: ${error.message}.`,
      'This is usually temporary (network, proxy or an overloaded instance): the next run retries, and an issue whose create failed this way is looked for by its marker before it is created again.',
      cause,
    );
  }
  if (!(error instanceof GitLabResponseError)) {
    return new OrchestratorGitError(
      'PLATFORM_ERROR',
      `GitLab request failed while ${doing}: ${error instanceof Error ? error.message : String(error)}.`,
      'This is unexpected; the next run retries. If it persists, report it with the run log.',
      cause,
    );
  }
  const { status, description } = error;
  // GitLab's messages often start with the status already ("401 Unauthorized").
  const answer = description.startsWith(String(status)) ? description : `${status} ${description}`;
  if (status === 401) {
    return new OrchestratorGitError(
      'TOKEN_INVALID',
      `GitLab rejected the token while ${doing} (${answer}).`,
      'Put a personal, project or group access token with the `api` scope in GITLAB_TOKEN (an expired or revoked token must be replaced, an OAuth token refreshed). CI_JOB_TOKEN cannot be used: GitLab does not let job tokens create or edit issues.',
      cause,
    );
  }
  if (isInsufficientScope(error)) {
    return new OrchestratorGitError(
      'PERMISSION_DENIED',
      `The token’s scopes do not allow this while ${doing} in ${quote(repository)} (${answer}; GitLab needs the \`api\` scope).`,
      'Use a token with the `api` scope: `read_api` is read-only and cannot create or edit issues, labels or milestones. Create one under Settings → Access tokens and put it in GITLAB_TOKEN.',
      cause,
    );
  }
  if (status === 403) {
    return new OrchestratorGitError(
      'PERMISSION_DENIED',
      `The token’s user may not do this while ${doing} in ${quote(context.group ?? repository)} (${answer}).`,
      ROLE_FIX,
      cause,
    );
  }
  if (status === 404) {
    const kind = notFoundKind(error);
    if (kind === 'group') {
      return new OrchestratorGitError(
        'CONFIG_INVALID',
        `Group ${quote(context.group ?? '')} (for group milestones) was not found, or the token cannot see it (404 while ${doing}).`,
        'Set the group milestones option to the full path of a group the project belongs to (as in its URL, e.g. my-group or my-group/sub), and make sure the token’s user is a member of it.',
        cause,
      );
    }
    if (kind === 'route') {
      return new OrchestratorGitError(
        'CONFIG_INVALID',
        `GitLab answered 404 for an API route it does not have while ${doing} (${description}).`,
        'Check the GitLab URL: it must be the instance root, e.g. https://gitlab.com or https://gitlab.example.com (…/api/v4 is accepted too), and the instance must be a supported GitLab version.',
        cause,
      );
    }
    if (kind === 'record') {
      return new OrchestratorGitError(
        'PLATFORM_ERROR',
        `GitLab no longer has what was asked for while ${doing} (${answer}): it was deleted or moved meanwhile.`,
        'Nothing to do: the next run reads the project again and plans from what exists.',
        cause,
      );
    }
    return new OrchestratorGitError(
      'REPOSITORY_NOT_FOUND',
      `Project ${quote(repository)} was not found, or the token cannot see it (404 while ${doing}).`,
      'Check the project’s full path (group/subgroup/project, as in its URL) or numeric id, and the GitLab URL. A private project answers 404 to a token whose user is not a member: add the user (Manage → Members) or use a member’s token.',
      cause,
    );
  }
  if (status === 400 || status === 422) {
    return new OrchestratorGitError(
      'VALIDATION_FAILED',
      `GitLab refused the request while ${doing}: ${description} (${status}).`,
      'The item is reported as failed and the rest of the run goes on; fix the value named above in the orchestrator state or the config.',
      cause,
    );
  }
  if (status === 429) {
    const retryAfter = error.headers.get('retry-after');
    const reset = Number(error.headers.get('ratelimit-reset') ?? '');
    const name = error.headers.get('ratelimit-name');
    const when = [
      retryAfter ? ` GitLab asked to wait ${retryAfter} s (Retry-After).` : '',
      Number.isFinite(reset) && reset > 0
        ? ` The limit resets at ${new Date(reset * 1000).toISOString()} (RateLimit-Reset).`
        : '',
    ].join('');
    return new OrchestratorGitError(
      'RATE_LIMITED',
      `GitLab’s rate limit${name ? ` (${name})` : ''} stopped the run while ${doing} (${answer}).${when}`,
      'The next run resumes where this one stopped; nothing is duplicated. For large plans, schedule runs further apart or set a write delay; on a self-managed instance an administrator can raise the limits (Admin → Settings → Network → User and IP rate limits).',
      cause,
    );
  }
  return new OrchestratorGitError(
    'PLATFORM_ERROR',
    `GitLab request failed while ${doing}: ${answer}.`,
    status >= 500
      ? 'This is usually temporary: the next run retries, and an issue whose create failed this way is looked for by its marker before it is created again. If it persists, check https://status.gitlab.com or your instance.'
      : 'The next run retries; if it persists, report it with the run log.',
    cause,
  );
}
