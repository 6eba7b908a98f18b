export const id = 948;
export const ids = [948];
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

/***/ 7810:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  GitLabIssueTracker: () => (/* binding */ GitLabIssueTracker)
});

// UNUSED EXPORTS: gitlabCapabilities, parseProject

// EXTERNAL MODULE: ./build/src/core/time-tracking.js
var time_tracking = __webpack_require__(2000);
// EXTERNAL MODULE: ./build/src/errors.js
var errors = __webpack_require__(7406);
// EXTERNAL MODULE: ./build/src/platforms/types.js
var types = __webpack_require__(551);
// EXTERNAL MODULE: ./node_modules/@gitbeaker/rest/dist/index.mjs + 2 modules
var dist = __webpack_require__(342);
;// CONCATENATED MODULE: ./build/src/platforms/gitlab/client.js
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
        throw new errors/* OrchestratorGitError */.Xw('CONFIG_INVALID', `The GitLab URL ${(0,errors/* quote */.hD)(url ? url.origin + url.pathname : baseUrl)} is not an http(s) URL of an instance.`, 'Set it to the instance root, e.g. https://gitlab.com or https://gitlab.example.com (a URL ending in /api/v4 is accepted too).');
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
        issues: new dist/* Issues */.tm1(config),
        issueLinks: new dist/* IssueLinks */.d8G(config),
        labels: new dist/* ProjectLabels */.lwi(config),
        projectMilestones: new dist/* ProjectMilestones */.PRp(config),
        groupMilestones: new dist/* GroupMilestones */.v8S(config),
        users: new dist/* Users */.zWC(config),
        members: new dist/* ProjectMembers */.rRD(config),
        projects: new dist/* Projects */.JtL(config),
        stats: transport.stats,
        serverDate: transport.serverDate,
        host,
    };
}
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
class Transport {
    stats = (0,types/* emptyStats */.b)();
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
    if (error instanceof errors/* OrchestratorGitError */.Xw)
        return error;
    const { repository, doing } = context;
    const cause = { cause: error };
    if (error instanceof GitLabConnectionError) {
        return new errors/* OrchestratorGitError */.Xw('PLATFORM_ERROR', `The connection to GitLab failed while ${doing}, before a complete answer: ${error.message}.`, 'This is usually temporary (network, proxy or an overloaded instance): the next run retries, and an issue whose create failed this way is looked for by its marker before it is created again.', cause);
    }
    if (!(error instanceof GitLabResponseError)) {
        return new errors/* OrchestratorGitError */.Xw('PLATFORM_ERROR', `GitLab request failed while ${doing}: ${error instanceof Error ? error.message : String(error)}.`, 'This is unexpected; the next run retries. If it persists, report it with the run log.', cause);
    }
    const { status, description } = error;
    // GitLab's messages often start with the status already ("401 Unauthorized").
    const answer = description.startsWith(String(status)) ? description : `${status} ${description}`;
    if (status === 401) {
        return new errors/* OrchestratorGitError */.Xw('TOKEN_INVALID', `GitLab rejected the token while ${doing} (${answer}).`, 'Put a personal, project or group access token with the `api` scope in GITLAB_TOKEN (an expired or revoked token must be replaced, an OAuth token refreshed). CI_JOB_TOKEN cannot be used: GitLab does not let job tokens create or edit issues.', cause);
    }
    if (isInsufficientScope(error)) {
        return new errors/* OrchestratorGitError */.Xw('PERMISSION_DENIED', `The token’s scopes do not allow this while ${doing} in ${(0,errors/* quote */.hD)(repository)} (${answer}; GitLab needs the \`api\` scope).`, 'Use a token with the `api` scope: `read_api` is read-only and cannot create or edit issues, labels or milestones. Create one under Settings → Access tokens and put it in GITLAB_TOKEN.', cause);
    }
    if (status === 403) {
        return new errors/* OrchestratorGitError */.Xw('PERMISSION_DENIED', `The token’s user may not do this while ${doing} in ${(0,errors/* quote */.hD)(context.group ?? repository)} (${answer}).`, ROLE_FIX, cause);
    }
    if (status === 404) {
        const kind = notFoundKind(error);
        if (kind === 'group') {
            return new errors/* OrchestratorGitError */.Xw('CONFIG_INVALID', `Group ${(0,errors/* quote */.hD)(context.group ?? '')} (for group milestones) was not found, or the token cannot see it (404 while ${doing}).`, 'Set the group milestones option to the full path of a group the project belongs to (as in its URL, e.g. my-group or my-group/sub), and make sure the token’s user is a member of it.', cause);
        }
        if (kind === 'route') {
            return new errors/* OrchestratorGitError */.Xw('CONFIG_INVALID', `GitLab answered 404 for an API route it does not have while ${doing} (${description}).`, 'Check the GitLab URL: it must be the instance root, e.g. https://gitlab.com or https://gitlab.example.com (…/api/v4 is accepted too), and the instance must be a supported GitLab version.', cause);
        }
        if (kind === 'record') {
            return new errors/* OrchestratorGitError */.Xw('PLATFORM_ERROR', `GitLab no longer has what was asked for while ${doing} (${answer}): it was deleted or moved meanwhile.`, 'Nothing to do: the next run reads the project again and plans from what exists.', cause);
        }
        return new errors/* OrchestratorGitError */.Xw('REPOSITORY_NOT_FOUND', `Project ${(0,errors/* quote */.hD)(repository)} was not found, or the token cannot see it (404 while ${doing}).`, 'Check the project’s full path (group/subgroup/project, as in its URL) or numeric id, and the GitLab URL. A private project answers 404 to a token whose user is not a member: add the user (Manage → Members) or use a member’s token.', cause);
    }
    if (status === 400 || status === 422) {
        return new errors/* OrchestratorGitError */.Xw('VALIDATION_FAILED', `GitLab refused the request while ${doing}: ${description} (${status}).`, 'The item is reported as failed and the rest of the run goes on; fix the value named above in the orchestrator state or the config.', cause);
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
        return new errors/* OrchestratorGitError */.Xw('RATE_LIMITED', `GitLab’s rate limit${name ? ` (${name})` : ''} stopped the run while ${doing} (${answer}).${when}`, 'The next run resumes where this one stopped; nothing is duplicated. For large plans, schedule runs further apart or set a write delay; on a self-managed instance an administrator can raise the limits (Admin → Settings → Network → User and IP rate limits).', cause);
    }
    return new errors/* OrchestratorGitError */.Xw('PLATFORM_ERROR', `GitLab request failed while ${doing}: ${answer}.`, status >= 500
        ? 'This is usually temporary: the next run retries, and an issue whose create failed this way is looked for by its marker before it is created again. If it persists, check https://status.gitlab.com or your instance.'
        : 'The next run retries; if it persists, report it with the run log.', cause);
}

