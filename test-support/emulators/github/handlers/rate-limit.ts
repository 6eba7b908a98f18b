/**
 * `GET /rate_limit`: the caller's rate-limit buckets.
 *
 * Documented behaviour followed (REST docs, "Rate limits for the REST API"): "Calling this endpoint does not count
 * against your primary rate limit, but it can count against your secondary rate limit." `resources.core` is the
 * bucket the x-ratelimit-* headers describe; `rate` repeats it (deprecated, still sent with API version 2022-11-28).
 */

import { DOCS } from '../http.js';
import type { RateSnapshot } from '../limits.js';
import type { PlainRoute, RequestContext } from '../router.js';

/** Built by the emulator, which knows the caller's bucket. */
export function rateLimitRoute(snapshot: (ctx: RequestContext) => RateSnapshot): PlainRoute {
  return {
    method: 'GET',
    template: '/rate_limit',
    docs: DOCS.rateLimit,
    counted: false,
    handler: (ctx) => {
      const core = snapshot(ctx);
      const reset = core.reset;
      const fixed = (limit: number): RateSnapshot => ({ limit, used: 0, remaining: limit, reset });
      return {
        status: 200,
        body: {
          resources: {
            core,
            search: fixed(30),
            graphql: fixed(core.limit),
            integration_manifest: fixed(5000),
            source_import: fixed(100),
            actions_runner_registration: fixed(10000),
            scim: fixed(15000),
            dependency_snapshots: fixed(100),
            code_search: fixed(10),
            code_scanning_autofix: fixed(10),
          },
          rate: core,
        },
      };
    },
  };
}
