export const id = 473;
export const ids = [473];
export const modules = {

/***/ 8473:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createGitHubClient: () => (/* binding */ createGitHubClient),
/* harmony export */   n: () => (/* binding */ httpStatus),
/* harmony export */   toCatalogueError: () => (/* binding */ toCatalogueError)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1758);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6856);
/* harmony import */ var bottleneck_light_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3251);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7406);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(551);
/** The one Octokit client for GitHub: retries, throttling, timeouts and request counting live here, not at call sites. */



// The light build is what plugin-throttling itself uses; its types are the full package's.
// @ts-expect-error: the light entry ships no declaration file of its own



function createGitHubClient(options) {
    const stats = (0,_types_js__WEBPACK_IMPORTED_MODULE_3__/* .emptyStats */ .b)();
    const serverDate = { value: null };
    const timeoutMs = options.timeoutMs ?? 30_000;
    const maxWait = options.maxRateLimitWaitSeconds ?? 60;
    const log = options.log ?? (() => undefined);
    const countingFetch = async (input, init) => {
        const method = (init?.method ?? 'GET').toUpperCase();
        const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
        if (url.endsWith('/graphql'))
            stats.graphql += 1;
        else if (method === 'GET' || method === 'HEAD')
            stats.reads += 1;
        else
            stats.writes += 1;
        const signal = init?.signal
            ? AbortSignal.any([init.signal, AbortSignal.timeout(timeoutMs)])
            : AbortSignal.timeout(timeoutMs);
        const received = await fetch(input, { ...init, signal });
        const date = Date.parse(received.headers.get('date') ?? '');
        if (Number.isFinite(date))
            serverDate.value = new Date(date).toISOString();
        if (received.status === 304)
            stats.notModified += 1;
        else if (received.status >= 400)
            stats.failures += 1;
        // Read the whole body here: a body cut off mid-way then fails like a dropped connection, instead of
        // reaching Octokit, which would hand back an empty string (an issue list read as empty).
        const body = received.status === 204 || received.status === 304 ? null : await received.arrayBuffer();
        return new Response(body, {
            status: received.status,
            statusText: received.statusText,
            headers: received.headers,
        });
    };
    const Bottleneck = bottleneck_light_js__WEBPACK_IMPORTED_MODULE_1__;
    const throttle = {
        onRateLimit: (retryAfter, request, _octokit, retryCount) => {
            if (retryCount < 1 && retryAfter <= maxWait) {
                stats.retries += 1;
                log(`Rate limit reached; retrying ${request.method} ${request.url} after ${retryAfter} s`);
                return true;
            }
            return false;
        },
        onSecondaryRateLimit: (retryAfter, request, _octokit, retryCount) => {
            if (retryCount < 2 && retryAfter <= maxWait) {
                stats.retries += 1;
                log(`Secondary rate limit reached; retrying ${request.method} ${request.url} after ${retryAfter} s`);
                return true;
            }
            return false;
        },
    };
    if (options.writeDelayMs !== undefined && options.writeDelayMs !== null) {
        const minTime = Math.max(0, options.writeDelayMs);
        throttle.write = new Bottleneck.Group({ maxConcurrent: 1, minTime });
        throttle.notifications = new Bottleneck.Group({ maxConcurrent: 1, minTime });
    }
    const octokit = (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(options.token, {
        baseUrl: options.baseUrl.replace(/\/+$/, ''),
        request: { fetch: countingFetch },
        // Retries belong here, not in `request`: a `request.retries` makes plugin-retry retry even 4xx answers.
        retry: { retryAfterBaseValue: options.retryBaseMs ?? 1000, retries: options.retries ?? 3 },
        throttle,
        log: { debug: () => undefined, info: () => undefined, warn: log, error: log },
    }, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_4__/* .retry */ .L, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_5__/* .throttling */ .A);
    return { octokit, stats, serverDate };
}
function httpStatus(error) {
    if (typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number') {
        return error.status;
    }
    return undefined;
}
function responseOf(error) {
    if (typeof error === 'object' && error !== null && 'response' in error) {
        const response = error.response;
        if (response)
            return response;
    }
    return {};
}
function platformMessage(error) {
    const data = responseOf(error).data;
    if (typeof data === 'object' && data !== null && 'message' in data && typeof data.message === 'string') {
        const details = 'errors' in data && Array.isArray(data.errors)
            ? data.errors
                .map((item) => typeof item === 'object' && item !== null
                ? Object.entries(item)
                    .map(([key, value]) => `${key}=${String(value)}`)
                    .join(' ')
                : String(item))
                .join('; ')
            : '';
        return details ? `${data.message} (${details})` : data.message;
    }
    return error instanceof Error ? error.message : String(error);
}
/** Turns an Octokit error into a catalogue error that says what went wrong and how to fix it. */
function toCatalogueError(error, repository, doing) {
    if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .OrchestratorGitError */ .Xw)
        return error;
    const status = httpStatus(error);
    const message = platformMessage(error);
    const headers = responseOf(error).headers ?? {};
    const cause = { cause: error };
    if (status === 401) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .OrchestratorGitError */ .Xw('TOKEN_INVALID', `GitHub rejected the token while ${doing} (401 ${message}).`, 'Check that the `token` input holds a valid, unexpired token (secrets.GITHUB_TOKEN, a PAT, or a GitHub App token).', cause);
    }
    if (status === 404) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .OrchestratorGitError */ .Xw('REPOSITORY_NOT_FOUND', `Repository ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .quote */ .hD)(repository)} was not found, or the token cannot see it (404 while ${doing}).`, "Check the `repository` input (owner/name) and that the token has access to it: for another repository than the workflow's own, use a PAT or GitHub App token with access to it.", cause);
    }
    if (status === 410) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .OrchestratorGitError */ .Xw('ISSUES_DISABLED', `Issues are disabled for ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .quote */ .hD)(repository)} (410 while ${doing}).`, 'Enable Issues in the repository settings (Settings → General → Features → Issues).', cause);
    }
    const remaining = headers['x-ratelimit-remaining'];
    if (status === 429 || (status === 403 && (String(remaining) === '0' || /rate limit/i.test(message)))) {
        const reset = Number(headers['x-ratelimit-reset']);
        const retryAfter = Number(headers['retry-after']);
        const when = Number.isFinite(retryAfter) && retryAfter > 0
            ? ` GitHub asked to wait ${retryAfter} s.`
            : Number.isFinite(reset) && reset > 0
                ? ` It resets at ${new Date(reset * 1000).toISOString()}.`
                : '';
        return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .OrchestratorGitError */ .Xw('RATE_LIMITED', `GitHub's rate limit stopped the run while ${doing} (${status} ${message}).${when}`, 'The next run resumes where this one stopped; nothing is duplicated. For large plans, schedule runs further apart or use a GitHub App token (higher limits).', cause);
    }
    if (status === 403) {
        const needed = headers['x-accepted-github-permissions'];
        return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .OrchestratorGitError */ .Xw('PERMISSION_DENIED', `The token may not do this while ${doing} in ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .quote */ .hD)(repository)} (403 ${message}${needed ? `; needs ${needed}` : ''}).`, 'Give the workflow `permissions: { issues: write, contents: write }` (contents only to commit the state file), or use a token with the Issues write permission on this repository.', cause);
    }
    if (status === 422) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .OrchestratorGitError */ .Xw('VALIDATION_FAILED', `GitHub refused the request while ${doing}: ${message}.`, 'The item is reported as failed and the rest of the run goes on; fix the value named above in the orchestrator state or the config.', cause);
    }
    // Octokit reports a connection that failed before any answer (reset, timeout, cut-off body) as a 500 without a
    // response; saying 500 would blame GitHub for what may be the network.
    const answered = typeof error === 'object' && error !== null && 'response' in error && error.response !== undefined;
    return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .OrchestratorGitError */ .Xw('PLATFORM_ERROR', answered || status === undefined
        ? `GitHub request failed while ${doing}: ${status ? `${status} ` : ''}${message}.`
        : `The connection to GitHub failed while ${doing}, before a complete answer: ${message}.`, 'This is usually temporary: the next run retries. If it persists, check https://www.githubstatus.com or your GitHub Enterprise Server.', cause);
}
/** Errors after which no later request can succeed in this run. */


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
