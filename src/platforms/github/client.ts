/** The one Octokit client for GitHub: retries, throttling, timeouts and request counting live here, not at call sites. */
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import type BottleneckType from 'bottleneck';
// The light build is what plugin-throttling itself uses; its types are the full package's.
// @ts-expect-error: the light entry ships no declaration file of its own
import BottleneckLight from 'bottleneck/light.js';
import { OrchestratorGitError, quote } from '../../errors.js';
import { emptyStats, type RequestStats } from '../types.js';

export interface GitHubClientOptions {
  token: string;
  /** REST base URL: https://api.github.com, or https://HOST/api/v3 for GitHub Enterprise Server. */
  baseUrl: string;
  /** Minimum time between writes. Default: GitHub's guidance (1 s, and 3 s for writes that notify). */
  writeDelayMs?: number | null;
  /** Retries of a failed idempotent request (5xx, connection errors); writes that create are never retried blindly. */
  retries?: number;
  /** First retry delay; later retries wait (n + 1)² times as long. */
  retryBaseMs?: number;
  /** Per-request timeout. */
  timeoutMs?: number;
  /** How long a rate-limit wait may be before the run stops instead of waiting. */
  maxRateLimitWaitSeconds?: number;
  log?: (message: string) => void;
}

export type GitHubOctokit = ReturnType<typeof getOctokit>;

export interface GitHubClient {
  octokit: GitHubOctokit;
  stats: RequestStats;
  /** The Date header of the latest response: the platform's clock, which `since` filters compare against. */
  serverDate: { value: string | null };
}

export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const stats = emptyStats();
  const serverDate: { value: string | null } = { value: null };
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxWait = options.maxRateLimitWaitSeconds ?? 60;
  const log = options.log ?? (() => undefined);

  const countingFetch: typeof fetch = async (input, init) => {
    const method = (init?.method ?? 'GET').toUpperCase();
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.endsWith('/graphql')) stats.graphql += 1;
    else if (method === 'GET' || method === 'HEAD') stats.reads += 1;
    else stats.writes += 1;
    const signal = init?.signal
      ? AbortSignal.any([init.signal, AbortSignal.timeout(timeoutMs)])
      : AbortSignal.timeout(timeoutMs);
    const received = await fetch(input, { ...init, signal });
    const date = Date.parse(received.headers.get('date') ?? '');
    if (Number.isFinite(date)) serverDate.value = new Date(date).toISOString();
    if (received.status === 304) stats.notModified += 1;
    else if (received.status >= 400) stats.failures += 1;
    // Read the whole body here: a body cut off mid-way then fails like a dropped connection, instead of
    // reaching Octokit, which would hand back an empty string (an issue list read as empty).
    const body = received.status === 204 || received.status === 304 ? null : await received.arrayBuffer();
    return new Response(body, {
      status: received.status,
      statusText: received.statusText,
      headers: received.headers,
    });
  };

  const Bottleneck = BottleneckLight as typeof BottleneckType;
  const throttle: ThrottleOptions = {
    onRateLimit: (
      retryAfter: number,
      request: { method: string; url: string },
      _octokit: unknown,
      retryCount: number,
    ) => {
      if (retryCount < 1 && retryAfter <= maxWait) {
        stats.retries += 1;
        log(`Rate limit reached; retrying ${request.method} ${request.url} after ${retryAfter} s`);
        return true;
      }
      return false;
    },
    onSecondaryRateLimit: (
      retryAfter: number,
      request: { method: string; url: string },
      _octokit: unknown,
      retryCount: number,
    ) => {
      if (retryCount < 2 && retryAfter <= maxWait) {
        stats.retries += 1;
        log(`Secondary rate limit reached; retrying ${request.method} ${request.url} after ${retryAfter} s`);
        return true;
      }
      return false;
    },
  };
  if (options.writeDelayMs !== undefined && options.writeDelayMs !== null) {
    const minTime = Math.max(0, options.writeDelayMs);
    throttle.write = new Bottleneck.Group({ maxConcurrent: 1, minTime });
    throttle.notifications = new Bottleneck.Group({ maxConcurrent: 1, minTime });
  }

  const octokit = getOctokit(
    options.token,
    {
      baseUrl: options.baseUrl.replace(/\/+$/, ''),
      request: { fetch: countingFetch },
      // Retries belong here, not in `request`: a `request.retries` makes plugin-retry retry even 4xx answers.
      retry: { retryAfterBaseValue: options.retryBaseMs ?? 1000, retries: options.retries ?? 3 },
      throttle,
      log: { debug: () => undefined, info: () => undefined, warn: log, error: log },
    },
    retry,
    throttling,
  );
  return { octokit, stats, serverDate };
}

type LimitHandler = (
  retryAfter: number,
  request: { method: string; url: string },
  octokit: unknown,
  retryCount: number,
) => boolean;

