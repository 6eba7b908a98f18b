/**
 * The one HTTP client for Bitbucket Cloud's REST API 2.0, on Node's global fetch: credentials, retries, write pacing,
 * timeouts, paging and request counting live here, not at call sites; toCatalogueError turns what it throws into
 * catalogue errors.
 */
import { OrchestratorGitError, quote } from '../../errors.js';
import { emptyStats, type RequestStats } from '../types.js';

export type BitbucketAuth =
  /** A repository, project or workspace access token, or an OAuth access token, sent as `Bearer`. */
  | { kind: 'bearer'; token: string }
  /** An app password with the Bitbucket username, or an Atlassian API token with the account's email. */
  | { kind: 'basic'; username: string; password: string };

export interface BitbucketClientOptions {
  auth: BitbucketAuth;
  /** Default https://api.bitbucket.org/2.0. */
  baseUrl?: string;
  /** Minimum time between the starts of two writes; null or absent: no pacing (Bitbucket publishes none). */
  writeDelayMs?: number | null;
  /** Per-request timeout, body included. Default 30 s. */
  timeoutMs?: number;
  /**
   * Retries of an idempotent request (GET, PUT, a state change) after 429 / 502 / 503 / 504 or a lost connection, and
   * of any request after a 429 (refused before it ran). Default 3.
   */
  retries?: number;
  /** Wait before a retry when the server names none; later retries wait (n + 1)² times as long. Default 1 s. */
  retryBaseMs?: number;
  /** Longest Retry-After that is waited out; a longer one fails the request (RATE_LIMITED for a 429). Default 60 s. */
  maxRetryWaitSeconds?: number;
  log?: (message: string) => void;
}

export const BITBUCKET_API_URL = 'https://api.bitbucket.org/2.0';

/** Statuses after which an idempotent request is tried again. */
const RETRYABLE = new Set([429, 502, 503, 504]);

/** Bitbucket answered with an error status. `status` is what the engine's ambiguity check reads. */
export class BitbucketHttpError extends Error {
  readonly status: number;
  /** The parsed JSON body, or the text of a non-JSON body. */
  readonly body: unknown;
  /** Seconds, from Retry-After; undefined when absent or unreadable. */
  readonly retryAfter: number | undefined;
  readonly method: string;
  /** Path and query below the API base (never credentials). */
  readonly path: string;

  constructor(status: number, body: unknown, retryAfter: number | undefined, method: string, path: string) {
    super(`${method} ${path} answered ${status}${errorText(body) === '' ? '' : `: ${errorText(body)}`}`);
    this.name = 'BitbucketHttpError';
    this.status = status;
    this.body = body;
    this.retryAfter = retryAfter;
    this.method = method;
    this.path = path;
  }

  /** `error.message` of Bitbucket's envelope, or the first line of a text body. */
  get platformMessage(): string {
    return errorText(this.body);
  }
}

/**
 * No complete answer: the connection failed, timed out, or the body was cut off or unreadable. Deliberately without a
 * `status` property — the request may or may not have taken effect.
 */
export class BitbucketTransportError extends Error {
  readonly method: string;
  readonly path: string;

  constructor(message: string, method: string, path: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BitbucketTransportError';
    this.method = method;
    this.path = path;
  }
}

