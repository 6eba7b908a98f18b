/** Request-body and query helpers shared by the handlers, failing the way Bitbucket's issue tracker does. */

import { apiError, isPlainObject } from '../http.js';

/** The body as an object; anything else (absent included, for a write) is a 400. */
export function objectBody(body: unknown): Record<string, unknown> {
  if (!isPlainObject(body)) throw apiError(400, 'Bad request', { detail: 'Expected a JSON object.' });
  return body;
}

/** Default and largest `pagelen` of the issue-tracker collections (the documented global values). */
export const TRACKER_PAGES = { defaultLen: 10, maxLen: 100 } as const;
