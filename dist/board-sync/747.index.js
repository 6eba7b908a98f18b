export const id = 747;
export const ids = [747];
export const modules = {

/***/ 5407:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

var map = {
	"./BurstyRateLimiter": [
		5860
	],
	"./BurstyRateLimiter.js": [
		5860
	],
	"./ExpressBruteFlexible": [
		3966,
		966
	],
	"./ExpressBruteFlexible.js": [
		3966,
		966
	],
	"./RLWrapperBlackAndWhite": [
		7383
	],
	"./RLWrapperBlackAndWhite.js": [
		7383
	],
	"./RLWrapperTimeouts": [
		4016
	],
	"./RLWrapperTimeouts.js": [
		4016
	],
	"./RateLimiterAbstract": [
		8569
	],
	"./RateLimiterAbstract.js": [
		8569
	],
	"./RateLimiterCluster": [
		565
	],
	"./RateLimiterCluster.js": [
		565
	],
	"./RateLimiterDrizzle": [
		673
	],
	"./RateLimiterDrizzle.js": [
		673
	],
	"./RateLimiterDrizzleNonAtomic": [
		5347
	],
	"./RateLimiterDrizzleNonAtomic.js": [
		5347
	],
	"./RateLimiterDynamo": [
		2309
	],
	"./RateLimiterDynamo.js": [
		2309
	],
	"./RateLimiterEtcd": [
		6481
	],
	"./RateLimiterEtcd.js": [
		6481
	],
	"./RateLimiterEtcdNonAtomic": [
		5299
	],
	"./RateLimiterEtcdNonAtomic.js": [
		5299
	],
	"./RateLimiterInsuredAbstract": [
		3847
	],
	"./RateLimiterInsuredAbstract.js": [
		3847
	],
	"./RateLimiterMemcache": [
		3250
	],
	"./RateLimiterMemcache.js": [
		3250
	],
	"./RateLimiterMemory": [
		4544
	],
	"./RateLimiterMemory.js": [
		4544
	],
	"./RateLimiterMongo": [
		8439
	],
	"./RateLimiterMongo.js": [
		8439
	],
	"./RateLimiterMySQL": [
		7793
	],
	"./RateLimiterMySQL.js": [
		7793
	],
	"./RateLimiterPostgres": [
		3740
	],
	"./RateLimiterPostgres.js": [
		3740
	],
	"./RateLimiterPrisma": [
		6323
	],
	"./RateLimiterPrisma.js": [
		6323
	],
	"./RateLimiterQueue": [
		2860
	],
	"./RateLimiterQueue.js": [
		2860
	],
	"./RateLimiterRedis": [
		4336
	],
	"./RateLimiterRedis.js": [
		4336
	],
	"./RateLimiterRes": [
		449
	],
	"./RateLimiterRes.js": [
		449
	],
	"./RateLimiterSQLite": [
		3283
	],
	"./RateLimiterSQLite.js": [
		3283
	],
	"./RateLimiterStoreAbstract": [
		5140
	],
	"./RateLimiterStoreAbstract.js": [
		5140
	],
	"./RateLimiterUnion": [
		244
	],
	"./RateLimiterUnion.js": [
		244
	],
	"./RateLimiterValkey": [
		2193
	],
	"./RateLimiterValkey.js": [
		2193
	],
	"./RateLimiterValkeyGlide": [
		3756
	],
	"./RateLimiterValkeyGlide.js": [
		3756
	],
	"./component/BlockedKeys": [
		8830
	],
	"./component/BlockedKeys/": [
		8830
	],
	"./component/BlockedKeys/BlockedKeys": [
		5202
	],
	"./component/BlockedKeys/BlockedKeys.js": [
		5202
	],
	"./component/BlockedKeys/index": [
		8830
	],
	"./component/BlockedKeys/index.js": [
		8830
	],
	"./component/MemoryStorage": [
		8178,
		178
	],
	"./component/MemoryStorage/": [
		8178,
		178
	],
	"./component/MemoryStorage/MemoryStorage": [
		1534
	],
	"./component/MemoryStorage/MemoryStorage.js": [
		1534
	],
	"./component/MemoryStorage/Record": [
		749
	],
	"./component/MemoryStorage/Record.js": [
		749
	],
	"./component/MemoryStorage/index": [
		8178,
		178
	],
	"./component/MemoryStorage/index.js": [
		8178,
		178
	],
	"./component/RateLimiterEtcdTransactionFailedError": [
		3184
	],
	"./component/RateLimiterEtcdTransactionFailedError.js": [
		3184
	],
	"./component/RateLimiterQueueError": [
		7948
	],
	"./component/RateLimiterQueueError.js": [
		7948
	],
	"./component/RateLimiterSetupError": [
		2922
	],
	"./component/RateLimiterSetupError.js": [
		2922
	],
	"./constants": [
		3880,
		880
	],
	"./constants.js": [
		3880,
		880
	]
};
function webpackAsyncContext(req) {
	if(!__webpack_require__.o(map, req)) {
		return Promise.resolve().then(() => {
			var e = new Error("Cannot find module '" + req + "'");
			e.code = 'MODULE_NOT_FOUND';
			throw e;
		});
	}

	var ids = map[req], id = ids[0];
	return Promise.all(ids.slice(1).map(__webpack_require__.e)).then(() => {
		return __webpack_require__.t(id, 7 | 16);
	});
}
webpackAsyncContext.keys = () => (Object.keys(map));
webpackAsyncContext.id = 5407;
module.exports = webpackAsyncContext;

/***/ }),

