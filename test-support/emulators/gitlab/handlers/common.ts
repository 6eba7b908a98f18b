/**
 * Helpers shared by the handlers: paged list responses and Rails-style model validation messages.
 *
 * Documented behaviour followed: list endpoints use offset pagination (see ../http.ts); Rails validation messages are
 * "can't be blank", "is too long (maximum is N characters)", "is invalid" (ActiveModel's defaults, seen in GitLab
 * answers such as `{"message":{"title":["can't be blank"]}}`), keyed by attribute, status 400.
 */

import { paginate, validationError } from '../http.js';
import type { HandlerResult, RequestContext } from '../router.js';

export function listResponse<T>(
  ctx: RequestContext,
  items: readonly T[],
  render: (item: T) => unknown,
): HandlerResult {
  const page = paginate(items, ctx.params, ctx.link, ctx.features.paginationCountLimit);
  return { status: 200, body: page.items.map(render), headers: page.headers };
}

/** Counts characters the way Ruby's String#length does (code points, not UTF-16 units). */
export function charLength(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

/** Collects ActiveModel-style errors and throws the 400 when there are any. */
export class ModelErrors {
  private readonly errors: Record<string, string[]> = {};

  add(attribute: string, message: string): void {
    (this.errors[attribute] ??= []).push(message);
  }

  blank(attribute: string, value: string | null | undefined): void {
    if (value === null || value === undefined || value.trim() === '') this.add(attribute, "can't be blank");
  }

  tooLong(attribute: string, value: string | null | undefined, maximum: number): void {
    if (typeof value === 'string' && charLength(value) > maximum)
      this.add(attribute, `is too long (maximum is ${maximum} characters)`);
  }

  throwIfAny(): void {
    if (Object.keys(this.errors).length > 0) throw validationError(this.errors);
  }
}

/** `YYYY-MM-DD` as a real calendar date, or undefined. */
export function isDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
