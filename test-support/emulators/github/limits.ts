/**
 * Primary and secondary rate limits, on an injectable clock.
 *
 * Documented behaviour followed (GitHub docs, "Rate limits for the REST API", "Best practices for using the REST API"):
 * - Every response carries x-ratelimit-limit, -remaining, -used, -reset (UTC epoch seconds) and -resource.
 * - Authenticated tokens get 5,000 requests an hour (configurable here); anonymous callers 60 an hour, per IP.
 *   The window is fixed: it starts with the first counted request and resets an hour later.
 * - Past the primary limit: 403 (GitHub says "403 or 429"; we use 403, which is what GitHub Apps see) with
 *   x-ratelimit-remaining: 0 and "API rate limit exceeded for installation ID …" (bots) / "… for user ID …" (users).
 *   The refused request is not counted.
 * - "Making a conditional request does not count against your primary rate limit if a 304 response is returned";
 *   `GET /rate_limit` does not count either.
 * - Secondary limits: "no more than 80 content-generating requests per minute and no more than 500 content-generating
 *   requests per hour". Past them: 403 with "You have exceeded a secondary rate limit…" and, here always, a
 *   `retry-after` header (seconds until the oldest counted creation leaves its window). Only requests that created
 *   something count (a 422 created nothing).
 */

export interface RateSnapshot {
  limit: number;
  remaining: number;
  used: number;
  /** UTC epoch seconds. */
  reset: number;
}

const HOUR = 3_600_000;
const MINUTE = 60_000;

interface Window {
  startedAt: number;
  used: number;
}

export class PrimaryLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly clock: () => number) {}

  private window(key: string): Window {
    const now = this.clock();
    let window = this.windows.get(key);
    if (!window || now >= window.startedAt + HOUR) {
      window = { startedAt: now, used: 0 };
      this.windows.set(key, window);
    }
    return window;
  }

  snapshot(key: string, limit: number): RateSnapshot {
    const window = this.window(key);
    return {
      limit,
      used: window.used,
      remaining: Math.max(0, limit - window.used),
      reset: Math.ceil((window.startedAt + HOUR) / 1000),
    };
  }

  consume(key: string): void {
    this.window(key).used += 1;
  }
}

export class SecondaryLimiter {
  private readonly creations = new Map<string, number[]>();

  constructor(
    private readonly clock: () => number,
    private readonly limits: { perMinute: number; perHour: number } | false,
  ) {}

  /** Seconds to wait before another content-creating request is allowed; 0 when one is allowed now. */
  retryAfter(key: string): number {
    if (this.limits === false) return 0;
    const now = this.clock();
    const times = (this.creations.get(key) ?? []).filter((t) => now - t < HOUR);
    this.creations.set(key, times);
    const inMinute = times.filter((t) => now - t < MINUTE);
    let waitMs = 0;
    if (inMinute.length >= this.limits.perMinute) {
      const oldest = inMinute[inMinute.length - this.limits.perMinute];
      if (oldest !== undefined) waitMs = Math.max(waitMs, oldest + MINUTE - now);
    }
    if (times.length >= this.limits.perHour) {
      const oldest = times[times.length - this.limits.perHour];
      if (oldest !== undefined) waitMs = Math.max(waitMs, oldest + HOUR - now);
    }
    return waitMs > 0 ? Math.max(1, Math.ceil(waitMs / 1000)) : 0;
  }

  record(key: string): void {
    if (this.limits === false) return;
    const times = this.creations.get(key) ?? [];
    times.push(this.clock());
    this.creations.set(key, times);
  }
}