/***/ 6721:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Op: () => (/* binding */ isInsufficientScope),
/* harmony export */   Oq: () => (/* binding */ notFoundKind),
/* harmony export */   VY: () => (/* binding */ GitLabResponseError),
/* harmony export */   cX: () => (/* binding */ GitLabConnectionError),
/* harmony export */   createGitLabClient: () => (/* binding */ createGitLabClient),
/* harmony export */   httpStatus: () => (/* binding */ httpStatus),
/* harmony export */   toCatalogueError: () => (/* binding */ toCatalogueError)
/* harmony export */ });
/* unused harmony exports gitlabHost, describeBody */
/* harmony import */ var _gitbeaker_rest__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(342);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7406);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(551);
/**
 * The one gitbeaker client for GitLab: transport, retries, pacing, timeouts and request counting live here, not at
 * call sites.
 *
 * gitbeaker's resource classes (Issues, ProjectLabels, …) build the endpoints, encode project paths and follow
 * `rel="next"` Link headers; its built-in requester is replaced (gitbeaker's documented `requesterFn` option) because
 * it cannot do what a sync needs:
 * - it calls the global `fetch` with no hook, so requests cannot be counted and the Date header cannot be read;
 * - it retries 429 and 502 ten times with sub-millisecond back-offs that ignore Retry-After — POSTs included, so a 502
 *   from a proxy after GitLab created an issue would create it again — then throws a GitbeakerRetryError that carries
 *   neither status nor headers;
 * - its `queryTimeout` is one AbortSignal for a whole paginated listing, not a per-request timeout.
 * Wrapping the global `fetch` instead would change it for everything else in the process.
 */



/** GitLab answered with an error status. `status` is what the engine's ambiguity check reads on `cause`. */
class GitLabResponseError extends Error {
    status;
    headers;
    /** The parsed JSON body, or its text. */
    body;
    /** GitLab's own words: the `error` field, else `message` (field errors flattened), else the text. */
    description;
    constructor(method, path, status, headers, body) {
        const description = describeBody(body);
        super(`${method} ${path} answered ${status}: ${description}`);
        this.name = 'GitLabResponseError';
        this.status = status;
        this.headers = headers;
        this.body = body;
        this.description = description;
    }
}
/**
 * The request failed before a complete answer (connection refused or reset, timeout, body cut off): whether a write
 * landed is unknown. Deliberately without a `status`.
 */