;// CONCATENATED MODULE: ./build/src/platforms/gitlab/relations.js


class GitLabIssueRelations {
    client;
    repository;
    projectId;
    toIssue;
    subIssues = null;
    /** `dependent iid → blocker iid → issue_link_id`, from the latest listing: a link is deleted by its own id. */
    linkIds = new Map();
    /** The project's numeric id, learnt from the first listing (links name their issues' projects by id). */
    projectNumber = null;
    constructor(client, repository, projectId, toIssue) {
        this.client = client;
        this.repository = repository;
        this.projectId = projectId;
        this.toIssue = toIssue;
        if (typeof projectId === 'number')
            this.projectNumber = projectId;
    }
    relationId(issue) {
        return issue.number;
    }
    async listBlockedBy(issueNumber) {
        const doing = `listing the links of #${issueNumber}`;
        const items = await this.call(doing, async () => {
            const project = await this.ownProjectNumber(doing);
            const links = (await this.client.issueLinks.all(this.projectId, issueNumber, {
                perPage: 100,
            }));
            return { project, links };
        });
        if (!Array.isArray(items.links)) {
            throw new errors/* OrchestratorGitError */.Xw('PLATFORM_ERROR', `GitLab answered with an unexpected body while ${doing}.`, 'Nothing to do: the next run reads the links again.');
        }
        const byBlocker = new Map();
        const blockers = [];
        for (const link of items.links) {
            // Another project's issue, or a link of another kind, is a person's: never listed, so never removed.
            if (link.link_type !== 'is_blocked_by' || link.project_id !== items.project)
                continue;
            byBlocker.set(link.iid, link.issue_link_id);
            blockers.push(this.toIssue(link, doing));
        }
        this.linkIds.set(issueNumber, byBlocker);
        return blockers;
    }
    async addBlockedBy(issueNumber, blockerId) {
        const doing = `marking #${issueNumber} blocked by #${blockerId}`;
        try {
            await this.client.issueLinks.create(this.projectId, issueNumber, this.projectId, blockerId, {
                linkType: 'is_blocked_by',
            });
        }
        catch (error) {
            if (error instanceof GitLabResponseError) {
                // Linked meanwhile (a concurrent run, or a person): the link we wanted is there.
                if (error.status === 409)
                    return;
                if (refusesBlocking(error)) {
                    throw new errors/* OrchestratorGitError */.Xw('NOT_SUPPORTED', `GitLab refused a blocked-by link in ${this.repository} (${error.status} ${error.description}): blocking issues are a Premium feature. Dependencies stay on each issue's "Depends on" line.`, 'Nothing to fix for the sync; to see dependencies as GitLab links, use GitLab Premium or Ultimate. Set hierarchy: checklist to stop asking.', { cause: error });
                }
            }
            throw toCatalogueError(error, { repository: this.repository, doing });
        }
    }
    async removeBlockedBy(issueNumber, blockerId) {
        const doing = `removing the blocked-by of #${issueNumber} on #${blockerId}`;
        const linkId = this.linkIds.get(issueNumber)?.get(blockerId);
        // Only links this adapter listed are removed (the engine lists before it removes).
        if (linkId === undefined)
            return;
        try {
            await this.client.issueLinks.remove(this.projectId, issueNumber, linkId);
        }
        catch (error) {
            // Removed meanwhile: the outcome we wanted.
            if (error instanceof GitLabResponseError && error.status === 404)
                return;
            throw toCatalogueError(error, { repository: this.repository, doing });
        }
        this.linkIds.get(issueNumber)?.delete(blockerId);
    }
    async ownProjectNumber(doing) {
        if (this.projectNumber !== null)
            return this.projectNumber;
        const project = (await this.client.projects.show(this.projectId));
        if (typeof project.id !== 'number') {
            throw new errors/* OrchestratorGitError */.Xw('PLATFORM_ERROR', `GitLab answered with an unexpected project body while ${doing}.`, 'Nothing to do: the next run reads it again.');
        }
        this.projectNumber = project.id;
        return project.id;
    }
    async call(doing, request) {
        try {
            return await request();
        }
        catch (error) {
            throw toCatalogueError(error, { repository: this.repository, doing });
        }
    }
}
/** The licence refusal (EE without Premium: 403 with that message) or the Community Edition's unknown link type (400). */
function refusesBlocking(error) {
    if (error.status === 403)
        return /not available for current license/i.test(error.description);
    if (error.status === 400)
        return /link_type does not have a valid value/i.test(error.description);
    return false;
}

