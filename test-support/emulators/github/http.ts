/** HTTP vocabulary shared by the layers: the error type handlers throw, GitHub's error bodies, pagination, ETags and time. */

import { createHash } from 'node:crypto';

export const API_VERSION = '2022-11-28';

/** Where GitHub's error bodies point; the anchors are the ones its docs use. */
export const DOCS = {
  root: 'https://docs.github.com/rest',
  getRepo: 'https://docs.github.com/rest/repos/repos#get-a-repository',
  listIssues: 'https://docs.github.com/rest/issues/issues#list-repository-issues',
  createIssue: 'https://docs.github.com/rest/issues/issues#create-an-issue',
  getIssue: 'https://docs.github.com/rest/issues/issues#get-an-issue',
  updateIssue: 'https://docs.github.com/rest/issues/issues#update-an-issue',
  listLabels: 'https://docs.github.com/rest/issues/labels#list-labels-for-a-repository',
  createLabel: 'https://docs.github.com/rest/issues/labels#create-a-label',
  updateLabel: 'https://docs.github.com/rest/issues/labels#update-a-label',
  listMilestones: 'https://docs.github.com/rest/issues/milestones#list-milestones',
  createMilestone: 'https://docs.github.com/rest/issues/milestones#create-a-milestone',
  updateMilestone: 'https://docs.github.com/rest/issues/milestones#update-a-milestone',
  listAssignees: 'https://docs.github.com/rest/issues/assignees#list-assignees',
  checkAssignee: 'https://docs.github.com/rest/issues/assignees#check-if-a-user-can-be-assigned',
  rateLimit:
    'https://docs.github.com/rest/rate-limit/rate-limit#get-rate-limit-status-for-the-authenticated-user',
  primaryLimit: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
  secondaryLimit:
    'https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
  issuesDisabled: 'https://docs.github.com/v3/issues/',
} as const;

export interface ValidationErrorItem {
  resource: string;
  code: 'missing' | 'missing_field' | 'invalid' | 'already_exists' | 'unprocessable' | 'custom';
  field: string;
  value?: string | number | string[] | null;
  message?: string;
}

/** A response other than the handler's success; thrown anywhere below the pipeline and written as is. */
export class ApiError extends Error {
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(status: number, body: Record<string, unknown>, headers: Record<string, string> = {}) {
    super(typeof body['message'] === 'string' ? body['message'] : `HTTP ${status}`);
    this.status = status;
    this.body = body;
    this.headers = headers;
  }
}

/** `{"message", "documentation_url", "status"}`: the basic-error shape GitHub answers with today. */
export function basicError(
  status: number,
  message: string,
  documentationUrl: string,
): Record<string, unknown> {
  return { message, documentation_url: documentationUrl, status: String(status) };
}

export function notFound(documentationUrl: string = DOCS.root): ApiError {
  return new ApiError(404, basicError(404, 'Not Found', documentationUrl));
}

export function validationFailed(errors: ValidationErrorItem[], documentationUrl: string): ApiError {
  return new ApiError(422, {
    message: 'Validation Failed',
    errors,
    documentation_url: documentationUrl,
    status: '422',
  });
}

/** GitHub's schema-level rejection (wrong JSON type), e.g. `For 'properties/body', false is not a string or null.` */
export function invalidRequest(
  property: string,
  value: unknown,
  expected: string,
  documentationUrl: string,
): ApiError {
  return new ApiError(
    422,
    basicError(
      422,
      `Invalid request.\n\nFor 'properties/${property}', ${rubyInspect(value)} is not ${expected}.`,
      documentationUrl,
    ),
  );
}

/** Renders a JSON value the way GitHub's Ruby validator quotes it in messages (nil, =>). */
export function rubyInspect(value: unknown): string {
  if (value === null || value === undefined) return 'nil';
  if (Array.isArray(value)) return `[${value.map(rubyInspect).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).map(
      ([k, v]) => `${JSON.stringify(k)}=>${rubyInspect(v)}`,
    );
    return `{${entries.join(', ')}}`;
  }
  return JSON.stringify(value);
}

/** Counts characters the way GitHub's length limits do (code points, not UTF-16 units). */
export function charLength(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

/** GitHub's timestamp format: ISO 8601, UTC, second precision. */
export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A weak validator over what the caller sees: the body and the credentials it was served to (GitHub varies on Authorization). */
export function weakEtag(body: string, authKey: string): string {
  return `W/"${createHash('sha256').update(authKey).update('\n').update(body).digest('hex')}"`;
}

/** True when an If-None-Match header names the ETag (weak comparison, lists and `*` allowed). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const strip = (tag: string): string => tag.trim().replace(/^W\//, '');
  const wanted = strip(etag);
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || strip(tag) === wanted);
}

export interface PageRequest {
  perPage: number;
  page: number;
}

/** per_page defaults to 30 and is clamped to 100; page defaults to 1 (GitHub ignores values it cannot use). */
export function pageRequest(query: Record<string, string>): PageRequest {
  const perPageRaw = Number.parseInt(query['per_page'] ?? '', 10);
  const pageRaw = Number.parseInt(query['page'] ?? '', 10);
  const perPage = Number.isFinite(perPageRaw) && perPageRaw >= 1 ? Math.min(perPageRaw, 100) : 30;
  const page = Number.isFinite(pageRaw) && pageRaw >= 1 ? pageRaw : 1;
  return { perPage, page };
}

export interface LinkContext {
  /** `http://host[:port][/api/v3]`, from the request's Host header. */
  apiBase: string;
  /** Query of the request, in order, as received. */
  rawQuery: URLSearchParams;
}

/**
 * Slices one page and builds GitHub's Link header: `rel="prev"`, `"next"`, `"last"`, `"first"`, in that order, each
 * present only when it makes sense, with the request's other query parameters kept and `page` last.
 */
export function paginate<T>(
  items: readonly T[],
  request: PageRequest,
  path: string,
  link: LinkContext,
): { page: T[]; link?: string } {
  const { perPage, page } = request;
  const lastPage = Math.max(1, Math.ceil(items.length / perPage));
  const slice = items.slice((page - 1) * perPage, page * perPage);
  const url = (n: number): string => {
    const params = new URLSearchParams();
    for (const [key, value] of link.rawQuery) if (key !== 'page') params.append(key, value);
    params.append('page', String(n));
    return `<${link.apiBase}${path}?${params.toString()}>`;
  };
  const parts: string[] = [];
  if (page > 1) parts.push(`${url(Math.min(page - 1, lastPage))}; rel="prev"`);
  if (page < lastPage) {
    parts.push(`${url(page + 1)}; rel="next"`);
    parts.push(`${url(lastPage)}; rel="last"`);
  }
  if (page > 1) parts.push(`${url(1)}; rel="first"`);
  return parts.length > 0 ? { page: slice, link: parts.join(', ') } : { page: slice };
}

/** `{ link }` when there is a Link header to send, `{}` otherwise. */
export function linkHeaders(link: string | undefined): Record<string, string> {
  return link === undefined ? {} : { link };
}

/** A request id in GitHub's `XXXX:XXXX:XXXXXX:XXXXXXX:XXXXXXXX` shape. */
export function requestId(sequence: number): string {
  const hex = (n: number, width: number): string => n.toString(16).toUpperCase().padStart(width, '0');
  return `${hex(0xe1a7, 4)}:${hex(sequence % 0xffff, 4)}:${hex(sequence * 7919, 6)}:${hex(sequence * 104729, 7)}:${hex(
    Math.floor(Date.now() / 1000),
    8,
  )}`;
}