class GitLabConnectionError extends Error {
    timedOut;
    constructor(method, path, cause, timeoutMs) {
        // Duck-typed: fetch's errors come from another realm than this module's `Error` under some runners.
        const error = errorLike(cause);
        const timedOut = error?.name === 'TimeoutError' || error?.name === 'AbortError';
        const inner = errorLike(error?.cause);
        const reason = error ? `${error.message}${inner ? ` (${inner.message})` : ''}` : String(cause);
        super(`${method} ${path} ${timedOut ? `timed out after ${timeoutMs} ms` : `failed: ${reason}`}`, {
            cause,
        });
        this.name = 'GitLabConnectionError';
        this.timedOut = timedOut;
    }
}
function errorLike(value) {
    return typeof value === 'object' &&
        value !== null &&
        typeof value.name === 'string' &&
        typeof value.message === 'string'
        ? value
        : undefined;
}
/** The instance root, from a URL that may end in `/api/v4`. */
function gitlabHost(baseUrl) {
    const trimmed = baseUrl
        .trim()
        .replace(/\/+$/, '')
        .replace(/\/api\/v4$/i, '');
    let url;
    try {
        url = new URL(trimmed);
    }
    catch {
        url = undefined;
    }
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OrchestratorGitError */ .Xw('CONFIG_INVALID', `The GitLab URL ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(url ? url.origin + url.pathname : baseUrl)} is not an http(s) URL of an instance.`, 'Set it to the instance root, e.g. https://gitlab.com or https://gitlab.example.com (a URL ending in /api/v4 is accepted too).');
    }
    return trimmed;
}
function createGitLabClient(options) {
    const host = gitlabHost(options.baseUrl);
    const transport = new Transport(options);
    const auth = options.tokenKind === 'oauth' ? { oauthToken: options.token } : { token: options.token };
    const config = {
        host,
        ...auth,
        // Per-request timeouts are the transport's: gitbeaker's would span a whole paginated listing.
        queryTimeout: null,
        requesterFn: (resource) => transport.requester(resource),
    };
    return {
        issues: new _gitbeaker_rest__WEBPACK_IMPORTED_MODULE_0__/* .Issues */ .tm1(config),
        issueLinks: new _gitbeaker_rest__WEBPACK_IMPORTED_MODULE_0__/* .IssueLinks */ .d8G(config),
        labels: new _gitbeaker_rest__WEBPACK_IMPORTED_MODULE_0__/* .ProjectLabels */ .lwi(config),
        projectMilestones: new _gitbeaker_rest__WEBPACK_IMPORTED_MODULE_0__/* .ProjectMilestones */ .PRp(config),
        groupMilestones: new _gitbeaker_rest__WEBPACK_IMPORTED_MODULE_0__/* .GroupMilestones */ .v8S(config),
        users: new _gitbeaker_rest__WEBPACK_IMPORTED_MODULE_0__/* .Users */ .zWC(config),
        members: new _gitbeaker_rest__WEBPACK_IMPORTED_MODULE_0__/* .ProjectMembers */ .rRD(config),
        projects: new _gitbeaker_rest__WEBPACK_IMPORTED_MODULE_0__/* .Projects */ .JtL(config),
        stats: transport.stats,
        serverDate: transport.serverDate,
        host,
    };
}
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
class Transport {
    stats = (0,_types_js__WEBPACK_IMPORTED_MODULE_2__/* .emptyStats */ .b)();
    serverDate = { value: null };
    timeoutMs;
    retries;
    retryBaseMs;
    maxWaitSeconds;
    writeDelayMs;
    log;
    writeGate = Promise.resolve();
    lastWriteAt = Number.NEGATIVE_INFINITY;
    constructor(options) {
        this.timeoutMs = options.timeoutMs ?? 30_000;
        this.retries = Math.max(0, options.retries ?? 3);
        this.retryBaseMs = options.retryBaseMs ?? 1000;
        this.maxWaitSeconds = options.maxRateLimitWaitSeconds ?? 60;
        this.writeDelayMs = Math.max(0, options.writeDelayMs ?? 0);
        this.log = options.log ?? (() => undefined);
    }
    /** What gitbeaker calls for each resource instance; every resource shares this transport's counters. */
    requester(resource) {
        const send = (method) => (endpoint, request) => this.send(resource, method, endpoint, request ?? {});
        // The interface's methods are generic in the body type they promise; the body is whatever GitLab sent.
        return {
            get: send('GET'),
            post: send('POST'),
            put: send('PUT'),
            patch: send('PATCH'),
            delete: send('DELETE'),
        };
    }
    /** Builds the request the way gitbeaker's own requester does (snake_case keys, `key[]=` arrays, JSON bodies). */
    async send(resource, method, endpoint, request) {
        const base = resource.url.endsWith('/') ? resource.url : `${resource.url}/`;
        const url = new URL(endpoint, base);
        url.search = toQuery(request.searchParams ?? {});
        const headers = { accept: 'application/json', ...resource.headers };
        if (request.sudo !== undefined)
            headers['sudo'] = String(request.sudo);
        for (const [name, value] of Object.entries(resource.authHeaders))
            headers[name] = await value();
        let body;
        if (request.body !== undefined) {
            if (request.body instanceof FormData)
                throw new TypeError('The GitLab adapter sends no form bodies.');
            body = JSON.stringify(snakeKeys(request.body));
            headers['content-type'] = 'application/json';
        }
        return this.exchange(method, url, headers, body, request.signal);
    }
    async exchange(method, url, headers, body, signal) {
        const write = method !== 'GET' && method !== 'HEAD';
        // A POST creates: after a 5xx or a lost answer it may have landed, and sending it again could duplicate the
        // issue (or milestone). Reads and PUTs (which set absolute values) may be repeated.
        const repeatable = method !== 'POST';
        const path = url.pathname;
        for (let attempt = 0;; attempt += 1) {
            if (write)
                await this.pace();
            if (write)
                this.stats.writes += 1;
            else
                this.stats.reads += 1;
            let response;
            let text;
            try {
                const timeout = AbortSignal.timeout(this.timeoutMs);
                response = await fetch(url, {
                    method,
                    headers,
                    body,
                    signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
                });
                this.recordDate(response.headers);
                // Read the whole body here: a body cut off mid-way then fails like a dropped connection.
                text = await response.text();
            }
            catch (error) {
                this.stats.failures += 1;
                const failure = new GitLabConnectionError(method, path, error, this.timeoutMs);
                if (repeatable && attempt < this.retries && !signal?.aborted) {
                    await this.retry(failure.message, this.backoff(attempt));
                    continue;
                }
                throw failure;
            }
            const parsed = parseBody(response.headers, text);
            if (response.ok) {
                return { status: response.status, headers: Object.fromEntries(response.headers), body: parsed };
            }
            this.stats.failures += 1;
            const failure = new GitLabResponseError(method, path, response.status, response.headers, parsed);
            if (attempt < this.retries) {
                if (response.status === 429) {
                    // Rack::Attack (and GitLab's per-action limiters) refuse a throttled request before it runs, so even a
                    // POST can be sent again after the wait.
                    const wait = this.rateLimitWait(response.headers) ?? this.backoff(attempt) / 1000;
                    if (wait <= this.maxWaitSeconds) {
                        await this.retry(`${method} ${path} was rate limited`, wait * 1000);
                        continue;
                    }
                }
                else if (repeatable && [502, 503, 504].includes(response.status)) {
                    await this.retry(failure.message, this.backoff(attempt));
                    continue;
                }
            }
            throw failure;
        }
    }
    backoff(attempt) {
        return this.retryBaseMs * (attempt + 1) ** 2;
    }
    async retry(reason, waitMs) {
        this.stats.retries += 1;
        this.log(`${reason}; retrying in ${Math.round(waitMs)} ms`);
        await sleep(waitMs);
    }
    /** Seconds to wait: Retry-After (seconds or a date), else until RateLimit-Reset; undefined when neither. */
    rateLimitWait(headers) {
        const now = this.serverDate.value ? Date.parse(this.serverDate.value) : Date.now();
        const retryAfter = headers.get('retry-after');
        if (retryAfter !== null && retryAfter.trim() !== '') {
            const seconds = Number(retryAfter);
            if (Number.isFinite(seconds))
                return Math.max(0, seconds);
            const at = Date.parse(retryAfter);
            if (Number.isFinite(at))
                return Math.max(0, (at - now) / 1000);
        }
        const reset = Number(headers.get('ratelimit-reset') ?? '');
        if (Number.isFinite(reset) && reset > 0)
            return Math.max(0, reset - now / 1000);
        return undefined;
    }
    /** Writes are paced, one at a time, at least `writeDelayMs` apart (start to start). */
    pace() {
        const delay = this.writeDelayMs;
        if (delay <= 0)
            return Promise.resolve();
        const turn = this.writeGate.then(async () => {
            const wait = this.lastWriteAt + delay - Date.now();
            if (wait > 0)
                await sleep(wait);
            this.lastWriteAt = Date.now();
        });
        this.writeGate = turn;
        return turn;
    }
    recordDate(headers) {
        const date = Date.parse(headers.get('date') ?? '');
        if (Number.isFinite(date))
            this.serverDate.value = new Date(date).toISOString();
    }
}
function parseBody(headers, text) {
    if (text === '')
        return null;
    if ((headers.get('content-type') ?? '').toLowerCase().includes('json')) {
        try {
            return JSON.parse(text);
        }
        catch {
            return text;
        }
    }
    return text;
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** `perPage` → `per_page`, as gitbeaker's requester does (its Link-following re-sends camelCased keys). */
function snakeCase(key) {
    return key.replace(/([a-z\d])([A-Z])/g, '$1_$2').toLowerCase();
}
function snakeKeys(value) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [snakeCase(key), item]));
}
/** Rails-style query: `key[]=a&key[]=b` for arrays, `key[sub]=v` for objects; undefined values left out. */
function toQuery(params) {
    const search = new URLSearchParams();
    const add = (key, value) => {
        if (value === undefined)
            return;
        if (Array.isArray(value))
            for (const item of value)
                add(`${key}[]`, item);
        else if (isRecord(value))
            for (const [sub, item] of Object.entries(value))
                add(`${key}[${snakeCase(sub)}]`, item);
        else
            search.append(key, value === null ? '' : String(value));
    };
    for (const [key, value] of Object.entries(params))
        add(snakeCase(key), value);
    return search.toString();
}
/** GitLab's error text: `error` (+ `error_description`), else `message` (field errors flattened), else the text. */
function describeBody(body) {
    if (typeof body === 'string')
        return body.trim().slice(0, 300) || '(empty body)';
    if (isRecord(body)) {
        const { error, message } = body;
        if (typeof error === 'string') {
            return typeof body['error_description'] === 'string' ? `${error}: ${body['error_description']}` : error;
        }
        if (typeof message === 'string')
            return message;
        if (Array.isArray(message))
            return message.map(String).join('; ');
        if (isRecord(message)) {
            return Object.entries(message)
                .map(([field, problems]) => `${field} ${Array.isArray(problems) ? problems.join(', ') : String(problems)}`)
                .join('; ');
        }
    }
    return body === null || body === undefined ? '(empty body)' : JSON.stringify(body).slice(0, 300);
}
function httpStatus(error) {
    return error instanceof GitLabResponseError ? error.status : undefined;
}
/** A read_api (or otherwise too narrow) token: rack-oauth2's 403 `insufficient_scope`. */
function isInsufficientScope(error) {
    return error instanceof GitLabResponseError && error.status === 403 && isRecord(error.body)
        ? error.body['error'] === 'insufficient_scope'
        : false;
}
/**
 * Which 404 it is: GitLab says "404 Project Not Found" / "404 Group Not Found" for a missing or invisible project or
 * group, `{"error":"404 Not Found"}` for a route it does not have, and "404 Not found" (or "404 <Model> Not Found")
 * for a missing record such as an issue iid.
 */
