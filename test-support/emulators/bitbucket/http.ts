/**
 * HTTP vocabulary shared by the layers: the error type handlers throw, Bitbucket's error envelope, timestamps and paging.
 *
 * Documented and observed behaviour followed:
 * - Every error body is `{"type": "error", "error": {"message": …, "detail"?: …, "fields"?: …}}` (swagger component
 *   `error`, dac-static.atlassian.com/cloud/bitbucket/swagger.v3.json; the `fields` map of a 400 is not in the swagger
 *   but is what Bitbucket sends, e.g. `{"type": "error", "error": {"fields": {"name": ["You already have a repository
 *   with this name."]}, "message": "Repository with this Slug and Owner already exists."}}` quoted in public migration
 *   scripts).
 * - Timestamps are ISO 8601 with microseconds and an explicit offset: `2018-03-03T00:35:28.353630+00:00` (swagger
 *   examples, e.g. the issue-changes example).
 * - Paging ("Pagination" in developer.atlassian.com/cloud/bitbucket/rest/intro): an envelope
 *   `{size, page, pagelen, next, previous, values}`; `next`/`previous` are absolute URLs and only present when such a
 *   page exists ("The last page of a collection does not have this value"); `pagelen` defaults to 10 and is at most
 *   100 globally, "individual APIs may enforce different values" (pull requests stop at 50 with
 *   `{"type":"error","error":{"message":"Invalid pagelen"}}`, jenkinsci/bitbucket-branch-source-plugin#1182, 2026).
 *   A pagelen of 0 is accepted and a negative one is "Invalid pagelen" (codacy/bitbucket-scala-client#53).
 * - A page past the end: 404 `Invalid page` here — unverified, Bitbucket's exact answer was not found.
 */

export const DOCS = {
  api: 'https://developer.atlassian.com/bitbucket/api/2/reference/',
  auth: 'https://developer.atlassian.com/cloud/bitbucket/rest/intro/#authentication',
} as const;

/** A response other than the handler's success; thrown anywhere below the pipeline and written as is. */
export class ApiError extends Error {
  readonly status: number;
  /** A JSON value, or a string sent as text/plain. */
  readonly body: unknown;
  readonly headers: Record<string, string>;

  constructor(status: number, body: unknown, headers: Record<string, string> = {}) {
    const message =
      typeof body === 'string'
        ? body
        : ((body as { error?: { message?: string } } | undefined)?.error?.message ?? `HTTP ${status}`);
    super(message);
    this.status = status;
    this.body = body;
    this.headers = headers;
  }
}

export interface ErrorDetail {
  detail?: unknown;
  fields?: Record<string, string[]>;
  data?: Record<string, unknown>;
}

/** `{"type": "error", "error": {"message": …, …}}`. */
export function errorBody(message: string, extra: ErrorDetail = {}): Record<string, unknown> {
  const error: Record<string, unknown> = { message };
  if (extra.fields !== undefined) error['fields'] = extra.fields;
  if (extra.detail !== undefined) error['detail'] = extra.detail;
  if (extra.data !== undefined) error['data'] = extra.data;
  return { type: 'error', error };
}

export function apiError(status: number, message: string, extra: ErrorDetail = {}): ApiError {
  return new ApiError(status, errorBody(message, extra));
}

/** The 400 of a rejected issue write: one list of messages per field. */
export function badRequest(fields: Record<string, string[]>): ApiError {
  return apiError(400, 'Bad request', { fields });
}

/** Bitbucket's timestamp format: microseconds and `+00:00`. */
export function bbTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000+00:00');
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function has(body: Record<string, unknown>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(body, key);
}

export interface PageRequest {
  page: number;
  pagelen: number;
}

/** Reads `page` and `pagelen`, throwing Bitbucket's 400s for values it refuses. */
export function pageRequest(
  query: Record<string, string>,
  limits: { defaultLen: number; maxLen: number },
): PageRequest {
  let pagelen = limits.defaultLen;
  const rawLen = query['pagelen'];
  if (rawLen !== undefined) {
    if (!/^-?\d+$/.test(rawLen.trim())) throw apiError(400, 'Invalid pagelen');
    const value = Number.parseInt(rawLen, 10);
    if (value < 0 || value > limits.maxLen) throw apiError(400, 'Invalid pagelen');
    if (value > 0) pagelen = value;
  }
  let page = 1;
  const rawPage = query['page'];
  if (rawPage !== undefined) {
    if (!/^\d+$/.test(rawPage.trim()) || Number.parseInt(rawPage, 10) < 1)
      throw apiError(400, 'Invalid page');
    page = Number.parseInt(rawPage, 10);
  }
  return { page, pagelen };
}

/**
 * One page of `items` in Bitbucket's envelope. `pageUrl` is the absolute URL of this collection with the request's
 * query string; `next` and `previous` keep every parameter and replace `page`.
 */
export function paginate<T, J>(
  items: readonly T[],
  request: PageRequest,
  pageUrl: URL,
  render: (item: T) => J,
): { size: number; page: number; pagelen: number; next?: string; previous?: string; values: J[] } {
  const { page, pagelen } = request;
  const lastPage = Math.max(1, Math.ceil(items.length / pagelen));
  if (page > lastPage) throw apiError(404, 'Invalid page');
  const values = items.slice((page - 1) * pagelen, page * pagelen).map(render);
  const link = (n: number): string => {
    const url = new URL(pageUrl.href);
    url.searchParams.set('page', String(n));
    return url.href;
  };
  const envelope: {
    size: number;
    page: number;
    pagelen: number;
    next?: string;
    previous?: string;
    values: J[];
  } = { size: items.length, page, pagelen, values };
  if (page < lastPage) envelope.next = link(page + 1);
  if (page > 1) envelope.previous = link(page - 1);
  return envelope;
}

/** A tiny Markdown rendering for `content.html`: escaped paragraphs (Bitbucket's renderer does far more). */
export function renderMarkdown(raw: string): string {
  const escape = (text: string): string =>
    text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return raw
    .split(/\n{2,}/)
    .map((block) => block.trim())
    .filter((block) => block !== '')
    .map((block) => `<p>${escape(block).replace(/\n/g, '<br>\n')}</p>`)
    .join('\n');
}
