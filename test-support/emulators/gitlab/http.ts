/**
 * HTTP vocabulary shared by the layers: the error type handlers throw, GitLab's error bodies, Grape-style parameter
 * validation, offset pagination headers, timestamps and durations.
 *
 * Documented behaviour followed:
 * - Error bodies (lib/api/helpers.rb, lib/api/api.rb in gitlab-org/gitlab): `render_api_error!` answers
 *   `{"message": …}` — "401 Unauthorized", "403 Forbidden", "404 Project Not Found", "404 Group Not Found", and
 *   `{"message":"404 Not found"}` (lower-case f) for a missing record (`rescue_from ActiveRecord::RecordNotFound`);
 *   model validation failures are `{"message": {"field": ["…"]}}` with status 400 (`render_validation_error!`);
 *   Grape parameter errors are `{"error": "title is missing"}` (`rescue_from Grape::Exceptions::Base` → `error!`),
 *   several joined with ", "; an unknown route is `{"error":"404 Not Found"}` (the catch-all `route :any, '*path'`).
 * - Pagination (docs.gitlab.com/api/rest/#pagination; lib/gitlab/pagination/offset_header_builder.rb): `page`
 *   (default 1), `per_page` (default 20, max 100); headers `x-page`, `x-per-page`, `x-total`, `x-total-pages`,
 *   `x-next-page`, `x-prev-page` (the last two are empty strings when there is no such page) and `Link` with
 *   rel="prev" / "next" (when they exist), "first" (always) and "last", in that order. Link URLs are the request URL
 *   with its query rebuilt by Rails' `Hash#to_query` from all params (route `id` and declared defaults included —
 *   e.g. `…/projects/36189/issues?id=36189&order_by=created_at&page=20&per_page=100&scope=all&sort=desc&state=all&
 *   with_labels_details=false`, augurlabs/augur#743): keys sorted, `page` replaced, `per_page` as requested.
 * - "For performance reasons, if a query returns more than 10,000 records, GitLab doesn't return the following
 *   headers: x-total, x-total-pages, rel="last" link" (docs.gitlab.com/user/gitlab_com/#pagination-response-headers;
 *   gitlab-foss!23931). `x-next-page` is still computed.
 * - Timestamps: ISO 8601 UTC with milliseconds (`2016-01-04T15:31:46.176Z`, every docs example).
 * - Durations (doc/api/issues.md "Time tracking"; Gitlab::TimeTrackingFormatter): human input like `3h30m`,
 *   `1w 2d`; 1mo = 4w, 1w = 5d, 1d = 8h; output `3h 30m`, null for zero.
 */

import { isPlainObject } from '../shared/http-utils.js';

export const DOCS = {
  rest: 'https://docs.gitlab.com/api/rest/',
  pagination: 'https://docs.gitlab.com/api/rest/#pagination',
  troubleshooting: 'https://docs.gitlab.com/api/rest/troubleshooting/',
  projects: 'https://docs.gitlab.com/api/projects/#get-a-single-project',
  listIssues: 'https://docs.gitlab.com/api/issues/#list-project-issues',
  singleIssue: 'https://docs.gitlab.com/api/issues/#single-project-issue',
  newIssue: 'https://docs.gitlab.com/api/issues/#new-issue',
  editIssue: 'https://docs.gitlab.com/api/issues/#edit-an-issue',
  timeTracking: 'https://docs.gitlab.com/api/issues/#time-tracking',
  labels: 'https://docs.gitlab.com/api/labels/',
  milestones: 'https://docs.gitlab.com/api/milestones/',
  groupMilestones: 'https://docs.gitlab.com/api/group_milestones/',
  users: 'https://docs.gitlab.com/api/users/#list-users',
  members:
    'https://docs.gitlab.com/api/members/#list-all-members-of-a-group-or-project-including-inherited-and-invited-members',
  rateLimits: 'https://docs.gitlab.com/administration/settings/user_and_ip_rate_limits/#response-headers',
} as const;

/** A response other than the handler's success; thrown anywhere below the pipeline and written as is. */
export class ApiError extends Error {
  readonly status: number;
  readonly body: unknown;
  readonly headers: Record<string, string>;
  /** Text bodies (429 "Retry later") are sent as text/plain. */
  readonly text: boolean;

  constructor(status: number, body: unknown, headers: Record<string, string> = {}, text = false) {
    super(typeof body === 'string' ? body : JSON.stringify(body));
    this.status = status;
    this.body = body;
    this.headers = headers;
    this.text = text;
  }
}

/** `render_api_error!`: `{"message": …}`. */
export function messageError(status: number, message: unknown): ApiError {
  return new ApiError(status, { message });
}

export const unauthorized = (): ApiError => messageError(401, '401 Unauthorized');
export const forbidden = (): ApiError => messageError(403, '403 Forbidden');
/** `not_found!('Project')` → "404 Project Not Found"; without a resource "404 Not Found". */
export const notFound = (resource?: string): ApiError =>
  messageError(404, resource ? `404 ${resource} Not Found` : '404 Not Found');