export interface PageJson<T> {
  values: T[];
  next?: string;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class BitbucketClient {
  readonly stats: RequestStats = emptyStats();
  readonly authKind: BitbucketAuth['kind'];
  /** The Date header of the latest response, as ISO 8601. */
  serverDate: string | null = null;
  private readonly base: URL;
  private readonly authorization: string;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly retryBaseMs: number;
  private readonly maxWaitMs: number;
  private readonly writeDelayMs: number | null;
  private readonly log: (message: string) => void;
  private writeQueue: Promise<void> = Promise.resolve();
  private lastWriteAt = Number.NEGATIVE_INFINITY;

  constructor(options: BitbucketClientOptions) {
    this.base = new URL((options.baseUrl ?? BITBUCKET_API_URL).replace(/\/+$/, ''));
    this.authKind = options.auth.kind;
    this.authorization =
      options.auth.kind === 'bearer'
        ? `Bearer ${options.auth.token}`
        : `Basic ${Buffer.from(`${options.auth.username}:${options.auth.password}`, 'utf8').toString('base64')}`;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.retries = Math.max(0, options.retries ?? 3);
    this.retryBaseMs = Math.max(0, options.retryBaseMs ?? 1000);
    this.maxWaitMs = Math.max(0, options.maxRetryWaitSeconds ?? 60) * 1000;
    this.writeDelayMs =
      options.writeDelayMs === undefined || options.writeDelayMs === null
        ? null
        : Math.max(0, options.writeDelayMs);
    this.log = options.log ?? (() => undefined);
  }

  /**
   * One API call. `target` is a path below the base (`/repositories/…`, query included) or an absolute URL the API
   * handed out (a `next` link), which must lie below the base. Resolves with the parsed JSON of a 2xx answer; throws
   * BitbucketHttpError for an error status and BitbucketTransportError when no complete answer came. With `retry`
   * (idempotent requests only) 429 / 502 / 503 / 504 and lost connections are tried again.
   */
  async request<T>(
    method: 'GET' | 'POST' | 'PUT',
    target: string,
    options: { body?: unknown; retry: boolean },
  ): Promise<T> {
    const url = this.resolve(target);
    const path = `${url.pathname.slice(this.base.pathname.replace(/\/$/, '').length)}${url.search}`;
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    for (let attempt = 0; ; attempt += 1) {
      if (method !== 'GET') await this.paceWrite();
      try {
        return (await this.attempt(method, url, path, payload)) as T;
      } catch (error) {
        const wait = this.retryWait(error, attempt, options.retry);
        if (wait === undefined) throw error;
        this.stats.retries += 1;
        this.log(
          `Bitbucket: retrying ${method} ${path} in ${Math.round(wait / 100) / 10} s (${error instanceof Error ? error.message : String(error)})`,
        );
        await sleep(wait);
      }
    }
  }

  /** Every value of a paged collection, following `next` links. */
  async all<T>(target: string): Promise<T[]> {
    const values: T[] = [];
    const seen = new Set<string>();
    let next: string | undefined = target;
    while (next !== undefined) {
      if (seen.has(next)) {
        throw new BitbucketTransportError(`The page ${next} came round twice while paging`, 'GET', next);
      }
      seen.add(next);
      const page: PageJson<T> = await this.request<PageJson<T>>('GET', next, { retry: true });
      if (typeof page !== 'object' || page === null || !Array.isArray(page.values)) {
        throw new BitbucketTransportError('The answer is not a page of values', 'GET', next);
      }
      values.push(...page.values);
      next = typeof page.next === 'string' && page.next !== '' ? page.next : undefined;
    }
    return values;
  }

  private resolve(target: string): URL {
    const basePath = this.base.pathname.replace(/\/$/, '');
    if (!/^https?:\/\//i.test(target)) return new URL(`${this.base.origin}${basePath}${target}`);
    const url = new URL(target);
    // The credentials go only where they were meant to: a link elsewhere is not followed.
    if (url.origin !== this.base.origin || !`${url.pathname}/`.startsWith(`${basePath}/`)) {
      throw new BitbucketTransportError(
        `Refused to follow a link outside ${this.base.origin}${basePath}: ${quote(url.origin + url.pathname)}`,
        'GET',
        url.pathname,
      );
    }
    return url;
  }

  private async attempt(
    method: string,
    url: URL,
    path: string,
    payload: string | undefined,
  ): Promise<unknown> {
    if (method === 'GET') this.stats.reads += 1;
    else this.stats.writes += 1;
    const headers: Record<string, string> = {
      accept: 'application/json',
      authorization: this.authorization,
      'user-agent': 'orchestrator-git',
    };
    if (payload !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, {
        method,
        headers,
        body: payload,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      this.stats.failures += 1;
      throw new BitbucketTransportError(transportMessage(error, this.timeoutMs), method, path, {
        cause: error,
      });
    }
    const date = Date.parse(response.headers.get('date') ?? '');
    if (Number.isFinite(date)) this.serverDate = new Date(date).toISOString();
    try {
      // Read the whole body: one cut off mid-way is a failed exchange, not a short list.
      text = await response.text();
    } catch (error) {
      this.stats.failures += 1;
      throw new BitbucketTransportError(
        `the ${response.status} answer was cut off (${transportMessage(error, this.timeoutMs)})`,
        method,
        path,
        { cause: error },
      );
    }
    if (response.status === 304) this.stats.notModified += 1;
    if (response.status >= 200 && response.status < 300) {
      if (text.trim() === '') return undefined;
      try {
        return JSON.parse(text) as unknown;
      } catch (error) {
        this.stats.failures += 1;
        throw new BitbucketTransportError(
          `the ${response.status} answer is not complete JSON (${text.length} characters)`,
          method,
          path,
          { cause: error },
        );
      }
    }
    if (response.status >= 400) this.stats.failures += 1;
    let body: unknown = text;
    try {
      body = text.trim() === '' ? undefined : (JSON.parse(text) as unknown);
    } catch {
      // A text body (a failed Basic login, a proxy's error page) stays text.
    }
    throw new BitbucketHttpError(
      response.status,
      body,
      retryAfterSeconds(response.headers.get('retry-after')),
      method,
      path,
    );
  }

  /** How long to wait before trying `error` again, or undefined when it is not to be retried. */
  private retryWait(error: unknown, attempt: number, retry: boolean): number | undefined {
    // A 429 was refused before anything ran, so even a create can be sent again.
    const refused = error instanceof BitbucketHttpError && error.status === 429;
    if ((!retry && !refused) || attempt >= this.retries) return undefined;
    const backoff = this.retryBaseMs * (attempt + 1) ** 2;
    if (error instanceof BitbucketTransportError) return backoff;
    if (!(error instanceof BitbucketHttpError) || !RETRYABLE.has(error.status)) return undefined;
    const wait = error.retryAfter !== undefined ? error.retryAfter * 1000 : backoff;
    return wait <= this.maxWaitMs ? wait : undefined;
  }

  /** Writes start at least writeDelayMs apart, one after another. */
  private async paceWrite(): Promise<void> {
    const delay = this.writeDelayMs;
    if (delay === null) return;
    const previous = this.writeQueue;
    let release = (): void => undefined;
    this.writeQueue = new Promise<void>((resolve) => {
      release = resolve;
    });
    await previous;
    const wait = this.lastWriteAt + delay - Date.now();
    if (wait > 0) await sleep(wait);
    this.lastWriteAt = Date.now();
    release();
  }
}

function retryAfterSeconds(header: string | null): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  if (/^\d+$/.test(header.trim())) return Number.parseInt(header, 10);
  const date = Date.parse(header);
  return Number.isFinite(date) ? Math.max(0, Math.ceil((date - Date.now()) / 1000)) : undefined;
}

function transportMessage(error: unknown, timeoutMs: number): string {
  // Duck-typed: fetch's errors (a DOMException for a timeout) may come from another realm than this module's Error.
  const { name, message, cause } = fields(error);
  if (name === 'TimeoutError' || name === 'AbortError') return `no answer within ${timeoutMs} ms`;
  const text = message ?? String(error);
  const inner = fields(cause);
  if (inner.message === undefined) return text;
  return `${text}: ${inner.message}${inner.code === undefined ? '' : ` ${inner.code}`}`;
}

function fields(value: unknown): { name?: string; message?: string; code?: string; cause?: unknown } {
  if (typeof value !== 'object' || value === null) return {};
  const record = value as Record<string, unknown>;
  const text = (key: string): string | undefined =>
    typeof record[key] === 'string' ? (record[key] as string) : undefined;
  return { name: text('name'), message: text('message'), code: text('code'), cause: record['cause'] };
}

function oneLine(text: string, max = 300): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max)}…` : line;
}

/** Bitbucket's error envelope `{"type": "error", "error": {"message", "detail"?, "fields"?}}`. */
interface ErrorEnvelope {
  message?: unknown;
  detail?: unknown;
  fields?: unknown;
}

function envelope(body: unknown): ErrorEnvelope | undefined {
  if (typeof body !== 'object' || body === null || !('error' in body)) return undefined;
  const error = (body as { error?: unknown }).error;
  return typeof error === 'object' && error !== null ? (error as ErrorEnvelope) : undefined;
}

/** What Bitbucket said: `error.message` of its envelope, the first line of a text body, or ''. */
function errorText(body: unknown): string {
  const error = envelope(body);
  if (error && typeof error.message === 'string') return oneLine(error.message);
  if (typeof body === 'string' && body.trim() !== '') return oneLine(body.trim().split('\n')[0] ?? '');
  return '';
}

/** `field: message; …` of a 400's `error.fields`, or '' when it has none. */
function fieldErrors(body: unknown): string {
  const fields = envelope(body)?.fields;
  if (typeof fields !== 'object' || fields === null) return '';
  return Object.entries(fields)
    .map(([field, messages]) => {
      const list = Array.isArray(messages) ? messages.map(String) : [String(messages)];
      return `${field}: ${oneLine(list.join(' '), 200)}`;
    })
    .join('; ');
}

/** The `detail` of a missing-scope 403: `{"required": […], "granted": […]}`. */
function scopeDetail(body: unknown): { required: string[]; granted: string[] } | undefined {
  const detail = envelope(body)?.detail;
  if (typeof detail !== 'object' || detail === null || !('required' in detail)) return undefined;
  const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);
  return {
    required: list((detail as { required?: unknown }).required),
    granted: list((detail as { granted?: unknown }).granted),
  };
}

/** The 404 every issue-tracker endpoint answers when the repository's issue tracker is off. */
export function isTrackerDisabled(error: unknown): boolean {
  return (
    error instanceof BitbucketHttpError &&
    error.status === 404 &&
    /has no issue tracker/i.test(error.platformMessage)
  );
}

/** The 404 of a repository that does not exist or that the credentials cannot see. */
export function isRepositoryMissing(error: unknown): boolean {
  return (
    error instanceof BitbucketHttpError &&
    error.status === 404 &&
    !isTrackerDisabled(error) &&
    /repository/i.test(error.platformMessage)
  );
}

const TOKEN_FIX: Record<BitbucketAuth['kind'], string> = {
  bearer:
    'BITBUCKET_TOKEN is sent as a Bearer token, which must be a repository, project or workspace access token (or an OAuth access token) that has not expired or been revoked. An app password or an Atlassian API token is not a Bearer token: unset BITBUCKET_TOKEN and set BITBUCKET_USERNAME (your Bitbucket username for an app password, your Atlassian account email for an API token) and BITBUCKET_APP_PASSWORD instead.',
  basic:
    'BITBUCKET_USERNAME and BITBUCKET_APP_PASSWORD are sent as a Basic login: with an app password the username is your Bitbucket username (Personal settings → Account settings), with an Atlassian API token it is your Atlassian account email; check the secret has not been revoked. For a repository, project or workspace access token set BITBUCKET_TOKEN instead (no username).',
};

/**
 * Turns what the client threw into a catalogue error that says what went wrong and how to fix it. `about` says what a
 * plain 404 means: the repository (default), or the issue named in `doing`.
 */
export function toCatalogueError(
  error: unknown,
  repository: string,
  doing: string,
  authKind: BitbucketAuth['kind'],
  about: 'repository' | 'issue' = 'repository',
): OrchestratorGitError {
  if (error instanceof OrchestratorGitError) return error;
  const cause = { cause: error };
  if (error instanceof BitbucketTransportError || !(error instanceof BitbucketHttpError)) {
    const message = error instanceof Error ? error.message : String(error);
    return new OrchestratorGitError(
      'PLATFORM_ERROR',
      `The connection to Bitbucket failed while ${doing}, before a complete answer: ${message}.`,
      'This is usually temporary: the next run retries, and looks for an issue it may have created before creating it again. If it persists, check the network and https://bitbucket.status.atlassian.com.',
      cause,
    );
  }
  const { status } = error;
  const message = error.platformMessage;
  /** The status and what Bitbucket said with it. */
  const said = message === '' ? String(status) : `${status} ${message}`;
  if (status === 401) {
    return new OrchestratorGitError(
      'TOKEN_INVALID',
      `Bitbucket rejected the ${authKind === 'bearer' ? 'access token' : 'username and password'} while ${doing} (${said}).`,
      TOKEN_FIX[authKind],
      cause,
    );
  }
  if (status === 403) {
    const scopes = scopeDetail(error.body);
    if (scopes) {
      const apiToken = scopes.required.some((scope) => scope.endsWith(':bitbucket'));
      return new OrchestratorGitError(
        'PERMISSION_DENIED',
        `The credentials lack the scope ${scopes.required.join(', ')} needed while ${doing} in ${quote(repository)} (${said}; granted: ${scopes.granted.join(', ') || 'none'}).`,
        apiToken
          ? 'Create an Atlassian API token with the Bitbucket scopes read:issue:bitbucket and write:issue:bitbucket (write does not include read), plus read:workspace:bitbucket and read:user:bitbucket to check assignees, and put it in BITBUCKET_APP_PASSWORD with your account email as BITBUCKET_USERNAME.'
          : 'Give the access token (Repository settings → Access tokens) or the app password the Issues Read and Write permissions (scopes issue and issue:write); Account Read (scope account) lets assignees be checked.',
        cause,
      );
    }
    return new OrchestratorGitError(
      'PERMISSION_DENIED',
      `The credentials may not do this while ${doing} in ${quote(repository)} (${said}).`,
      'Give the account write access to the repository (Repository settings → User and group access), or use a repository or workspace access token with the Issues Write permission (scope issue:write).',
      cause,
    );
  }
  if (status === 404 && isTrackerDisabled(error)) {
    return new OrchestratorGitError(
      'ISSUES_DISABLED',
      `Repository ${quote(repository)} has no issue tracker (404 while ${doing}).`,
      'Turn the issue tracker on in Repository settings → Features → Issue tracker (repositories in workspaces administered through admin.atlassian.com cannot have one).',
      cause,
    );
  }
  if (status === 404 && (about === 'repository' || isRepositoryMissing(error))) {
    return new OrchestratorGitError(
      'REPOSITORY_NOT_FOUND',
      `Repository ${quote(repository)} was not found, or the credentials cannot see it (404 while ${doing}${message ? `: ${message}` : ''}).`,
      'Check the repository (workspace/repo_slug, as in https://bitbucket.org/workspace/repo_slug) and that the credentials can see it: a repository access token sees only its own repository, a workspace access token only its workspace, a user only the workspaces they belong to.',
      cause,
    );
  }
  if (status === 400) {
    const fields = fieldErrors(error.body);
    return new OrchestratorGitError(
      'VALIDATION_FAILED',
      `Bitbucket refused the request while ${doing}: ${message || '400'}${fields ? ` (${fields})` : ''}.`,
      'The item is reported as failed and the rest of the run goes on; fix the value named above in the orchestrator state or the config.',
      cause,
    );
  }
  if (status === 429) {
    const when = error.retryAfter !== undefined ? ` Bitbucket asked to wait ${error.retryAfter} s.` : '';
    return new OrchestratorGitError(
      'RATE_LIMITED',
      `Bitbucket's rate limit stopped the run while ${doing} (${said}).${when}`,
      'Bitbucket allows about 1,000 requests an hour to repository data per user or per access token, over a rolling hour. The next run resumes where this one stopped; nothing is duplicated. Schedule runs further apart, or use an access token (its own allowance).',
      cause,
    );
  }
  if (status === 404) {
    return new OrchestratorGitError(
      'PLATFORM_ERROR',
      `Bitbucket found nothing while ${doing} (${said}); the issue was probably deleted.`,
      'Nothing to do: the next run reads the repository again and recreates the issue if its item still needs one.',
      cause,
    );
  }
  return new OrchestratorGitError(
    'PLATFORM_ERROR',
    `Bitbucket request failed while ${doing}: ${said}.`,
    'This is usually temporary: the next run retries. If it persists, check https://bitbucket.status.atlassian.com.',
    cause,
  );
}
