/** Small node:http helpers shared by the platform emulators. */

import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

/** Parsed JSON when the text parses, the raw text otherwise, undefined when empty. */
export function parseMaybeJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A weak validator over what the caller sees: the body and the credentials it was served to. */
export function weakEtag(body: string, authKey: string): string {
  return `W/"${createHash('sha256').update(authKey).update('\n').update(body).digest('hex').slice(0, 32)}"`;
}

/** True when an If-None-Match header names the ETag (weak comparison, lists and `*` allowed). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const strip = (tag: string): string => tag.trim().replace(/^W\//, '');
  const wanted = strip(etag);
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || strip(tag) === wanted);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