/** `ActiveRecord::RecordNotFound`, e.g. an issue iid that does not exist. */
export const recordNotFound = (): ApiError => messageError(404, '404 Not found');
/** `render_validation_error!`: 400 `{"message": {"field": ["…"]}}`. */
export const validationError = (errors: Record<string, string[]>): ApiError => messageError(400, errors);
/** Grape's `error!`: `{"error": "…"}`. */
export const grapeError = (status: number, error: string): ApiError => new ApiError(status, { error });

/** ISO 8601, UTC, millisecond precision, like every GitLab timestamp. */
export function isoMillis(ms: number): string {
  return new Date(ms).toISOString();
}

// ---- Grape-style parameters ------------------------------------------------------------------------------------

/** Query, form and JSON parameters merged the way Grape sees them (route params win). */
export type Params = Record<string, unknown>;

export type ParamType = 'string' | 'integer' | 'boolean' | 'datetime' | 'integer[]' | 'string[]';

export interface ParamSpec {
  name: string;
  type: ParamType;
  required?: boolean;
  values?: readonly string[];
  /** Inclusive lower bound for integers (Grape `values: 0..`). */
  min?: number;
  /** Used in pagination links (Grape merges declared defaults into params). */
  default?: string | number | boolean;
}

export interface ParamRules {
  specs: readonly ParamSpec[];
  /** Grape `at_least_one_of`. */
  atLeastOneOf?: readonly string[];
}

const has = (params: Params, key: string): boolean => Object.prototype.hasOwnProperty.call(params, key);

function coerceInteger(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value.trim());
  return undefined;
}

function coerceBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === '1' || value === 1) return true;
  if (value === 'false' || value === '0' || value === 0) return false;
  return undefined;
}

/** `CommaSeparatedToArray`: an array, or a string split on commas (blank entries dropped). */
export function commaList(value: unknown): string[] | undefined {
  if (Array.isArray(value)) {
    if (!value.every((v) => typeof v === 'string' || typeof v === 'number')) return undefined;
    return value
      .flatMap((v) => String(v).split(','))
      .map((v) => v.trim())
      .filter((v) => v !== '');
  }
  if (typeof value === 'string')
    return value
      .split(',')
      .map((v) => v.trim())
      .filter((v) => v !== '');
  if (typeof value === 'number') return [String(value)];
  return undefined;
}

export function parseTimestamp(value: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(value))
    return undefined;
  const ms = Date.parse(value.replace(' ', 'T'));
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * Validates and coerces like Grape: every failure is collected ("title is missing", "milestone_id is invalid",
 * "state_event does not have a valid value"), joined by ", " into one 400 `{"error"}`. Returns the coerced values of
 * the declared params that were sent; declared defaults are filled in for the pagination links.
 */
export function validateParams(params: Params, rules: ParamRules): Params {
  const errors: string[] = [];
  const out: Params = {};
  for (const spec of rules.specs) {
    const present = has(params, spec.name) && params[spec.name] !== undefined;
    if (!present) {
      if (spec.required) errors.push(`${spec.name} is missing`);
      continue;
    }
    const raw = params[spec.name];
    let value: unknown;
    switch (spec.type) {
      case 'string':
        value =
          raw === null
            ? null
            : typeof raw === 'string'
              ? raw
              : typeof raw === 'number'
                ? String(raw)
                : undefined;
        break;
      case 'integer':
        value = raw === null || raw === '' ? null : coerceInteger(raw);
        break;
      case 'boolean':
        value = coerceBoolean(raw);
        break;
      case 'datetime':
        value = typeof raw === 'string' ? parseTimestamp(raw) : undefined;
        break;
      case 'integer[]': {
        const list = raw === null ? [] : commaList(raw);
        const ints = list?.map((v) => coerceInteger(v));
        value = ints && ints.every((v) => v !== undefined) ? ints : undefined;
        break;
      }
      case 'string[]':
        value = raw === null ? [] : commaList(raw);
        break;
    }
    if (value === undefined) {
      errors.push(`${spec.name} is invalid`);
      continue;
    }
    if (spec.values && typeof value === 'string' && !spec.values.includes(value)) {
      errors.push(`${spec.name} does not have a valid value`);
      continue;
    }
    if (spec.min !== undefined && typeof value === 'number' && value < spec.min) {
      errors.push(`${spec.name} does not have a valid value`);
      continue;
    }
    out[spec.name] = value;
  }
  if (rules.atLeastOneOf && !rules.atLeastOneOf.some((name) => has(params, name))) {
    errors.push(`${rules.atLeastOneOf.join(', ')} are missing, at least one parameter must be provided`);
  }
  if (errors.length > 0) throw grapeError(400, errors.join(', '));
  return out;
}

export const PAGINATION_SPECS: readonly ParamSpec[] = [
  { name: 'page', type: 'integer', default: 1 },
  { name: 'per_page', type: 'integer', default: 20 },
];

// ---- offset pagination -----------------------------------------------------------------------------------------

export interface LinkContext {
  /** `http://host:port/api/v4/projects/group%2Fproject/issues`: the request URL without its query, path as sent. */
  base: string;
  /** Every param as Grape sees it (route id, declared defaults, sent values), for the Link query. */
  params: Params;
}

