/** Request-body checks shared by the handlers, failing the way GitHub's schema validation does. */

import { ApiError, basicError, invalidRequest, isPlainObject } from '../http.js';

/** The body as an object; GitHub answers 400 "Body should be a JSON object" to anything else (absent means `{}`). */
export function objectBody(body: unknown, docs: string): Record<string, unknown> {
  if (body === undefined) return {};
  if (!isPlainObject(body)) throw new ApiError(400, basicError(400, 'Body should be a JSON object', docs));
  return body;
}

export function has(body: Record<string, unknown>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(body, key);
}

/** A string (or null when `nullable`), or GitHub's "Invalid request" 422 naming the property. */
export function optionalString(
  body: Record<string, unknown>,
  key: string,
  docs: string,
  nullable = false,
): string | null | undefined {
  if (!has(body, key)) return undefined;
  const value = body[key];
  if (typeof value === 'string') return value;
  if (value === null && nullable) return null;
  throw invalidRequest(key, value, nullable ? 'a string or null' : 'a string', docs);
}

/** An array whose items pass `item`; "Invalid request" otherwise. */
export function optionalArray<T>(
  body: Record<string, unknown>,
  key: string,
  docs: string,
  item: (value: unknown) => T | undefined,
  itemDescription: string,
): T[] | undefined {
  if (!has(body, key)) return undefined;
  const value = body[key];
  if (!Array.isArray(value)) throw invalidRequest(key, value, 'an array', docs);
  return value.map((entry, index) => {
    const parsed = item(entry);
    if (parsed === undefined) throw invalidRequest(`${key}/items/${index}`, entry, itemDescription, docs);
    return parsed;
  });
}

export function parseTimestamp(value: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(value))
    return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}
