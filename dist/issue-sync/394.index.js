export const id = 394;
export const ids = [394];
export const modules = {

/***/ 394:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  BitbucketIssueTracker: () => (/* binding */ BitbucketIssueTracker)
});

// UNUSED EXPORTS: BITBUCKET_CAPABILITIES, parseRepository

// EXTERNAL MODULE: ./build/src/errors.js
var errors = __webpack_require__(7406);
// EXTERNAL MODULE: ./build/src/platforms/types.js
var types = __webpack_require__(551);
;// CONCATENATED MODULE: ./build/src/platforms/bitbucket/client.js
/**
 * The one HTTP client for Bitbucket Cloud's REST API 2.0, on Node's global fetch: credentials, retries, write pacing,
 * timeouts, paging and request counting live here, not at call sites; toCatalogueError turns what it throws into
 * catalogue errors.
 */


const BITBUCKET_API_URL = 'https://api.bitbucket.org/2.0';
/** Statuses after which an idempotent request is tried again. */
const RETRYABLE = new Set([429, 502, 503, 504]);
/** Bitbucket answered with an error status. `status` is what the engine's ambiguity check reads. */
class BitbucketHttpError extends Error {
    status;
    /** The parsed JSON body, or the text of a non-JSON body. */
    body;
    /** Seconds, from Retry-After; undefined when absent or unreadable. */
    retryAfter;
    method;
    /** Path and query below the API base (never credentials). */
    path;
    constructor(status, body, retryAfter, method, path) {
        super(`${method} ${path} answered ${status}${errorText(body) === '' ? '' : `: ${errorText(body)}`}`);
        this.name = 'BitbucketHttpError';
        this.status = status;
        this.body = body;
        this.retryAfter = retryAfter;
        this.method = method;
        this.path = path;
    }
    /** `error.message` of Bitbucket's envelope, or the first line of a text body. */
    get platformMessage() {
        return errorText(this.body);
    }
}
/**
 * No complete answer: the connection failed, timed out, or the body was cut off or unreadable. Deliberately without a
 * `status` property — the request may or may not have taken effect.
 */
