/**
 * Rate limits on a rolling one-hour window, on an injectable clock.
 *
 * Documented behaviour followed (support.atlassian.com/bitbucket-cloud/docs/api-request-limits; "Introducing Scaled
 * Rate Limits for Bitbucket Cloud API", bitbucket.org/blog; "Bitbucket Cloud Rate Limit Troubleshooting" KB):
 * - "Rate limits are divided into a one-hour rolling window": a request counts for exactly one hour after it was made.
 * - Authenticated calls are "measured against the user ID" — per user for app passwords and API tokens, per token for
 *   access tokens ("Each access token has its own rate limit allowance"), per consumer for OAuth. Access to repository
 *   data (`/2.0/repositories/*`, the `api` resource group) is limited to 1,000 an hour (scaled up to 10,000 for large
 *   Standard/Premium workspaces); other endpoints are not limited here.
 * - "Anonymous requests are subject to a strict rate limit of 60 requests per hour across all API resources", per IP.
 * - Past the limit: 429 and "Rate limit for this resource has been exceeded." (KB). The body is sent in the error
 *   envelope here; one public client reports it as bare text — unverified which is current.
 * - Requests by access tokens to scaled endpoints carry `X-RateLimit-Limit` (the hourly limit), `X-RateLimit-Resource`
 *   (`api`) and `X-RateLimit-NearLimit` (`true` when little of the budget is left — 20% here, a threshold this emulator
 *   chose); only access tokens get them (Atlassian support, community.atlassian.com "Reqeust limitation", 2026).
 * - Unauthenticated responses carry `x-ratelimit-limit: 60, 60;w=3600`, `x-ratelimit-remaining` and
 *   `x-ratelimit-reset` in seconds remaining, not an epoch (a public client's fixture recorded live).
 * - `Retry-After` on the 429 (seconds until the oldest counted request leaves the window) is not documented by
 *   Atlassian; it is sent here so clients have something to honour. Refused requests are not counted.
 */

const HOUR = 3_600_000;

export interface RateSnapshot {
  limit: number;
  used: number;
  remaining: number;
  /** Seconds until a request is allowed again when `remaining` is 0, else until the oldest request leaves the window. */
  resetSeconds: number;
}

export class RollingLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(private readonly clock: () => number) {}

  private window(key: string): number[] {
    const now = this.clock();
    const kept = (this.hits.get(key) ?? []).filter((t) => now - t < HOUR);
    this.hits.set(key, kept);
    return kept;
  }

  snapshot(key: string, limit: number): RateSnapshot {
    const times = this.window(key);
    const now = this.clock();
    const used = times.length;
    const remaining = Math.max(0, limit - used);
    // When full, the request that frees a slot is the one `used - limit + 1` from the start.
    const pivot = remaining > 0 ? times[0] : times[used - limit];
    const resetSeconds = pivot === undefined ? 0 : Math.max(1, Math.ceil((pivot + HOUR - now) / 1000));
    return { limit, used, remaining, resetSeconds };
  }

  consume(key: string): void {
    this.window(key).push(this.clock());
  }
}
