/**
 * Rack::Attack-style throttles on an injectable clock.
 *
 * Documented behaviour followed (docs.gitlab.com/administration/settings/user_and_ip_rate_limits/ "Response
 * headers"; docs.gitlab.com/user/gitlab_com/ "Rate limits on GitLab.com"):
 * - Authenticated API traffic is counted per user, unauthenticated traffic per IP (GitLab.com: 2,000 and 500 requests a
 *   minute). Windows are fixed and aligned to the epoch (Rack::Attack: `(now / period).floor`), so a window can reset
 *   sooner than `period` after the first request.
 * - Headers: `RateLimit-Name` (the throttle, e.g. `throttle_authenticated_api`), `RateLimit-Limit`,
 *   `RateLimit-Observed` (requests in the window, this one included), `RateLimit-Remaining` (Limit − Observed, never
 *   below 0), `RateLimit-Reset` (Unix time the window ends). Throttled requests also get `RateLimit-ResetTime`
 *   (RFC 2616 date) and `Retry-After` (seconds until the reset). GitLab documents them as sent on throttled responses
 *   and, in current versions, on every response of an enabled throttle; the emulator sends them on every response.
 * - Past the limit: 429, `Content-Type: text/plain`, body `Retry later` + newline (Rack::Attack's default response,
 *   `rate_limiting_response_text`). A throttled request still counts (Rack::Attack increments before it compares).
 * - Throttling runs in Rack middleware before routing and authentication: a bad token is throttled per IP.
 */

import type { RateLimitWindow } from './types.js';

export interface ThrottleResult {
  name: string;
  limit: number;
  observed: number;
  remaining: number;
  /** Unix seconds. */
  reset: number;
  throttled: boolean;
  /** Seconds until the reset (>= 1 when throttled). */
  retryAfter: number;
}

export class Throttle {
  private readonly counters = new Map<string, { window: number; count: number }>();

  constructor(
    private readonly clock: () => number,
    readonly name: string,
    private readonly window: RateLimitWindow,
  ) {}

  /** Counts one request for `key` and says whether it is over the limit. */
  hit(key: string): ThrottleResult {
    const nowSeconds = this.clock() / 1000;
    const period = this.window.periodSeconds;
    const windowIndex = Math.floor(nowSeconds / period);
    let counter = this.counters.get(key);
    if (!counter || counter.window !== windowIndex) {
      counter = { window: windowIndex, count: 0 };
      this.counters.set(key, counter);
    }
    counter.count += 1;
    const reset = (windowIndex + 1) * period;
    return {
      name: this.name,
      limit: this.window.limit,
      observed: counter.count,
      remaining: Math.max(0, this.window.limit - counter.count),
      reset,
      throttled: counter.count > this.window.limit,
      retryAfter: Math.max(1, Math.ceil(reset - nowSeconds)),
    };
  }
}

export function rateLimitHeaders(result: ThrottleResult): Record<string, string> {
  const headers: Record<string, string> = {
    'ratelimit-name': result.name,
    'ratelimit-limit': String(result.limit),
    'ratelimit-observed': String(result.observed),
    'ratelimit-remaining': String(result.remaining),
    'ratelimit-reset': String(result.reset),
  };
  if (result.throttled) {
    headers['ratelimit-resettime'] = new Date(result.reset * 1000).toUTCString();
    headers['retry-after'] = String(result.retryAfter);
  }
  return headers;
}