;// CONCATENATED MODULE: ./build/src/platforms/gitlab/issues.js





/** GitLab's roles (docs.gitlab.com/user/permissions/); Planner (15) is the least that may set issue metadata. */
const ROLES = {
    5: 'Minimal Access',
    10: 'Guest',
    15: 'Planner',
    20: 'Reporter',
    30: 'Developer',
    40: 'Maintainer',
    50: 'Owner',
};
const PLANNER = 15;
/** A path segment as GitLab allows it: letters, digits, `_`, `-`, `.`; not starting with `-`, not ending with `.`. */
const PATH_SEGMENT = /^(?:[A-Za-z0-9_.][A-Za-z0-9_.-]*[A-Za-z0-9_-]|[A-Za-z0-9_])$/;
/** The project's full path (`group/sub/project`) or numeric id; throws REPOSITORY_MALFORMED otherwise. */
function parseProject(repository) {
    const text = repository.trim();
    if (/^\d{1,15}$/.test(text) && Number(text) > 0)
        return { repository: text, projectId: Number(text) };
    const segments = text.split('/');
    const valid = segments.length >= 2 &&
        segments.length <= 21 &&
        segments.every((segment) => segment.length <= 255 && PATH_SEGMENT.test(segment) && !/\.(?:git|atom)$/i.test(segment));
    if (!valid) {
        throw new errors/* OrchestratorGitError */.Xw('REPOSITORY_MALFORMED', `Repository ${(0,errors/* quote */.hD)(repository)} is not a GitLab project path (group/project or group/subgroup/project) or a numeric project id.`, 'Set the repository to the project’s full path as it appears in its URL, e.g. my-group/my-subgroup/my-project (no https://, no .git), or to its numeric project id (shown on the project’s overview page).');
    }
    return { repository: text, projectId: text };
}
/**
 * GitLab keeps labels and milestones but no close reason; one assignee per issue unless the instance has Premium
 * (multiple assignees); titles are limited to 255 characters. Its time tracking (estimate and spent time) is two
 * attributes, owned only for items that have a value (the time-tracking setting).
 */