function notFoundKind(error) {
    if (!(error instanceof GitLabResponseError) || error.status !== 404)
        return undefined;
    if (/Project Not Found/i.test(error.description))
        return 'project';
    if (/Group Not Found/i.test(error.description))
        return 'group';
    if (isRecord(error.body) && error.body['error'] === '404 Not Found')
        return 'route';
    if (/^404 (?:Not found|[A-Z][A-Za-z ]* Not Found)$/.test(error.description))
        return 'record';
    return undefined;
}
const ROLE_FIX = 'Give the token’s user at least the Reporter (or Planner) role on the project (Manage → Members), or create the project or group access token with that role: Guests may only open issues and edit their own, without labels, milestones or assignees; creating labels and milestones and editing any issue need Reporter/Planner (for group milestones, on the group).';
/** Turns a transport error into a catalogue error that says what went wrong and how to fix it. Never names the token. */
function toCatalogueError(error, context) {
    if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OrchestratorGitError */ .Xw)
        return error;
    const { repository, doing } = context;
    const cause = { cause: error };
    if (error instanceof GitLabConnectionError) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OrchestratorGitError */ .Xw('PLATFORM_ERROR', `The connection to GitLab failed while ${doing}, before a complete answer: ${error.message}.`, 'This is usually temporary (network, proxy or an overloaded instance): the next run retries, and an issue whose create failed this way is looked for by its marker before it is created again.', cause);
    }
    if (!(error instanceof GitLabResponseError)) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OrchestratorGitError */ .Xw('PLATFORM_ERROR', `GitLab request failed while ${doing}: ${error instanceof Error ? error.message : String(error)}.`, 'This is unexpected; the next run retries. If it persists, report it with the run log.', cause);
    }
    const { status, description } = error;
    // GitLab's messages often start with the status already ("401 Unauthorized").
    const answer = description.startsWith(String(status)) ? description : `${status} ${description}`;
    if (status === 401) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OrchestratorGitError */ .Xw('TOKEN_INVALID', `GitLab rejected the token while ${doing} (${answer}).`, 'Put a personal, project or group access token with the `api` scope in GITLAB_TOKEN (an expired or revoked token must be replaced, an OAuth token refreshed). CI_JOB_TOKEN cannot be used: GitLab does not let job tokens create or edit issues.', cause);
    }
    if (isInsufficientScope(error)) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OrchestratorGitError */ .Xw('PERMISSION_DENIED', `The token’s scopes do not allow this while ${doing} in ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(repository)} (${answer}; GitLab needs the \`api\` scope).`, 'Use a token with the `api` scope: `read_api` is read-only and cannot create or edit issues, labels or milestones. Create one under Settings → Access tokens and put it in GITLAB_TOKEN.', cause);
    }
    if (status === 403) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OrchestratorGitError */ .Xw('PERMISSION_DENIED', `The token’s user may not do this while ${doing} in ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(context.group ?? repository)} (${answer}).`, ROLE_FIX, cause);
    }
    if (status === 404) {
        const kind = notFoundKind(error);
        if (kind === 'group') {
            return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OrchestratorGitError */ .Xw('CONFIG_INVALID', `Group ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(context.group ?? '')} (for group milestones) was not found, or the token cannot see it (404 while ${doing}).`, 'Set the group milestones option to the full path of a group the project belongs to (as in its URL, e.g. my-group or my-group/sub), and make sure the token’s user is a member of it.', cause);
        }
        if (kind === 'route') {
            return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OrchestratorGitError */ .Xw('CONFIG_INVALID', `GitLab answered 404 for an API route it does not have while ${doing} (${description}).`, 'Check the GitLab URL: it must be the instance root, e.g. https://gitlab.com or https://gitlab.example.com (…/api/v4 is accepted too), and the instance must be a supported GitLab version.', cause);
        }
        if (kind === 'record') {
            return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OrchestratorGitError */ .Xw('PLATFORM_ERROR', `GitLab no longer has what was asked for while ${doing} (${answer}): it was deleted or moved meanwhile.`, 'Nothing to do: the next run reads the project again and plans from what exists.', cause);
        }
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OrchestratorGitError */ .Xw('REPOSITORY_NOT_FOUND', `Project ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(repository)} was not found, or the token cannot see it (404 while ${doing}).`, 'Check the project’s full path (group/subgroup/project, as in its URL) or numeric id, and the GitLab URL. A private project answers 404 to a token whose user is not a member: add the user (Manage → Members) or use a member’s token.', cause);
    }
    if (status === 400 || status === 422) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OrchestratorGitError */ .Xw('VALIDATION_FAILED', `GitLab refused the request while ${doing}: ${description} (${status}).`, 'The item is reported as failed and the rest of the run goes on; fix the value named above in the orchestrator state or the config.', cause);
    }
    if (status === 429) {
        const retryAfter = error.headers.get('retry-after');
        const reset = Number(error.headers.get('ratelimit-reset') ?? '');
        const name = error.headers.get('ratelimit-name');
        const when = [
            retryAfter ? ` GitLab asked to wait ${retryAfter} s (Retry-After).` : '',
            Number.isFinite(reset) && reset > 0
                ? ` The limit resets at ${new Date(reset * 1000).toISOString()} (RateLimit-Reset).`
                : '',
        ].join('');
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OrchestratorGitError */ .Xw('RATE_LIMITED', `GitLab’s rate limit${name ? ` (${name})` : ''} stopped the run while ${doing} (${answer}).${when}`, 'The next run resumes where this one stopped; nothing is duplicated. For large plans, schedule runs further apart or set a write delay; on a self-managed instance an administrator can raise the limits (Admin → Settings → Network → User and IP rate limits).', cause);
    }
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OrchestratorGitError */ .Xw('PLATFORM_ERROR', `GitLab request failed while ${doing}: ${answer}.`, status >= 500
        ? 'This is usually temporary: the next run retries, and an issue whose create failed this way is looked for by its marker before it is created again. If it persists, check https://status.gitlab.com or your instance.'
        : 'The next run retries; if it persists, report it with the run log.', cause);
}


/***/ }),

/***/ 551:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ runAccessChecks),
/* harmony export */   b: () => (/* binding */ emptyStats)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7406);

/**
 * Runs checks in order and stops at the first failure (later ones depend on it): each check resolves to what it
 * found, or throws the catalogue error that says what is wrong and how to fix it.
 */
async function runAccessChecks(checks) {
    const results = [];
    for (const check of checks) {
        try {
            results.push({ name: check.name, ok: true, detail: await check.run(), fix: null });
        }
        catch (error) {
            const known = error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .OrchestratorGitError */ .Xw;
            results.push({
                name: check.name,
                ok: false,
                detail: known ? `${error.code}: ${error.message}` : String(error),
                fix: known ? error.fix : 'Unexpected; run again, and report it with the output if it persists.',
            });
            break;
        }
    }
    return results;
}
function emptyStats() {
    return { reads: 0, writes: 0, graphql: 0, notModified: 0, retries: 0, failures: 0 };
}


/***/ })

};