class BitbucketTransportError extends Error {
    method;
    path;
    constructor(message, method, path, options) {
        super(message, options);
        this.name = 'BitbucketTransportError';
        this.method = method;
        this.path = path;
    }
}
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
class BitbucketClient {
    stats = (0,types/* emptyStats */.b)();
    authKind;
    /** The Date header of the latest response, as ISO 8601. */
    serverDate = null;
    base;
    authorization;
    timeoutMs;
    retries;
    retryBaseMs;
    maxWaitMs;
    writeDelayMs;
    log;
    writeQueue = Promise.resolve();
    lastWriteAt = Number.NEGATIVE_INFINITY;
    constructor(options) {
        this.base = new URL((options.baseUrl ?? BITBUCKET_API_URL).replace(/\/+$/, ''));
        this.authKind = options.auth.kind;
        this.authorization =
            options.auth.kind === 'bearer'
                ? `Bearer ${options.auth.token}`
                : `Basic ${Buffer.from(`${options.auth.username}:${options.auth.password}`, 'utf8').toString('base64')}`;
        this.timeoutMs = options.timeoutMs ?? 30_000;
        this.retries = Math.max(0, options.retries ?? 3);
        this.retryBaseMs = Math.max(0, options.retryBaseMs ?? 1000);
        this.maxWaitMs = Math.max(0, options.maxRetryWaitSeconds ?? 60) * 1000;
        this.writeDelayMs =
            options.writeDelayMs === undefined || options.writeDelayMs === null
                ? null
                : Math.max(0, options.writeDelayMs);
        this.log = options.log ?? (() => undefined);
    }
    /**
     * One API call. `target` is a path below the base (`/repositories/…`, query included) or an absolute URL the API
     * handed out (a `next` link), which must lie below the base. Resolves with the parsed JSON of a 2xx answer; throws
     * BitbucketHttpError for an error status and BitbucketTransportError when no complete answer came. With `retry`
     * (idempotent requests only) 429 / 502 / 503 / 504 and lost connections are tried again.
     */
    async request(method, target, options) {
        const url = this.resolve(target);
        const path = `${url.pathname.slice(this.base.pathname.replace(/\/$/, '').length)}${url.search}`;
        const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
        for (let attempt = 0;; attempt += 1) {
            if (method !== 'GET')
                await this.paceWrite();
            try {
                return (await this.attempt(method, url, path, payload));
            }
            catch (error) {
                const wait = this.retryWait(error, attempt, options.retry);
                if (wait === undefined)
                    throw error;
                this.stats.retries += 1;
                this.log(`Bitbucket: retrying ${method} ${path} in ${Math.round(wait / 100) / 10} s (${error instanceof Error ? error.message : String(error)})`);
                await sleep(wait);
            }
        }
    }
    /** Every value of a paged collection, following `next` links. */
    async all(target) {
        const values = [];
        const seen = new Set();
        let next = target;
        while (next !== undefined) {
            if (seen.has(next)) {
                throw new BitbucketTransportError(`The page ${next} came round twice while paging`, 'GET', next);
            }
            seen.add(next);
            const page = await this.request('GET', next, { retry: true });
            if (typeof page !== 'object' || page === null || !Array.isArray(page.values)) {
                throw new BitbucketTransportError('The answer is not a page of values', 'GET', next);
            }
            values.push(...page.values);
            next = typeof page.next === 'string' && page.next !== '' ? page.next : undefined;
        }
        return values;
    }
    resolve(target) {
        const basePath = this.base.pathname.replace(/\/$/, '');
        if (!/^https?:\/\//i.test(target))
            return new URL(`${this.base.origin}${basePath}${target}`);
        const url = new URL(target);
        // The credentials go only where they were meant to: a link elsewhere is not followed.
        if (url.origin !== this.base.origin || !`${url.pathname}/`.startsWith(`${basePath}/`)) {
            throw new BitbucketTransportError(`Refused to follow a link outside ${this.base.origin}${basePath}: ${(0,errors/* quote */.hD)(url.origin + url.pathname)}`, 'GET', url.pathname);
        }
        return url;
    }
    async attempt(method, url, path, payload) {
        if (method === 'GET')
            this.stats.reads += 1;
        else
            this.stats.writes += 1;
        const headers = {
            accept: 'application/json',
            authorization: this.authorization,
            'user-agent': 'orchestrator-git',
        };
        if (payload !== undefined)
            headers['content-type'] = 'application/json';
        let response;
        let text;
        try {
            response = await fetch(url, {
                method,
                headers,
                body: payload,
                signal: AbortSignal.timeout(this.timeoutMs),
            });
        }
        catch (error) {
            this.stats.failures += 1;
            throw new BitbucketTransportError(transportMessage(error, this.timeoutMs), method, path, {
                cause: error,
            });
        }
        const date = Date.parse(response.headers.get('date') ?? '');
        if (Number.isFinite(date))
            this.serverDate = new Date(date).toISOString();
        try {
            // Read the whole body: one cut off mid-way is a failed exchange, not a short list.
            text = await response.text();
        }
        catch (error) {
            this.stats.failures += 1;
            throw new BitbucketTransportError(`the ${response.status} answer was cut off (${transportMessage(error, this.timeoutMs)})`, method, path, { cause: error });
        }
        if (response.status === 304)
            this.stats.notModified += 1;
        if (response.status >= 200 && response.status < 300) {
            if (text.trim() === '')
                return undefined;
            try {
                return JSON.parse(text);
            }
            catch (error) {
                this.stats.failures += 1;
                throw new BitbucketTransportError(`the ${response.status} answer is not complete JSON (${text.length} characters)`, method, path, { cause: error });
            }
        }
        if (response.status >= 400)
            this.stats.failures += 1;
        let body = text;
        try {
            body = text.trim() === '' ? undefined : JSON.parse(text);
        }
        catch {
            // A text body (a failed Basic login, a proxy's error page) stays text.
        }
        throw new BitbucketHttpError(response.status, body, retryAfterSeconds(response.headers.get('retry-after')), method, path);
    }
    /** How long to wait before trying `error` again, or undefined when it is not to be retried. */
    retryWait(error, attempt, retry) {
        // A 429 was refused before anything ran, so even a create can be sent again.
        const refused = error instanceof BitbucketHttpError && error.status === 429;
        if ((!retry && !refused) || attempt >= this.retries)
            return undefined;
        const backoff = this.retryBaseMs * (attempt + 1) ** 2;
        if (error instanceof BitbucketTransportError)
            return backoff;
        if (!(error instanceof BitbucketHttpError) || !RETRYABLE.has(error.status))
            return undefined;
        const wait = error.retryAfter !== undefined ? error.retryAfter * 1000 : backoff;
        return wait <= this.maxWaitMs ? wait : undefined;
    }
    /** Writes start at least writeDelayMs apart, one after another. */
    async paceWrite() {
        const delay = this.writeDelayMs;
        if (delay === null)
            return;
        const previous = this.writeQueue;
        let release = () => undefined;
        this.writeQueue = new Promise((resolve) => {
            release = resolve;
        });
        await previous;
        const wait = this.lastWriteAt + delay - Date.now();
        if (wait > 0)
            await sleep(wait);
        this.lastWriteAt = Date.now();
        release();
    }
}
function retryAfterSeconds(header) {
    if (header === null || header.trim() === '')
        return undefined;
    if (/^\d+$/.test(header.trim()))
        return Number.parseInt(header, 10);
    const date = Date.parse(header);
    return Number.isFinite(date) ? Math.max(0, Math.ceil((date - Date.now()) / 1000)) : undefined;
}
function transportMessage(error, timeoutMs) {
    // Duck-typed: fetch's errors (a DOMException for a timeout) may come from another realm than this module's Error.
    const { name, message, cause } = fields(error);
    if (name === 'TimeoutError' || name === 'AbortError')
        return `no answer within ${timeoutMs} ms`;
    const text = message ?? String(error);
    const inner = fields(cause);
    if (inner.message === undefined)
        return text;
    return `${text}: ${inner.message}${inner.code === undefined ? '' : ` ${inner.code}`}`;
}
function fields(value) {
    if (typeof value !== 'object' || value === null)
        return {};
    const record = value;
    const text = (key) => typeof record[key] === 'string' ? record[key] : undefined;
    return { name: text('name'), message: text('message'), code: text('code'), cause: record['cause'] };
}
function oneLine(text, max = 300) {
    const line = text.replace(/\s+/g, ' ').trim();
    return line.length > max ? `${line.slice(0, max)}…` : line;
}
function envelope(body) {
    if (typeof body !== 'object' || body === null || !('error' in body))
        return undefined;
    const error = body.error;
    return typeof error === 'object' && error !== null ? error : undefined;
}
/** What Bitbucket said: `error.message` of its envelope, the first line of a text body, or ''. */
function errorText(body) {
    const error = envelope(body);
    if (error && typeof error.message === 'string')
        return oneLine(error.message);
    if (typeof body === 'string' && body.trim() !== '')
        return oneLine(body.trim().split('\n')[0] ?? '');
    return '';
}
/** `field: message; …` of a 400's `error.fields`, or '' when it has none. */
function fieldErrors(body) {
    const fields = envelope(body)?.fields;
    if (typeof fields !== 'object' || fields === null)
        return '';
    return Object.entries(fields)
        .map(([field, messages]) => {
        const list = Array.isArray(messages) ? messages.map(String) : [String(messages)];
        return `${field}: ${oneLine(list.join(' '), 200)}`;
    })
        .join('; ');
}
/** The `detail` of a missing-scope 403: `{"required": […], "granted": […]}`. */
function scopeDetail(body) {
    const detail = envelope(body)?.detail;
    if (typeof detail !== 'object' || detail === null || !('required' in detail))
        return undefined;
    const list = (value) => (Array.isArray(value) ? value.map(String) : []);
    return {
        required: list(detail.required),
        granted: list(detail.granted),
    };
}
/** The 404 every issue-tracker endpoint answers when the repository's issue tracker is off. */
function isTrackerDisabled(error) {
    return (error instanceof BitbucketHttpError &&
        error.status === 404 &&
        /has no issue tracker/i.test(error.platformMessage));
}
/** The 404 of a repository that does not exist or that the credentials cannot see. */
function isRepositoryMissing(error) {
    return (error instanceof BitbucketHttpError &&
        error.status === 404 &&
        !isTrackerDisabled(error) &&
        /repository/i.test(error.platformMessage));
}
const TOKEN_FIX = {
    bearer: 'BITBUCKET_TOKEN is sent as a Bearer token, which must be a repository, project or workspace access token (or an OAuth access token) that has not expired or been revoked. An app password or an Atlassian API token is not a Bearer token: unset BITBUCKET_TOKEN and set BITBUCKET_USERNAME (your Bitbucket username for an app password, your Atlassian account email for an API token) and BITBUCKET_APP_PASSWORD instead.',
    basic: 'BITBUCKET_USERNAME and BITBUCKET_APP_PASSWORD are sent as a Basic login: with an app password the username is your Bitbucket username (Personal settings → Account settings), with an Atlassian API token it is your Atlassian account email; check the secret has not been revoked. For a repository, project or workspace access token set BITBUCKET_TOKEN instead (no username).',
};
/**
 * Turns what the client threw into a catalogue error that says what went wrong and how to fix it. `about` says what a
 * plain 404 means: the repository (default), or the issue named in `doing`.
 */
function toCatalogueError(error, repository, doing, authKind, about = 'repository') {
    if (error instanceof errors/* OrchestratorGitError */.Xw)
        return error;
    const cause = { cause: error };
    if (error instanceof BitbucketTransportError || !(error instanceof BitbucketHttpError)) {
        const message = error instanceof Error ? error.message : String(error);
        return new errors/* OrchestratorGitError */.Xw('PLATFORM_ERROR', `The connection to Bitbucket failed while ${doing}, before a complete answer: ${message}.`, 'This is usually temporary: the next run retries, and looks for an issue it may have created before creating it again. If it persists, check the network and https://bitbucket.status.atlassian.com.', cause);
    }
    const { status } = error;
    const message = error.platformMessage;
    /** The status and what Bitbucket said with it. */
    const said = message === '' ? String(status) : `${status} ${message}`;
    if (status === 401) {
        return new errors/* OrchestratorGitError */.Xw('TOKEN_INVALID', `Bitbucket rejected the ${authKind === 'bearer' ? 'access token' : 'username and password'} while ${doing} (${said}).`, TOKEN_FIX[authKind], cause);
    }
    if (status === 403) {
        const scopes = scopeDetail(error.body);
        if (scopes) {
            const apiToken = scopes.required.some((scope) => scope.endsWith(':bitbucket'));
            return new errors/* OrchestratorGitError */.Xw('PERMISSION_DENIED', `The credentials lack the scope ${scopes.required.join(', ')} needed while ${doing} in ${(0,errors/* quote */.hD)(repository)} (${said}; granted: ${scopes.granted.join(', ') || 'none'}).`, apiToken
                ? 'Create an Atlassian API token with the Bitbucket scopes read:issue:bitbucket and write:issue:bitbucket (write does not include read), plus read:workspace:bitbucket and read:user:bitbucket to check assignees, and put it in BITBUCKET_APP_PASSWORD with your account email as BITBUCKET_USERNAME.'
                : 'Give the access token (Repository settings → Access tokens) or the app password the Issues Read and Write permissions (scopes issue and issue:write); Account Read (scope account) lets assignees be checked.', cause);
        }
        return new errors/* OrchestratorGitError */.Xw('PERMISSION_DENIED', `The credentials may not do this while ${doing} in ${(0,errors/* quote */.hD)(repository)} (${said}).`, 'Give the account write access to the repository (Repository settings → User and group access), or use a repository or workspace access token with the Issues Write permission (scope issue:write).', cause);
    }
    if (status === 404 && isTrackerDisabled(error)) {
        return new errors/* OrchestratorGitError */.Xw('ISSUES_DISABLED', `Repository ${(0,errors/* quote */.hD)(repository)} has no issue tracker (404 while ${doing}).`, 'Turn the issue tracker on in Repository settings → Features → Issue tracker (repositories in workspaces administered through admin.atlassian.com cannot have one).', cause);
    }
    if (status === 404 && (about === 'repository' || isRepositoryMissing(error))) {
        return new errors/* OrchestratorGitError */.Xw('REPOSITORY_NOT_FOUND', `Repository ${(0,errors/* quote */.hD)(repository)} was not found, or the credentials cannot see it (404 while ${doing}${message ? `: ${message}` : ''}).`, 'Check the repository (workspace/repo_slug, as in https://bitbucket.org/workspace/repo_slug) and that the credentials can see it: a repository access token sees only its own repository, a workspace access token only its workspace, a user only the workspaces they belong to.', cause);
    }
    if (status === 400) {
        const fields = fieldErrors(error.body);
        return new errors/* OrchestratorGitError */.Xw('VALIDATION_FAILED', `Bitbucket refused the request while ${doing}: ${message || '400'}${fields ? ` (${fields})` : ''}.`, 'The item is reported as failed and the rest of the run goes on; fix the value named above in the orchestrator state or the config.', cause);
    }
    if (status === 429) {
        const when = error.retryAfter !== undefined ? ` Bitbucket asked to wait ${error.retryAfter} s.` : '';
        return new errors/* OrchestratorGitError */.Xw('RATE_LIMITED', `Bitbucket's rate limit stopped the run while ${doing} (${said}).${when}`, 'Bitbucket allows about 1,000 requests an hour to repository data per user or per access token, over a rolling hour. The next run resumes where this one stopped; nothing is duplicated. Schedule runs further apart, or use an access token (its own allowance).', cause);
    }
    if (status === 404) {
        return new errors/* OrchestratorGitError */.Xw('PLATFORM_ERROR', `Bitbucket found nothing while ${doing} (${said}); the issue was probably deleted.`, 'Nothing to do: the next run reads the repository again and recreates the issue if its item still needs one.', cause);
    }
    return new errors/* OrchestratorGitError */.Xw('PLATFORM_ERROR', `Bitbucket request failed while ${doing}: ${said}.`, 'This is usually temporary: the next run retries. If it persists, check https://bitbucket.status.atlassian.com.', cause);
}

;// CONCATENATED MODULE: ./build/src/platforms/bitbucket/issues.js



/**
 * Bitbucket keeps one assignee, no labels, and milestones that the API can only read (they are made in the repository
 * settings). Closed issues carry a reason through the workflow state (resolved / wontfix / …), and kind, priority and
 * that state are the tool's to set. Titles: 255 characters.
 */
const BITBUCKET_CAPABILITIES = {
    stateReason: true,
    labels: false,
    createMilestones: false,
    maxAssignees: 1,
    titleLimit: 255,
    timestampPrecisionMs: 1,
    attributes: ['kind', 'priority', 'state'],
};
/** Workflow states that count as open; every other one (resolved, closed, invalid, duplicate, wontfix) is closed. */
const OPEN_STATES = new Set(['new', 'open', 'on hold', 'submitted']);
const NOT_PLANNED_STATES = new Set(['invalid', 'duplicate', 'wontfix']);
const WORKSPACE = /^(?:[A-Za-z0-9][A-Za-z0-9_-]{0,99}|\{[0-9A-Fa-f-]{36}\})$/;
const SLUG = /^(?:[A-Za-z0-9._-]{1,100}|\{[0-9A-Fa-f-]{36}\})$/;
function parseRepository(repository) {
    const [workspace = '', slug = '', ...rest] = repository.trim().split('/');
    if (rest.length > 0 || !WORKSPACE.test(workspace) || !SLUG.test(slug) || slug === '.' || slug === '..') {
        throw new errors/* OrchestratorGitError */.Xw('REPOSITORY_MALFORMED', `Repository ${(0,errors/* quote */.hD)(repository)} is not of the form workspace/repo_slug.`, 'Set the repository to workspace/repo_slug as in its URL, e.g. acme/widgets for https://bitbucket.org/acme/widgets (in Bitbucket Pipelines: $BITBUCKET_REPO_FULL_NAME).');
    }
    return { workspace, slug };
}
const ATTRIBUTES = ['kind', 'priority', 'state'];
class BitbucketIssueTracker {
    platform = 'bitbucket';
    capabilities = BITBUCKET_CAPABILITIES;
    repository;
    workspace;
    repoPath;
    client;
    log;
    /** Milestone id → name, from every milestone list and issue read. */
    milestoneNames = new Map();
    /** Login (lower-case for a `{uuid}`) → whether it can be assigned. */
    assignable = new Map();
    /** False once the members list turned out to be out of the credentials' reach (scope `account` missing). */
    membersReadable = true;
    /** False once a PUT was seen to leave the workflow state alone: states then go through `POST …/changes`. */
    putSetsState = true;
    constructor(repository, options) {
        const { workspace, slug } = parseRepository(repository);
        this.workspace = workspace;
        this.repository = `${workspace}/${slug}`;
        this.repoPath = `/repositories/${encodeURIComponent(workspace)}/${encodeURIComponent(slug)}`;
        this.client = new BitbucketClient(options);
        this.log = options.log ?? (() => undefined);
    }
    stats() {
        return { ...this.client.stats };
    }
    serverTime() {
        return this.client.serverDate;
    }
    async listIssues(options = {}) {
        const since = options.updatedSince;
        // A stable order keeps pages from shifting while issues are created; with `since`, issues updated meanwhile
        // move to the end and are read there (the later copy wins).
        const query = since
            ? `pagelen=100&sort=updated_on&q=${encodeURIComponent(`updated_on >= "${bbqlTime(since)}"`)}`
            : 'pagelen=100&sort=id';
        const doing = since ? `listing issues updated since ${since}` : 'listing issues';
        const items = await this.call(doing, () => this.client.all(`${this.repoPath}/issues?${query}`));
        const byId = new Map();
        for (const item of items) {
            if (typeof item === 'object' && item !== null)
                byId.set(item.id, item);
        }
        return this.toActual([...byId.values()].sort((a, b) => a.id - b.id));
    }
    async getIssue(number) {
        let item;
        try {
            item = await this.client.request('GET', `${this.repoPath}/issues/${number}`, {
                retry: true,
            });
        }
        catch (error) {
            // The issue was deleted (or moved); the repository and its tracker still answer for themselves.
            if (error instanceof BitbucketHttpError && error.status === 404) {
                if (!isTrackerDisabled(error) && !isRepositoryMissing(error))
                    return null;
            }
            throw this.error(error, `reading issue #${number}`);
        }
        const [issue] = await this.toActual([item]);
        return issue ?? null;
    }
    /** Bitbucket has no labels (kind and priority take their place). */
    listLabels() {
        return Promise.resolve(new Set());
    }
    createLabel(label) {
        return Promise.reject(new errors/* OrchestratorGitError */.Xw('NOT_SUPPORTED', `Bitbucket Cloud has no labels, so label ${(0,errors/* quote */.hD)(label.name)} cannot be created in ${(0,errors/* quote */.hD)(this.repository)}.`, 'Nothing to do: on Bitbucket the tool sets each issue’s kind, priority and workflow state instead of labels; label settings in the config are ignored there.'));
    }
    checkAccess() {
        return (0,types/* runAccessChecks */.N)([
            {
                // Not GET /repositories/{…}: that needs the `repository` scope, which an issue token may rightly lack. The
                // issue list answers for the repository (404) and its tracker ("Repository has no issue tracker.") too.
                name: 'read issues',
                run: async () => {
                    await this.call('reading issues', () => this.client.request('GET', `${this.repoPath}/issues?pagelen=1`, { retry: true }));
                    return `${this.repository} is reachable, its issue tracker is on, and issues can be read`;
                },
            },
            {
                name: 'write issues',
                // An issue without a title: Bitbucket checks the credentials' scopes first, then refuses it (400), so a 400
                // proves write access and nothing is ever created.
                run: async () => {
                    try {
                        await this.client.request('POST', `${this.repoPath}/issues`, { body: {}, retry: false });
                    }
                    catch (error) {
                        if (error instanceof BitbucketHttpError && error.status === 400)
                            return 'issues can be written (probed: nothing was created)';
                        throw this.error(error, 'checking that issues can be written');
                    }
                    throw new errors/* OrchestratorGitError */.Xw('PLATFORM_ERROR', 'Bitbucket accepted an issue without a title while checking write access.', 'Delete that issue by hand; write access is there.');
                },
            },
        ]);
    }
    async listMilestones() {
        const milestones = await this.call('listing milestones', () => this.client.all(`${this.repoPath}/milestones?pagelen=100`));
        return milestones.map((milestone) => {
            this.milestoneNames.set(milestone.id, milestone.name);
            return { number: milestone.id, title: milestone.name, state: 'open', dueOn: null };
        });
    }
    createMilestone(milestone) {
        return Promise.reject(new errors/* OrchestratorGitError */.Xw('NOT_SUPPORTED', `Milestone ${(0,errors/* quote */.hD)(milestone.title)} does not exist in ${(0,errors/* quote */.hD)(this.repository)}, and Bitbucket's API cannot create milestones.`, `Create it on bitbucket.org in Repository settings → Issues → Milestones, named exactly ${(0,errors/* quote */.hD)(milestone.title)}; the next run uses it.`));
    }
    /**
     * `login` is an account id or a `{uuid}`. Assignable means a member of the repository's workspace (what Bitbucket
     * checks on write); when the credentials may not list members (no `account` scope), an existing account is taken as
     * assignable and the write itself has the last word.
     */
    async isAssignable(login) {
        const key = isUuid(login) ? login.toLowerCase() : login;
        const cached = this.assignable.get(key);
        if (cached !== undefined)
            return cached;
        const doing = `checking whether ${(0,errors/* quote */.hD)(login)} can be assigned`;
        let result;
        if (this.membersReadable) {
            try {
                result = await this.isMember(login);
            }
            catch (error) {
                if (!(error instanceof BitbucketHttpError) || (error.status !== 403 && error.status !== 404)) {
                    throw this.error(error, doing);
                }
                this.membersReadable = false;
                this.log(`Bitbucket: the members of workspace ${this.workspace} cannot be listed (${error.status} ${error.platformMessage}); assignees are only checked to exist.`);
            }
        }
        if (result === undefined)
            result = await this.accountExists(login, doing);
        this.assignable.set(key, result);
        return result;
    }
    async createIssue(write) {
        const doing = `creating issue ${(0,errors/* quote */.hD)(write.title)}`;
        const body = { title: write.title, content: { raw: write.body } };
        const assignee = write.assignees[0];
        if (assignee !== undefined)
            body['assignee'] = accountRef(assignee);
        if (write.milestone !== null)
            body['milestone'] = { name: await this.milestoneName(write.milestone, doing) };
        for (const name of ATTRIBUTES) {
            const value = write.attributes?.[name];
            if (value !== undefined)
                body[name] = value;
        }
        // A create is not idempotent: a blind retry after a lost answer could duplicate the issue.
        const item = await this.call(doing, () => this.client.request('POST', `${this.repoPath}/issues`, { body, retry: false }));
        const [issue] = await this.toActual([item]);
        if (!issue)
            throw incomplete();
        return issue;
    }
    /**
     * One partial `PUT` carrying every changed field, the workflow state included (the issue representation lists `state`
     * as writable), whose answer is the issue after the edit: one write per issue. Should that answer show the state
     * untouched, or the edit be refused for naming `state` (400), the state goes through `POST …/issues/{id}/changes`,
     * the documented way, from then on. Without fields the issue is read back.
     */
    async updateIssue(number, patch) {
        const doing = `updating issue #${number}`;
        const put = {};
        if (patch.title !== undefined)
            put['title'] = patch.title;
        if (patch.body !== undefined)
            put['content'] = { raw: patch.body };
        if (patch.assignees !== undefined) {
            const first = patch.assignees[0];
            put['assignee'] = first === undefined ? null : accountRef(first);
        }
        if (patch.milestone !== undefined) {
            put['milestone'] =
                patch.milestone === null ? null : { name: await this.milestoneName(patch.milestone, doing) };
        }
        for (const name of ['kind', 'priority']) {
            const value = patch.attributes?.[name];
            if (value !== undefined)
                put[name] = value;
        }
        const state = targetState(patch);
        const path = `${this.repoPath}/issues/${number}`;
        const item = await this.call(doing, async () => {
            if (state !== undefined && this.putSetsState) {
                let updated;
                try {
                    updated = await this.client.request('PUT', path, {
                        body: { ...put, state },
                        retry: true,
                    });
                }
                catch (error) {
                    if (!refusesState(error))
                        throw error;
                    this.putSetsState = false;
                    this.log(`Bitbucket: an edit of issue #${number} may not set its state (${error.platformMessage}); states are set through POST …/changes from now on.`);
                    await this.setState(path, state);
                    return Object.keys(put).length > 0
                        ? this.client.request('PUT', path, { body: put, retry: true })
                        : this.client.request('GET', path, { retry: true });
                }
                // A malformed answer is toActual's to report.
                if (typeof updated !== 'object' || updated === null || updated.state === state)
                    return updated;
                this.putSetsState = false;
                this.log(`Bitbucket: an edit left issue #${number} in state ${(0,errors/* quote */.hD)(String(updated.state))} instead of ${(0,errors/* quote */.hD)(state)}; states are set through POST …/changes from now on.`);
                await this.setState(path, state);
                return this.client.request('GET', path, { retry: true });
            }
            if (state !== undefined)
                await this.setState(path, state);
            if (Object.keys(put).length > 0) {
                return this.client.request('PUT', path, { body: put, retry: true });
            }
            return this.client.request('GET', path, { retry: true });
        }, 'issue');
        const [issue] = await this.toActual([item]);
        if (!issue)
            throw incomplete();
        return issue;
    }
    /** Setting a state is idempotent (a repeat records at most an empty change), so it is retried like a PUT. */
    async setState(path, state) {
        await this.client.request('POST', `${path}/changes`, {
            body: { changes: { state: { new: state } } },
            retry: true,
        });
    }
    async isMember(login) {
        const field = isUuid(login) ? 'user.uuid' : 'user.account_id';
        const q = encodeURIComponent(`${field} = "${login.replace(/["\\]/g, '\\$&')}"`);
        const members = await this.client.all(`/workspaces/${encodeURIComponent(this.workspace)}/members?q=${q}&pagelen=100`);
        // The filter narrows the list; the match is checked here all the same.
        return members.some((member) => sameAccount(member.user, login));
    }
    async accountExists(login, doing) {
        try {
            const user = await this.client.request('GET', `/users/${encodeURIComponent(login)}`, {
                retry: true,
            });
            return sameAccount(user, login);
        }
        catch (error) {
            if (error instanceof BitbucketHttpError && error.status === 404)
                return false;
            if (error instanceof BitbucketHttpError && error.status === 403) {
                this.log(`Bitbucket: ${(0,errors/* quote */.hD)(login)} cannot be looked up (403 ${error.platformMessage}); the write will tell whether it can be assigned.`);
                return true;
            }
            throw this.error(error, doing);
        }
    }
    /** The name of milestone `id` (writes name milestones), from what was read or a fresh list. */
    async milestoneName(id, doing) {
        if (!this.milestoneNames.has(id))
            await this.listMilestones();
        const name = this.milestoneNames.get(id);
        if (name === undefined) {
            throw new errors/* OrchestratorGitError */.Xw('VALIDATION_FAILED', `Milestone #${id} does not exist in ${(0,errors/* quote */.hD)(this.repository)} (while ${doing}).`, 'Create the milestone in Repository settings → Issues → Milestones, or remove it from the item; the next run picks it up.');
        }
        return name;
    }
    async toActual(items) {
        for (const item of items) {
            if (typeof item !== 'object' || item === null || typeof item.id !== 'number')
                throw incomplete();
        }
        // An issue's milestone normally carries its id; for one that has only a name, the list says which id it is.
        const known = new Set(this.milestoneNames.values());
        const unresolved = items.some((item) => {
            const name = item.milestone?.name;
            return (item.milestone && name !== undefined && milestoneId(item.milestone) === undefined && !known.has(name));
        });
        if (unresolved)
            await this.listMilestones();
        return items.map((item) => this.toActualIssue(item));
    }
    toActualIssue(item) {
        const state = item.state ?? 'new';
        const closed = !OPEN_STATES.has(state);
        let milestone = null;
        if (item.milestone && typeof item.milestone.name === 'string') {
            const title = item.milestone.name;
            let id = milestoneId(item.milestone);
            if (id === undefined) {
                for (const [known, name] of this.milestoneNames)
                    if (name === title)
                        id = known;
            }
            else
                this.milestoneNames.set(id, title);
            milestone = { number: id ?? 0, title };
        }
        const attributes = {};
        for (const name of ATTRIBUTES) {
            const value = item[name];
            if (typeof value === 'string')
                attributes[name] = value;
        }
        return {
            number: item.id,
            id: String(item.id),
            url: item.links?.html?.href ?? '',
            title: item.title,
            body: item.content?.raw ?? '',
            state: closed ? 'closed' : 'open',
            stateReason: closed ? (NOT_PLANNED_STATES.has(state) ? 'not_planned' : 'completed') : null,
            labels: [],
            assignees: item.assignee ? [accountKey(item.assignee)].filter((key) => key !== '') : [],
            milestone,
            author: item.reporter ? accountKey(item.reporter) || null : null,
            updatedAt: item.updated_on,
            attributes,
        };
    }
    async call(doing, request, about) {
        try {
            return await request();
        }
        catch (error) {
            throw this.error(error, doing, about);
        }
    }
    error(error, doing, about) {
        return toCatalogueError(error, this.repository, doing, this.client.authKind, about ?? 'repository');
    }
}
/** A 400 whose field errors name `state`: the platform would not take the state in an edit. */
function refusesState(error) {
    if (!(error instanceof BitbucketHttpError) || error.status !== 400)
        return false;
    const fields = error.body?.error?.fields;
    return typeof fields === 'object' && fields !== null && 'state' in fields;
}
/** The workflow state a patch asks for: the attribute when given, else one derived from state and reason. */
function targetState(patch) {
    const explicit = patch.attributes?.['state'];
    if (explicit !== undefined)
        return explicit;
    const state = patch.state ??
        (patch.stateReason === 'reopened'
            ? 'open'
            : patch.stateReason === undefined || patch.stateReason === null
                ? undefined
                : 'closed');
    if (state === undefined)
        return undefined;
    if (state === 'open')
        return 'open';
    return patch.stateReason === 'not_planned' ? 'wontfix' : 'resolved';
}
function isUuid(login) {
    return /^\{[0-9a-f-]+\}$/i.test(login);
}
function accountRef(login) {
    return isUuid(login) ? { uuid: login } : { account_id: login };
}
function accountKey(account) {
    return account.account_id ?? account.uuid ?? '';
}
function sameAccount(account, login) {
    if (!account)
        return false;
    return isUuid(login) ? account.uuid?.toLowerCase() === login.toLowerCase() : account.account_id === login;
}
function milestoneId(milestone) {
    if (typeof milestone.id === 'number')
        return milestone.id;
    const match = /\/milestones\/(\d+)\/?$/.exec(milestone.links?.self?.href ?? '');
    return match?.[1] === undefined ? undefined : Number(match[1]);
}
/** BBQL wants ISO 8601 with an offset; the instant is kept, sub-milliseconds aside. */
function bbqlTime(since) {
    const ms = Date.parse(since);
    return Number.isFinite(ms) ? new Date(ms).toISOString().replace(/Z$/, '+00:00') : since.replace(/"/g, '');
}
function incomplete() {
    return new errors/* OrchestratorGitError */.Xw('PLATFORM_ERROR', 'Bitbucket answered with an incomplete response body, so the outcome of the request is unknown.', 'Nothing to do: the run looks for the issue by its marker before creating it again, and the next run reconciles.');
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