interface ThrottleOptions {
  onRateLimit: LimitHandler;
  onSecondaryRateLimit: LimitHandler;
  write?: BottleneckType.Group;
  notifications?: BottleneckType.Group;
  retryAfterBaseValue?: number;
  fallbackSecondaryRateRetryAfter?: number;
}

export function httpStatus(error: unknown): number | undefined {
  if (typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number') {
    return error.status;
  }
  return undefined;
}

interface ErrorResponse {
  data?: unknown;
  headers?: Record<string, string | number | undefined>;
}

function responseOf(error: unknown): ErrorResponse {
  if (typeof error === 'object' && error !== null && 'response' in error) {
    const response = (error as { response?: ErrorResponse }).response;
    if (response) return response;
  }
  return {};
}

function platformMessage(error: unknown): string {
  const data = responseOf(error).data;
  if (typeof data === 'object' && data !== null && 'message' in data && typeof data.message === 'string') {
    const details =
      'errors' in data && Array.isArray(data.errors)
        ? data.errors
            .map((item: unknown) =>
              typeof item === 'object' && item !== null
                ? Object.entries(item)
                    .map(([key, value]) => `${key}=${String(value)}`)
                    .join(' ')
                : String(item),
            )
            .join('; ')
        : '';
    return details ? `${data.message} (${details})` : data.message;
  }
  return error instanceof Error ? error.message : String(error);
}

/** Turns an Octokit error into a catalogue error that says what went wrong and how to fix it. */
export function toCatalogueError(error: unknown, repository: string, doing: string): OrchestratorGitError {
  if (error instanceof OrchestratorGitError) return error;
  const status = httpStatus(error);
  const message = platformMessage(error);
  const headers = responseOf(error).headers ?? {};
  const cause = { cause: error };
  if (status === 401) {
    return new OrchestratorGitError(
      'TOKEN_INVALID',
      `GitHub rejected the token while ${doing} (401 ${message}).`,
      'Check that the `token` input holds a valid, unexpired token (secrets.GITHUB_TOKEN, a PAT, or a GitHub App token).',
      cause,
    );
  }
  if (status === 404) {
    return new OrchestratorGitError(
      'REPOSITORY_NOT_FOUND',
      `Repository ${quote(repository)} was not found, or the token cannot see it (404 while ${doing}).`,
      "Check the `repository` input (owner/name) and that the token has access to it: for another repository than the workflow's own, use a PAT or GitHub App token with access to it.",
      cause,
    );
  }
  if (status === 410) {
    return new OrchestratorGitError(
      'ISSUES_DISABLED',
      `Issues are disabled for ${quote(repository)} (410 while ${doing}).`,
      'Enable Issues in the repository settings (Settings → General → Features → Issues).',
      cause,
    );
  }
  const remaining = headers['x-ratelimit-remaining'];
  if (status === 429 || (status === 403 && (String(remaining) === '0' || /rate limit/i.test(message)))) {
    const reset = Number(headers['x-ratelimit-reset']);
    const retryAfter = Number(headers['retry-after']);
    const when =
      Number.isFinite(retryAfter) && retryAfter > 0
        ? ` GitHub asked to wait ${retryAfter} s.`
        : Number.isFinite(reset) && reset > 0
          ? ` It resets at ${new Date(reset * 1000).toISOString()}.`
          : '';
    return new OrchestratorGitError(
      'RATE_LIMITED',
      `GitHub's rate limit stopped the run while ${doing} (${status} ${message}).${when}`,
      'The next run resumes where this one stopped; nothing is duplicated. For large plans, schedule runs further apart or use a GitHub App token (higher limits).',
      cause,
    );
  }
  if (status === 403) {
    const needed = headers['x-accepted-github-permissions'];
    return new OrchestratorGitError(
      'PERMISSION_DENIED',
      `The token may not do this while ${doing} in ${quote(repository)} (403 ${message}${needed ? `; needs ${needed}` : ''}).`,
      'Give the workflow `permissions: { issues: write, contents: write }` (contents only to commit the state file), or use a token with the Issues write permission on this repository.',
      cause,
    );
  }
  if (status === 422) {
    return new OrchestratorGitError(
      'VALIDATION_FAILED',
      `GitHub refused the request while ${doing}: ${message}.`,
      'The item is reported as failed and the rest of the run goes on; fix the value named above in the orchestrator state or the config.',
      cause,
    );
  }
  // Octokit reports a connection that failed before any answer (reset, timeout, cut-off body) as a 500 without a
  // response; saying 500 would blame GitHub for what may be the network.
  const answered =
    typeof error === 'object' && error !== null && 'response' in error && error.response !== undefined;
  return new OrchestratorGitError(
    'PLATFORM_ERROR',
    answered || status === undefined
      ? `GitHub request failed while ${doing}: ${status ? `${status} ` : ''}${message}.`
      : `The connection to GitHub failed while ${doing}, before a complete answer: ${message}.`,
    'This is usually temporary: the next run retries. If it persists, check https://www.githubstatus.com or your GitHub Enterprise Server.',
    cause,
  );
}

/** Errors after which no later request can succeed in this run. */