function gitlabCapabilities(options = {}) {
    return {
        stateReason: false,
        labels: true,
        createMilestones: true,
        maxAssignees: options.multipleAssignees ? 100 : 1,
        titleLimit: 255,
        timestampPrecisionMs: 1,
        attributes: ['time-estimate', 'time-spent'],
        timeTracking: 'issue',
    };
}
class GitLabIssueTracker {
    platform = 'gitlab';
    capabilities;
    repository;
    projectId;
    group;
    client;
    log;
    /** Lower-case username → the user (null: no such user). Each username costs at most one lookup per instance. */
    users = new Map();
    assignable = new Map();
    projectInfo;
    /** Blocked-by dependencies as issue links (relations.ts); sub-issues stay the checklist. */
    relations;
    constructor(repository, options) {
        const parsed = parseProject(repository);
        this.repository = parsed.repository;
        this.projectId = parsed.projectId;
        const group = options.groupMilestones?.trim().replace(/^\/+|\/+$/g, '');
        this.group = group ? group : null;
        this.capabilities = gitlabCapabilities(options);
        this.client = createGitLabClient(options);
        this.log = options.log ?? (() => undefined);
        this.relations = new GitLabIssueRelations(this.client, this.repository, this.projectId, (item, doing) => toActualIssue(item, doing));
    }
    stats() {
        return { ...this.client.stats };
    }
    serverTime() {
        return this.client.serverDate.value;
    }
    checkAccess() {
        const checks = [
            {
                name: 'project',
                run: async () => {
                    const project = await this.project('reading the project');
                    if (project.issues_enabled === false || project.issues_access_level === 'disabled') {
                        throw new errors/* OrchestratorGitError */.Xw('ISSUES_DISABLED', `Issues are turned off in ${(0,errors/* quote */.hD)(this.repository)}.`, 'Turn them on: Settings → General → Visibility, project features, permissions → Issues.');
                    }
                    return `${this.repository} is reachable and has issues on`;
                },
            },
            {
                name: 'role',
                run: async () => {
                    const role = await this.role('reading the project');
                    if (role === null || role < PLANNER) {
                        throw new errors/* OrchestratorGitError */.Xw('PERMISSION_DENIED', `The token's user ${role === null ? 'is not a member of' : `has the ${ROLES[role] ?? `level ${role}`} role in`} ${(0,errors/* quote */.hD)(this.repository)}; GitLab silently drops the labels, milestones and assignees of lower roles.`, 'Give the token the Reporter role (Planner is enough on GitLab 17.7+): a project access token chooses its role when created (Settings → Access tokens).');
                    }
                    return `the token's user has the ${ROLES[role] ?? `level ${role}`} role`;
                },
            },
            {
                name: 'write issues',
                // An issue without a title: GitLab checks the token's scope and role first, then refuses it (400), so a 400
                // proves write access and nothing is ever created.
                run: async () => {
                    try {
                        await this.client.issues.create(this.projectId, '');
                    }
                    catch (error) {
                        if (httpStatus(error) === 400)
                            return 'issues can be written (probed: nothing was created)';
                        throw await this.failure(error, 'issues', 'checking that issues can be written');
                    }
                    throw new errors/* OrchestratorGitError */.Xw('PLATFORM_ERROR', 'GitLab accepted an issue without a title while checking write access.', 'Delete that issue by hand; write access is there.');
                },
            },
        ];
        const group = this.group;
        if (group) {
            checks.push({
                name: 'group milestones',
                run: async () => {
                    await this.call('group', `listing the milestones of group ${(0,errors/* quote */.hD)(group)}`, () => this.client.groupMilestones.all(group, { perPage: 1, maxPages: 1 }));
                    return `the milestones of group ${group} can be read`;
                },
            });
        }
        return (0,types/* runAccessChecks */.N)(checks);
    }
    async listIssues(options = {}) {
        const since = options.updatedSince;
        const items = await this.call('issues', since ? `listing issues updated since ${since}` : 'listing issues', () => this.client.issues.all({
            projectId: this.projectId,
            scope: 'all',
            state: 'all',
            perPage: 100,
            // Oldest first keeps offset pages stable while issues are being created (new ones land on the last page).
            ...(since
                ? { updatedAfter: since, orderBy: 'updated_at', sort: 'asc' }
                : { orderBy: 'created_at', sort: 'asc' }),
        }));
        if (!Array.isArray(items))
            throw incomplete('listing issues');
        return items.map((item) => toActualIssue(item, 'listing issues'));
    }
    async getIssue(number) {
        try {
            const item = await this.client.issues.show(number, { projectId: this.projectId });
            return toActualIssue(item, `reading issue #${number}`);
        }
        catch (error) {
            // A missing iid is "404 Not found"; "404 Project Not Found" is the project itself.
            if (notFoundKind(error) === 'record')
                return null;
            throw await this.failure(error, 'issues', `reading issue #${number}`);
        }
    }
    async listLabels() {
        const labels = await this.call('labels', 'listing labels', () => this.client.labels.all(this.projectId, { perPage: 100 }));
        return new Set(labels.map((label) => label.name.toLowerCase()));
    }
    async createLabel(label) {
        try {
            await this.client.labels.create(this.projectId, label.name, `#${label.color}`, {
                description: label.description,
            });
        }
        catch (error) {
            // Created meanwhile by someone else (or a concurrent run): that is the outcome we wanted.
            if (httpStatus(error) === 409)
                return;
            throw await this.failure(error, 'labels', `creating label ${(0,errors/* quote */.hD)(label.name)}`);
        }
    }
    async listMilestones() {
        const own = await this.call('milestones', 'listing milestones', () => this.client.projectMilestones.all(this.projectId, { perPage: 100 }));
        const group = this.group;
        const shared = group
            ? await this.call('group', `listing the milestones of group ${(0,errors/* quote */.hD)(group)}`, () => this.client.groupMilestones.all(group, { perPage: 100 }))
            : [];
        const seen = new Set();
        const milestones = [];
        for (const item of [...own, ...shared]) {
            if (seen.has(item.id))
                continue;
            seen.add(item.id);
            milestones.push(toActualMilestone(item));
        }
        return milestones;
    }
    async createMilestone(milestone) {
        const group = this.group;
        const area = group ? 'group' : 'milestones';
        const doing = `creating milestone ${(0,errors/* quote */.hD)(milestone.title)}${group ? ` in group ${(0,errors/* quote */.hD)(group)}` : ''}`;
        const fields = milestone.dueOn ? { dueDate: milestone.dueOn } : {};
        let created;
        try {
            const data = group
                ? await this.client.groupMilestones.create(group, milestone.title, fields)
                : await this.client.projectMilestones.create(this.projectId, milestone.title, fields);
            created = toActualMilestone(data);
        }
        catch (error) {
            // Already there (a concurrent run: "already being used for another group or project milestone"), or the
            // answer was lost after the write may have landed: look it up by title.
            const status = httpStatus(error);
            const exists = (status === 400 || status === 409) &&
                error instanceof GitLabResponseError &&
                /already (?:being used|exists)|has already been taken/i.test(error.description);
            const ambiguous = error instanceof GitLabConnectionError || (status !== undefined && status >= 500);
            const existing = exists || ambiguous
                ? (await this.listMilestones()).find((item) => item.title === milestone.title)
                : undefined;
            if (!existing)
                throw await this.failure(error, area, doing);
            created = existing;
        }
        if (milestone.state === 'closed' && created.state !== 'closed') {
            // GitLab creates milestones active; closing is a second request.
            const data = await this.call(area, `closing milestone ${(0,errors/* quote */.hD)(milestone.title)}`, () => group
                ? this.client.groupMilestones.edit(group, created.number, { stateEvent: 'close' })
                : this.client.projectMilestones.edit(this.projectId, created.number, { stateEvent: 'close' }));
            created = toActualMilestone(data);
        }
        return created;
    }
    async isAssignable(login) {
        const key = login.toLowerCase();
        const known = this.assignable.get(key);
        if (known !== undefined)
            return known;
        const doing = `checking whether ${(0,errors/* quote */.hD)(login)} can be assigned`;
        const user = await this.user(login, doing);
        let result = false;
        if (user && (user.state === undefined || user.state === 'active')) {
            // GitLab keeps an assignee who can read the project: a member (direct, inherited or invited), or anyone
            // signed in when the project is public or internal.
            const members = await this.call('users', doing, () => this.client.members.all(this.projectId, { includeInherited: true, userIds: [user.id], perPage: 100 }));
            const member = members.some((item) => item.id === user.id &&
                (item.membership_state === undefined || item.membership_state === 'active') &&
                (item.access_level === undefined || item.access_level >= 10));
            result = member || (await this.project(doing)).visibility !== 'private';
        }
        this.assignable.set(key, result);
        return result;
    }
    async createIssue(write) {
        const doing = `creating issue ${(0,errors/* quote */.hD)(write.title)}`;
        const assigneeIds = await this.userIds(write.assignees, doing);
        const item = await this.call('issues', doing, () => this.client.issues.create(this.projectId, write.title, {
            description: write.body,
            ...(write.labels.length > 0 ? { labels: write.labels.join(',') } : {}),
            ...(assigneeIds.length > 0 ? { assigneeIds } : {}),
            ...(write.milestone !== null ? { milestoneId: write.milestone } : {}),
        }));
        const issue = toActualIssue(item, doing);
        await this.checkKept(issue, 'created', {
            labels: write.labels,
            assignees: write.assignees,
            milestone: write.milestone,
        });
        return this.applyTime(issue, write.attributes);
    }
    async updateIssue(number, patch) {
        const doing = `updating issue #${number}`;
        const fields = {};
        if (patch.title !== undefined)
            fields['title'] = patch.title;
        if (patch.body !== undefined)
            fields['description'] = patch.body;
        // `labels` replaces the set; an empty string clears it.
        if (patch.labels !== undefined)
            fields['labels'] = patch.labels.join(',');
        // GitLab documents 0 as "unassign all" and "no milestone" (an empty JSON array may be read as absent).
        if (patch.assignees !== undefined) {
            const ids = await this.userIds(patch.assignees, doing);
            fields['assigneeIds'] = ids.length > 0 ? ids : [0];
        }
        if (patch.milestone !== undefined)
            fields['milestoneId'] = patch.milestone ?? 0;
        if (patch.state !== undefined)
            fields['stateEvent'] = patch.state === 'closed' ? 'close' : 'reopen';
        // stateReason has no GitLab counterpart (capabilities say so); the time attributes have endpoints of their own.
        if (Object.keys(fields).length === 0) {
            const current = await this.getIssue(number);
            if (!current) {
                throw new errors/* OrchestratorGitError */.Xw('PLATFORM_ERROR', `Issue #${number} no longer exists in ${(0,errors/* quote */.hD)(this.repository)} (deleted or moved).`, 'Nothing to do: the next run reads the project again and plans from what exists.');
            }
            return this.applyTime(current, patch.attributes);
        }
        const item = await this.call('issues', doing, () => this.client.issues.edit(this.projectId, number, fields));
        const issue = toActualIssue(item, doing);
        await this.checkKept(issue, 'updated', {
            labels: patch.labels,
            assignees: patch.assignees,
            milestone: patch.milestone,
        });
        return this.applyTime(issue, patch.attributes);
    }
    /**
     * Sets the estimate (`time_estimate` replaces it) and reconciles the time spent, which GitLab only adds to: the
     * difference from the total in the answer just received (create, edit or read), so a re-run or a run after a crash
     * never counts twice.
     */
    async applyTime(issue, attributes) {
        const estimate = attributes?.['time-estimate'];
        const spent = attributes?.['time-spent'];
        if (estimate === undefined && spent === undefined)
            return issue;
        const doing = `setting the time tracking of issue #${issue.number}`;
        const { issues } = this.client;
        let stats = null;
        if (estimate !== undefined) {
            const seconds = Number(estimate);
            stats = await this.call('issues', doing, () => seconds > 0
                ? issues.addTimeEstimate(this.projectId, issue.number, (0,time_tracking/* gitlabDuration */.yN)(seconds))
                : issues.resetTimeEstimate(this.projectId, issue.number));
        }
        if (spent !== undefined) {
            const wanted = Number(spent);
            // The issue was just created, edited or read: its time_stats are current, so no read is needed.
            const current = stats?.total_time_spent ?? Number(issue.attributes?.['time-spent'] ?? 0);
            if (wanted <= 0 && current !== 0) {
                stats = await this.call('issues', doing, () => issues.resetSpentTime(this.projectId, issue.number));
            }
            else if (Math.abs(wanted - current) >= 60) {
                stats = await this.call('issues', doing, () => issues.addSpentTime(this.projectId, issue.number, (0,time_tracking/* gitlabDuration */.yN)(wanted - current), {
                    summary: 'orchestrator-git: time spent, from the orchestrator',
                }));
            }
        }
        if (!stats)
            return issue;
        const { attributes: _before, ...rest } = issue;
        return { ...rest, ...withTime(stats) };
    }
    /**
     * Issues::BaseService drops labels, milestone and assignees without a word when the caller lacks the Planner or
     * Reporter role. Left alone, every later run would see them missing and write them again, forever. So a write
     * that lost metadata, by a user below Planner, throws PERMISSION_DENIED (fatal: the run stops, where every further
     * write would lose its metadata too); the next run finds the issue by its marker once the role is fixed. Other
     * losses (a second `scope::` label, a milestone outside the project's groups, a second assignee without Premium)
     * are not the token's fault and are logged.
     */
    async checkKept(issue, verb, asked) {
        const lost = [];
        if (asked.labels !== undefined && !sameNames(asked.labels, issue.labels))
            lost.push('labels');
        if (asked.assignees !== undefined && !sameNames(asked.assignees, issue.assignees))
            lost.push('assignees');
        if (asked.milestone !== undefined && (issue.milestone?.number ?? null) !== asked.milestone)
            lost.push('milestone');
        if (lost.length === 0)
            return;
        const what = lost.length > 1 ? `${lost.slice(0, -1).join(', ')} and ${lost.at(-1) ?? ''}` : (lost[0] ?? '');
        const detail = lost
            .map((field) => field === 'labels'
            ? `labels asked ${JSON.stringify(asked.labels)}, kept ${JSON.stringify(issue.labels)}`
            : field === 'assignees'
                ? `assignees asked ${JSON.stringify(asked.assignees)}, kept ${JSON.stringify(issue.assignees)}`
                : `milestone asked ${String(asked.milestone)}, kept ${String(issue.milestone?.number ?? null)}`)
            .join('; ');
        const role = await this.role(`checking the token’s role after issue #${issue.number} was ${verb}`);
        if (role === null || role < PLANNER) {
            throw new errors/* OrchestratorGitError */.Xw('PERMISSION_DENIED', `GitLab ${verb} issue #${issue.number} in ${(0,errors/* quote */.hD)(this.repository)} but silently dropped its ${what} (${detail}): the token’s user ${role === null ? 'is not a member of the project' : `has the ${ROLES[role] ?? `level ${role}`} role`}, and setting labels, milestones and assignees needs Planner or Reporter or above (GitLab ignores them for lower roles instead of refusing).`, `Give the token’s user the Reporter (or Planner) role or above on the project (Manage → Members), or use a project or group access token created with that role. The next run finds issue #${issue.number} by its marker and sets what is missing.`);
        }
        this.log(`GitLab ${verb} issue #${issue.number} without all of its ${what} (${detail}); likely causes: two labels of one scope (scoped labels keep one), a milestone outside the project and its groups, or several assignees without GitLab Premium.`);
    }
    /** The token user's role on the project (highest of the direct and the group membership), null when none. */
    async role(doing) {
        const permissions = (await this.project(doing)).permissions;
        const levels = [
            permissions?.project_access?.access_level,
            permissions?.group_access?.access_level,
        ].filter((level) => typeof level === 'number');
        return levels.length > 0 ? Math.max(...levels) : null;
    }
    /** `GET /projects/:id`, once per instance: role, visibility and whether issues are on. */
    project(doing) {
        if (!this.projectInfo) {
            // Area 'project', not 'issues': a 403 here must not ask for this very project again (it would await itself).
            const pending = this.call('project', doing, () => this.client.projects.show(this.projectId));
            pending.catch(() => {
                if (this.projectInfo === pending)
                    this.projectInfo = undefined;
            });
            this.projectInfo = pending;
        }
        return this.projectInfo;
    }
    /** `GET /users?username=`, once per username per instance. */
    async user(login, doing) {
        const key = login.toLowerCase();
        if (this.users.has(key))
            return this.users.get(key) ?? null;
        const found = await this.call('users', doing, () => this.client.users.all({ username: login }));
        const user = found.find((item) => item.username.toLowerCase() === key) ?? null;
        this.users.set(key, user);
        return user;
    }
    async userIds(logins, doing) {
        const ids = [];
        for (const login of logins) {
            const user = await this.user(login, doing);
            if (!user) {
                throw new errors/* OrchestratorGitError */.Xw('VALIDATION_FAILED', `There is no GitLab user ${(0,errors/* quote */.hD)(login)} to assign while ${doing}.`, 'Fix the assignee in the orchestrator state (GitLab usernames, without @); the rest of the run goes on.');
            }
            if (!ids.includes(user.id))
                ids.push(user.id);
        }
        return ids;
    }
    async call(area, doing, request) {
        try {
            return (await request());
        }
        catch (error) {
            throw await this.failure(error, area, doing);
        }
    }
    /**
     * GitLab answers a plain 403 both for a role too low and for issues turned off (`issues_access_level`
     * disabled, or private to members): the project's settings tell them apart.
     */
    async failure(error, area, doing) {
        if ((area === 'issues' || area === 'milestones') &&
            httpStatus(error) === 403 &&
            !isInsufficientScope(error)) {
            const settings = await this.project(doing).catch(() => undefined);
            const level = settings?.issues_access_level;
            const member = settings ? (await this.role(doing).catch(() => null)) !== null : false;
            if (settings &&
                (settings.issues_enabled === false || level === 'disabled' || (level === 'private' && !member))) {
                return new errors/* OrchestratorGitError */.Xw('ISSUES_DISABLED', `Issues are ${level === 'private' ? 'visible to project members only, and the token’s user is not one,' : 'turned off'} in ${(0,errors/* quote */.hD)(this.repository)} (403 while ${doing}).`, level === 'private'
                    ? 'Make the token’s user a member of the project (Manage → Members), or let everyone with access use Issues: Settings → General → Visibility, project features, permissions → Issues.'
                    : 'Turn Issues on: Settings → General → Visibility, project features, permissions → Issues (a Maintainer or Owner can), then save.', { cause: error });
            }
        }
        return toCatalogueError(error, {
            repository: this.repository,
            doing,
            group: area === 'group' ? this.group : null,
        });
    }
}
function sameNames(asked, kept) {
    const a = new Set(asked.map((name) => name.toLowerCase()));
    const b = new Set(kept.map((name) => name.toLowerCase()));
    return a.size === b.size && [...a].every((name) => b.has(name));
}
function incomplete(doing) {
    return new errors/* OrchestratorGitError */.Xw('PLATFORM_ERROR', `GitLab answered with an unexpected body while ${doing}, so the outcome of the request is unknown.`, 'Nothing to do: the run looks for the issue by its marker before creating it again, and the next run reconciles.');
}
function toActualMilestone(item) {
    return {
        number: item.id,
        title: item.title,
        state: item.state === 'closed' ? 'closed' : 'open',
        dueOn: item.due_date ? item.due_date.slice(0, 10) : null,
    };
}
function toActualIssue(item, doing) {
    if (typeof item !== 'object' || item === null || typeof item.iid !== 'number')
        throw incomplete(doing);
    const assignees = item.assignees ?? (item.assignee ? [item.assignee] : []);
    return {
        number: item.iid,
        id: String(item.id),
        url: item.web_url,
        title: item.title,
        body: item.description ?? '',
        state: item.state === 'closed' ? 'closed' : 'open',
        stateReason: null,
        labels: item.labels
            .map((label) => (typeof label === 'string' ? label : (label.name ?? '')))
            .filter((name) => name !== ''),
        assignees: assignees.map((assignee) => assignee.username),
        milestone: item.milestone ? { number: item.milestone.id, title: item.milestone.title } : null,
        author: item.author?.username ?? null,
        updatedAt: item.updated_at,
        ...withTime(item.time_stats ?? null),
    };
}
/** The issue's time attributes, when it has any (an issue without tracked time reads as it always did). */
function withTime(stats) {
    const attributes = timeAttributes(stats);
    return Object.keys(attributes).length > 0 ? { attributes } : {};
}
/** The time attributes of an issue: absent when zero (nothing set, which no item's value is). */
function timeAttributes(stats) {
    const attributes = {};
    if (stats && stats.time_estimate > 0)
        attributes['time-estimate'] = String(stats.time_estimate);
    if (stats && stats.total_time_spent > 0)
        attributes['time-spent'] = String(stats.total_time_spent);
    return attributes;
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