/** Rails' `Hash#to_query`: keys sorted, arrays as `key[]=v`, CGI escaping (space as +). */
export function toQuery(params: Params): string {
  const parts: string[] = [];
  const esc = (s: string): string =>
    encodeURIComponent(s)
      .replace(/%20/g, '+')
      .replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  for (const key of Object.keys(params).sort()) {
    const value = params[key];
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      for (const item of value) parts.push(`${esc(`${key}[]`)}=${esc(String(item))}`);
    } else if (value === null) {
      parts.push(`${esc(key)}=`);
    } else if (!isPlainObject(value)) {
      parts.push(`${esc(key)}=${esc(String(value))}`);
    }
  }
  return parts.join('&');
}

export interface PageResult<T> {
  items: T[];
  headers: Record<string, string>;
}

/**
 * Slices a page and builds GitLab's pagination headers. `countLimit`: above it the totals and rel="last" go away.
 * `page` beyond the last page gives an empty list with no prev/next (Kaminari `out_of_range?`).
 */
export function paginate<T>(
  items: readonly T[],
  params: Params,
  link: LinkContext,
  countLimit: number,
): PageResult<T> {
  const requestedPerPage = typeof params['per_page'] === 'number' ? params['per_page'] : 20;
  const perPage = requestedPerPage >= 1 ? Math.min(requestedPerPage, 100) : 20;
  const page = typeof params['page'] === 'number' && params['page'] >= 1 ? params['page'] : 1;
  const total = items.length;
  const withoutCount = total > countLimit;
  const totalPages = Math.max(1, Math.ceil(total / perPage));
  const slice = items.slice((page - 1) * perPage, page * perPage);
  const outOfRange = page > totalPages;
  const next = !outOfRange && page * perPage < total ? page + 1 : undefined;
  const prev = page > 1 && !outOfRange ? page - 1 : undefined;
  const href = (n: number): string => {
    const query = toQuery({ ...link.params, page: n, per_page: link.params['per_page'] ?? requestedPerPage });
    return `<${link.base}?${query}>`;
  };
  const links: string[] = [];
  if (prev !== undefined) links.push(`${href(prev)}; rel="prev"`);
  if (next !== undefined) links.push(`${href(next)}; rel="next"`);
  links.push(`${href(1)}; rel="first"`);
  if (!withoutCount) links.push(`${href(totalPages)}; rel="last"`);
  const headers: Record<string, string> = {
    'x-per-page': String(perPage),
    'x-page': String(page),
    'x-next-page': next === undefined ? '' : String(next),
    'x-prev-page': prev === undefined ? '' : String(prev),
    link: links.join(', '),
  };
  if (!withoutCount) {
    headers['x-total'] = String(total);
    headers['x-total-pages'] = String(totalPages);
  }
  return { items: slice, headers };
}

// ---- time tracking ---------------------------------------------------------------------------------------------

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 8 * HOUR;
const WEEK = 5 * DAY;
const MONTH = 4 * WEEK;
const UNITS: ReadonlyArray<[string, number]> = [
  ['mo', MONTH],
  ['w', WEEK],
  ['d', DAY],
  ['h', HOUR],
  ['m', MINUTE],
  ['s', 1],
];

/** `Gitlab::TimeTrackingFormatter.parse`: `3h30m`, `1w 2d`, `-1h` (spent time may be negative); undefined if invalid. */
export function parseDuration(text: string): number | undefined {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === '') return undefined;
  const negative = trimmed.startsWith('-');
  const body = negative ? trimmed.slice(1) : trimmed;
  if (/^\d+$/.test(body)) return (negative ? -1 : 1) * Number(body) * HOUR; // a bare number means hours
  const pattern = /(\d+(?:\.\d+)?)\s*(mo|months?|w|weeks?|d|days?|h|hours?|m|minutes?|s|seconds?)\s*/gy;
  let total = 0;
  let consumed = 0;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(body)) !== null) {
    const amount = Number(match[1]);
    const unit = match[2] ?? '';
    const seconds = unit.startsWith('mo')
      ? MONTH
      : unit.startsWith('w')
        ? WEEK
        : unit.startsWith('d')
          ? DAY
          : unit.startsWith('h')
            ? HOUR
            : unit.startsWith('m')
              ? MINUTE
              : 1;
    total += amount * seconds;
    consumed = pattern.lastIndex;
  }
  if (consumed !== body.length || consumed === 0) return undefined;
  return (negative ? -1 : 1) * Math.round(total);
}

/** `Gitlab::TimeTrackingFormatter.output`: `3h 30m`, `1w 2d`, null for 0. */
export function formatDuration(seconds: number): string | null {
  if (seconds === 0) return null;
  const negative = seconds < 0;
  let rest = Math.abs(seconds);
  const parts: string[] = [];
  for (const [unit, size] of UNITS) {
    const amount = Math.floor(rest / size);
    if (amount > 0) {
      parts.push(`${amount}${unit}`);
      rest -= amount * size;
    }
  }
  return `${negative ? '-' : ''}${parts.join(' ')}`;
}
