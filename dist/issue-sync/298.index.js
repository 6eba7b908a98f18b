export const id = 298;
export const ids = [298];
export const modules = {

/***/ 4298:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  GitHubIssueTracker: () => (/* binding */ GitHubIssueTracker)
});

// UNUSED EXPORTS: GITHUB_CAPABILITIES, parseRepository, toActualIssue

// EXTERNAL MODULE: ./build/src/errors.js
var errors = __webpack_require__(7406);
// EXTERNAL MODULE: ./build/src/platforms/types.js
var types = __webpack_require__(551);
// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js + 21 modules
var github = __webpack_require__(1758);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-retry/dist-bundle/index.js
var dist_bundle = __webpack_require__(9735);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var plugin_throttling_dist_bundle = __webpack_require__(6856);
// EXTERNAL MODULE: ./node_modules/bottleneck/light.js
var light = __webpack_require__(3251);
;// CONCATENATED MODULE: ./build/src/platforms/github/client.js
/** The one Octokit client for GitHub: retries, throttling, timeouts and request counting live here, not at call sites. */



// The light build is what plugin-throttling itself uses; its types are the full package's.
// @ts-expect-error: the light entry ships no declaration file of its own



function createGitHubClient(options) {
    const stats = (0,types/* emptyStats */.b)();
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
    const Bottleneck = light;
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
    const octokit = (0,github/* getOctokit */.Q)(options.token, {
        baseUrl: options.baseUrl.replace(/\/+$/, ''),
        request: { fetch: countingFetch },
        // Retries belong here, not in `request`: a `request.retries` makes plugin-retry retry even 4xx answers.
        retry: { retryAfterBaseValue: options.retryBaseMs ?? 1000, retries: options.retries ?? 3 },
        throttle,
        log: { debug: () => undefined, info: () => undefined, warn: log, error: log },
    }, dist_bundle/* retry */.L, plugin_throttling_dist_bundle/* throttling */.A);
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
    if (error instanceof errors/* OrchestratorGitError */.Xw)
        return error;
    const status = httpStatus(error);
    const message = platformMessage(error);
    const headers = responseOf(error).headers ?? {};
    const cause = { cause: error };
    if (status === 401) {
        return new errors/* OrchestratorGitError */.Xw('TOKEN_INVALID', `GitHub rejected the token while ${doing} (401 ${message}).`, 'Check that the `token` input holds a valid, unexpired token (secrets.GITHUB_TOKEN, a PAT, or a GitHub App token).', cause);
    }
    if (status === 404) {
        return new errors/* OrchestratorGitError */.Xw('REPOSITORY_NOT_FOUND', `Repository ${(0,errors/* quote */.hD)(repository)} was not found, or the token cannot see it (404 while ${doing}).`, "Check the `repository` input (owner/name) and that the token has access to it: for another repository than the workflow's own, use a PAT or GitHub App token with access to it.", cause);
    }
    if (status === 410) {
        return new errors/* OrchestratorGitError */.Xw('ISSUES_DISABLED', `Issues are disabled for ${(0,errors/* quote */.hD)(repository)} (410 while ${doing}).`, 'Enable Issues in the repository settings (Settings → General → Features → Issues).', cause);
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
        return new errors/* OrchestratorGitError */.Xw('RATE_LIMITED', `GitHub's rate limit stopped the run while ${doing} (${status} ${message}).${when}`, 'The next run resumes where this one stopped; nothing is duplicated. For large plans, schedule runs further apart or use a GitHub App token (higher limits).', cause);
    }
    if (status === 403) {
        const needed = headers['x-accepted-github-permissions'];
        return new errors/* OrchestratorGitError */.Xw('PERMISSION_DENIED', `The token may not do this while ${doing} in ${(0,errors/* quote */.hD)(repository)} (403 ${message}${needed ? `; needs ${needed}` : ''}).`, 'Give the workflow `permissions: { issues: write, contents: write }` (contents only to commit the state file), or use a token with the Issues write permission on this repository.', cause);
    }
    if (status === 422) {
        return new errors/* OrchestratorGitError */.Xw('VALIDATION_FAILED', `GitHub refused the request while ${doing}: ${message}.`, 'The item is reported as failed and the rest of the run goes on; fix the value named above in the orchestrator state or the config.', cause);
    }
    // Octokit reports a connection that failed before any answer (reset, timeout, cut-off body) as a 500 without a
    // response; saying 500 would blame GitHub for what may be the network.
    const answered = typeof error === 'object' && error !== null && 'response' in error && error.response !== undefined;
    return new errors/* OrchestratorGitError */.Xw('PLATFORM_ERROR', answered || status === undefined
        ? `GitHub request failed while ${doing}: ${status ? `${status} ` : ''}${message}.`
        : `The connection to GitHub failed while ${doing}, before a complete answer: ${message}.`, 'This is usually temporary: the next run retries. If it persists, check https://www.githubstatus.com or your GitHub Enterprise Server.', cause);
}
/** Errors after which no later request can succeed in this run. */

;// CONCATENATED MODULE: ./build/src/platforms/github/relations.js

class GitHubIssueRelations {
    client;
    owner;
    repo;
    toIssue;
    subIssues = this;
    constructor(client, owner, repo, toIssue) {
        this.client = client;
        this.owner = owner;
        this.repo = repo;
        this.toIssue = toIssue;
    }
    relationId(issue) {
        return issue.databaseId;
    }
    get repository() {
        return `${this.owner}/${this.repo}`;
    }
    async call(doing, request) {
        try {
            return await request();
        }
        catch (error) {
            throw toCatalogueError(error, this.repository, doing);
        }
    }
    async listSubIssues(parentNumber) {
        const items = await this.call(`listing the sub-issues of #${parentNumber}`, () => this.client.octokit.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/sub_issues', {
            owner: this.owner,
            repo: this.repo,
            issue_number: parentNumber,
            per_page: 100,
        }));
        return items.map(this.toIssue);
    }
    async addSubIssue(parentNumber, childId, replaceParent) {
        await this.call(`attaching issue id ${childId} as a sub-issue of #${parentNumber}`, () => this.client.octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/sub_issues', {
            owner: this.owner,
            repo: this.repo,
            issue_number: parentNumber,
            sub_issue_id: childId,
            ...(replaceParent ? { replace_parent: true } : {}),
        }));
    }
    async removeSubIssue(parentNumber, childId) {
        await this.call(`detaching issue id ${childId} from #${parentNumber}`, () => this.client.octokit.request('DELETE /repos/{owner}/{repo}/issues/{issue_number}/sub_issue', {
            owner: this.owner,
            repo: this.repo,
            issue_number: parentNumber,
            sub_issue_id: childId,
        }));
    }
    async reorderSubIssue(parentNumber, childId, position) {
        await this.call(`reordering the sub-issues of #${parentNumber}`, () => this.client.octokit.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}/sub_issues/priority', {
            owner: this.owner,
            repo: this.repo,
            issue_number: parentNumber,
            sub_issue_id: childId,
            ...('afterId' in position ? { after_id: position.afterId } : { before_id: position.beforeId }),
        }));
    }
    async listBlockedBy(issueNumber) {
        const items = await this.call(`listing what blocks #${issueNumber}`, () => this.client.octokit.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by', {
            owner: this.owner,
            repo: this.repo,
            issue_number: issueNumber,
            per_page: 100,
        }));
        // A blocker in another repository is never the tool's: left out, so its number cannot pass for one of ours.
        const own = `/${this.repository}/issues/`.toLowerCase();
        return items
            .filter((item) => item.html_url.toLowerCase().replace(/\d+$/, '').endsWith(own))
            .map(this.toIssue);
    }
    async addBlockedBy(issueNumber, blockerId) {
        await this.call(`marking #${issueNumber} blocked by issue id ${blockerId}`, () => this.client.octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by', {
            owner: this.owner,
            repo: this.repo,
            issue_number: issueNumber,
            issue_id: blockerId,
        }));
    }
    async removeBlockedBy(issueNumber, blockerId) {
        await this.call(`removing the blocked-by of #${issueNumber} on issue id ${blockerId}`, () => this.client.octokit.request('DELETE /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by/{issue_id}', { owner: this.owner, repo: this.repo, issue_number: issueNumber, issue_id: blockerId }));
    }
}

;// CONCATENATED MODULE: ./build/src/platforms/github/issues.js




const REPOSITORY_PATTERN = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/;
function parseRepository(repository) {
    const match = REPOSITORY_PATTERN.exec(repository.trim());
    if (!match || match[2] === '.' || match[2] === '..') {
        throw new errors/* OrchestratorGitError */.Xw('REPOSITORY_MALFORMED', `Repository ${(0,errors/* quote */.hD)(repository)} is not of the form owner/name.`, "Set the `repository` input to owner/name, e.g. octo-org/widgets, or leave it empty to use the workflow's own repository.");
    }
    return { owner: match[1] ?? '', repo: match[2] ?? '' };
}
/** GitHub keeps state_reason, labels, milestones and up to ten assignees; titles are limited to 256 characters. */
const GITHUB_CAPABILITIES = {
    stateReason: true,
    labels: true,
    createMilestones: true,
    maxAssignees: 10,
    titleLimit: 256,
    timestampPrecisionMs: 1000,
    attributes: [],
    // Estimates and spent time live on the project board (board-sync's Estimate and Spent fields).
    timeTracking: 'board',
};
class GitHubIssueTracker {
    platform = 'github';
    capabilities = GITHUB_CAPABILITIES;
    repository;
    owner;
    repo;
    client;
    maxRateLimitWaitSeconds;
    log;
    relations;
    /** The repository's issue types, read at most once (issueTypes). */
    typesRead;
    /** A type the token could not set was reported (GitHub drops it silently without push access): said once. */
    typeDropReported = false;
    constructor(repository, options) {
        const { owner, repo } = parseRepository(repository);
        this.maxRateLimitWaitSeconds = options.maxRateLimitWaitSeconds ?? 60;
        this.log = options.log ?? (() => undefined);
        this.owner = owner;
        this.repo = repo;
        this.repository = `${owner}/${repo}`;
        this.client = createGitHubClient(options);
        this.relations = new GitHubIssueRelations(this.client, owner, repo, toActualIssue);
    }
    stats() {
        return { ...this.client.stats };
    }
    checkAccess() {
        const where = { owner: this.owner, repo: this.repo };
        return (0,types/* runAccessChecks */.N)([
            {
                name: 'repository',
                run: async () => {
                    const { data } = await this.call('reading the repository', () => this.client.octokit.request('GET /repos/{owner}/{repo}', where));
                    if (!data.has_issues) {
                        throw new errors/* OrchestratorGitError */.Xw('ISSUES_DISABLED', `Issues are turned off in ${this.repository}.`, 'Turn them on in the repository: Settings → General → Features → Issues.');
                    }
                    return `${data.full_name} is reachable and has issues on`;
                },
            },
            {
                name: 'read issues',
                run: async () => {
                    await this.call('reading issues', () => this.client.octokit.request('GET /repos/{owner}/{repo}/issues', { ...where, per_page: 1 }));
                    return 'issues can be read';
                },
            },
            {
                name: 'write issues',
                // A label with an invalid colour: GitHub checks the token's permission first, then refuses the label (422),
                // so a 422 proves write access and nothing is ever created.
                run: async () => {
                    try {
                        await this.client.octokit.request('POST /repos/{owner}/{repo}/labels', {
                            ...where,
                            name: 'orchestrator-git access check',
                            color: 'not-a-colour',
                            request: { retries: 0 },
                        });
                    }
                    catch (error) {
                        if (httpStatus(error) === 422)
                            return 'issues and labels can be written (probed: nothing was created)';
                        throw toCatalogueError(error, this.repository, 'checking that issues can be written');
                    }
                    throw new errors/* OrchestratorGitError */.Xw('PLATFORM_ERROR', 'GitHub accepted a label with an invalid colour while checking write access.', 'Delete the label "orchestrator-git access check" by hand; write access is there.');
                },
            },
        ]);
    }
    serverTime() {
        return this.client.serverDate.value;
    }
    async listIssues(options = {}) {
        const since = options.updatedSince;
        const items = await this.call(since ? `listing issues updated since ${since}` : 'listing issues', () => this.client.octokit.paginate('GET /repos/{owner}/{repo}/issues', {
            owner: this.owner,
            repo: this.repo,
            state: 'all',
            per_page: 100,
            // `since` filters on updated_at; sorting by it keeps pages stable while issues are being created.
            ...(since ? { since, sort: 'updated', direction: 'asc' } : { sort: 'created', direction: 'asc' }),
        }));
        return items.filter((item) => !item.pull_request).map(toActualIssue);
    }
    async getIssue(number) {
        try {
            const { data } = await this.client.octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}', {
                owner: this.owner,
                repo: this.repo,
                issue_number: number,
            });
            const item = data;
            return item.pull_request ? null : toActualIssue(item);
        }
        catch (error) {
            // 404: no such issue (or transferred away); 410: deleted. The repository itself was read moments ago.
            const status = httpStatus(error);
            if (status === 404 || status === 410)
                return null;
            throw toCatalogueError(error, this.repository, `reading issue #${number}`);
        }
    }
    /**
     * The enabled issue types of the repository (its organisation's, with the repository's overrides) through
     * repos/list-issue-types, which needs only metadata read. A user-owned repository, or a server without issue types,
     * answers 404 (or 403/410): null, and the run keeps the type labels.
     */
    issueTypes() {
        this.typesRead ??= (async () => {
            try {
                const { data } = await this.client.octokit.request('GET /repos/{owner}/{repo}/issue-types', {
                    owner: this.owner,
                    repo: this.repo,
                });
                const types = data
                    .filter((type) => type.is_enabled !== false && typeof type.name === 'string')
                    .map((type) => type.name);
                return types.length > 0 ? types : null;
            }
            catch (error) {
                const status = httpStatus(error);
                if (status === 404 || status === 403 || status === 410) {
                    this.log(`${this.repository} has no issue types the token can read (${status}); the type labels stand in for them.`);
                    return null;
                }
                throw toCatalogueError(error, this.repository, 'listing the issue types');
            }
        })();
        return this.typesRead;
    }
    /** GitHub drops a type silently when the token has no push access: the answer tells, and the run says so once. */
    checkType(asked, issue) {
        if (asked === undefined || this.typeDropReported)
            return;
        if ((issue.attributes?.['type'] ?? '').toLowerCase() === asked.toLowerCase())
            return;
        this.typeDropReported = true;
        this.log(`GitHub did not set issue type ${(0,errors/* quote */.hD)(asked)} on #${issue.number}: only tokens with push access may set types (a GITHUB_TOKEN needs contents: write). Grant it, or set issue-types: off to keep the type labels.`);
    }
    async listLabels() {
        const labels = await this.call('listing labels', () => this.client.octokit.paginate('GET /repos/{owner}/{repo}/labels', {
            owner: this.owner,
            repo: this.repo,
            per_page: 100,
        }));
        return new Set(labels.map((label) => label.name.toLowerCase()));
    }
    async createLabel(label) {
        try {
            await this.client.octokit.request('POST /repos/{owner}/{repo}/labels', {
                owner: this.owner,
                repo: this.repo,
                name: label.name,
                color: label.color,
                description: label.description,
            });
        }
        catch (error) {
            // Created meanwhile by someone else (or a concurrent run): that is the outcome we wanted.
            if (httpStatus(error) === 422 && /already_exists/.test(JSON.stringify(errorData(error))))
                return;
            throw toCatalogueError(error, this.repository, `creating label ${(0,errors/* quote */.hD)(label.name)}`);
        }
    }
    async listMilestones() {
        const milestones = await this.call('listing milestones', () => this.client.octokit.paginate('GET /repos/{owner}/{repo}/milestones', {
            owner: this.owner,
            repo: this.repo,
            state: 'all',
            per_page: 100,
        }));
        return milestones.map((milestone) => ({
            number: milestone.number,
            title: milestone.title,
            state: milestone.state === 'closed' ? 'closed' : 'open',
            dueOn: milestone.due_on ? milestone.due_on.slice(0, 10) : null,
        }));
    }
    async createMilestone(milestone) {
        try {
            const { data } = await this.client.octokit.request('POST /repos/{owner}/{repo}/milestones', {
                owner: this.owner,
                repo: this.repo,
                title: milestone.title,
                state: milestone.state,
                ...(milestone.dueOn ? { due_on: `${milestone.dueOn}T00:00:00Z` } : {}),
            });
            return {
                number: data.number,
                title: data.title,
                state: data.state === 'closed' ? 'closed' : 'open',
                dueOn: data.due_on ? data.due_on.slice(0, 10) : null,
            };
        }
        catch (error) {
            // Already there (a concurrent run), or the answer was lost after the write may have landed: look it up.
            const status = httpStatus(error);
            const exists = status === 422 && /already_exists/.test(JSON.stringify(errorData(error)));
            if (exists || status === undefined || status >= 500) {
                const existing = (await this.listMilestones()).find((item) => item.title === milestone.title);
                if (existing)
                    return existing;
            }
            throw toCatalogueError(error, this.repository, `creating milestone ${(0,errors/* quote */.hD)(milestone.title)}`);
        }
    }
    async isAssignable(login) {
        try {
            await this.client.octokit.request('GET /repos/{owner}/{repo}/assignees/{assignee}', {
                owner: this.owner,
                repo: this.repo,
                assignee: login,
            });
            return true;
        }
        catch (error) {
            if (httpStatus(error) === 404)
                return false;
            throw toCatalogueError(error, this.repository, `checking whether ${(0,errors/* quote */.hD)(login)} can be assigned`);
        }
    }
    async createIssue(write) {
        for (let attempt = 0;; attempt += 1) {
            try {
                const { data } = await this.client.octokit.request('POST /repos/{owner}/{repo}/issues', {
                    owner: this.owner,
                    repo: this.repo,
                    title: write.title,
                    body: write.body,
                    labels: write.labels,
                    assignees: write.assignees,
                    ...(write.milestone !== null ? { milestone: write.milestone } : {}),
                    ...(write.attributes?.['type'] ? { type: write.attributes['type'] } : {}),
                    // A create is not idempotent: a blind retry after a lost response could duplicate the issue.
                    request: { retries: 0 },
                });
                const issue = toActualIssue(data);
                this.checkType(write.attributes?.['type'], issue);
                return issue;
            }
            catch (error) {
                // A 429 (not a secondary limit, which the throttling plugin waits out) was refused before it ran: the
                // create is sent again after the wait GitHub asks for, when that is short.
                const wait = refusedFor(error);
                if (wait === undefined || attempt >= 2 || wait > this.maxRateLimitWaitSeconds) {
                    throw toCatalogueError(error, this.repository, `creating issue ${(0,errors/* quote */.hD)(write.title)}`);
                }
                this.client.stats.retries += 1;
                this.log(`Rate limited (429); creating the issue again in ${wait} s`);
                await new Promise((resolve) => setTimeout(resolve, wait * 1000));
            }
        }
    }
    async updateIssue(number, patch) {
        const { data } = await this.call(`updating issue #${number}`, () => this.client.octokit.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
            owner: this.owner,
            repo: this.repo,
            issue_number: number,
            ...(patch.title !== undefined ? { title: patch.title } : {}),
            ...(patch.body !== undefined ? { body: patch.body } : {}),
            ...(patch.labels !== undefined ? { labels: patch.labels } : {}),
            ...(patch.assignees !== undefined ? { assignees: patch.assignees } : {}),
            ...(patch.milestone !== undefined ? { milestone: patch.milestone } : {}),
            ...(patch.state !== undefined ? { state: patch.state } : {}),
            ...(patch.stateReason !== undefined ? { state_reason: patch.stateReason } : {}),
            ...(patch.attributes?.['type'] !== undefined ? { type: patch.attributes['type'] } : {}),
        }));
        const issue = toActualIssue(data);
        this.checkType(patch.attributes?.['type'], issue);
        return issue;
    }
    async call(doing, request) {
        try {
            return await request();
        }
        catch (error) {
            throw toCatalogueError(error, this.repository, doing);
        }
    }
}
/** Seconds to wait before sending a request GitHub refused with 429 and a Retry-After; undefined otherwise. */
function refusedFor(error) {
    if (httpStatus(error) !== 429)
        return undefined;
    const headers = typeof error === 'object' && error !== null && 'response' in error
        ? error.response?.headers
        : undefined;
    const seconds = Number(headers?.['retry-after']);
    return Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
}
function errorData(error) {
    return typeof error === 'object' && error !== null && 'response' in error
        ? error.response?.data
        : undefined;
}
function toActualIssue(item) {
    // Octokit resolves with a string when a response body was cut off: the write's outcome is then unknown.
    if (typeof item !== 'object' || item === null || typeof item.number !== 'number') {
        throw new errors/* OrchestratorGitError */.Xw('PLATFORM_ERROR', 'GitHub answered with an incomplete response body, so the outcome of the request is unknown.', 'Nothing to do: the run looks for the issue by its marker before creating it again, and the next run reconciles.');
    }
    return {
        number: item.number,
        id: item.node_id,
        url: item.html_url,
        title: item.title,
        body: item.body ?? '',
        state: item.state === 'closed' ? 'closed' : 'open',
        stateReason: item.state_reason ?? null,
        labels: item.labels
            .map((label) => (typeof label === 'string' ? label : (label.name ?? '')))
            .filter((name) => name !== ''),
        assignees: (item.assignees ?? []).map((assignee) => assignee.login),
        milestone: item.milestone ? { number: item.milestone.number, title: item.milestone.title } : null,
        author: item.user?.login ?? null,
        updatedAt: item.updated_at,
        ...(typeof item.id === 'number' ? { databaseId: item.id } : {}),
        // The type, where issues carry one, is an owned field once the run sets types (core/platform-fit.ts).
        ...(item.type !== undefined ? { attributes: { type: item.type?.name ?? '' } } : {}),
        ...relationSummary(item),
    };
}
/** Sub-issue and dependency facts the issue object carries, so a no-op run need not read each issue's relations. */
function relationSummary(item) {
    if (!item.sub_issues_summary)
        return {};
    const parent = item.parent_issue_url
        ? /\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)$/.exec(item.parent_issue_url)
        : null;
    const own = item.html_url.replace(/\/issues\/\d+$/, '');
    const sameRepository = parent !== null && own.toLowerCase().endsWith(`/${parent[1] ?? ''}/${parent[2] ?? ''}`.toLowerCase());
    return {
        relations: {
            parentNumber: parent && sameRepository ? Number(parent[3]) : null,
            parentElsewhere: Boolean(item.parent_issue_url) && !sameRepository,
            subIssues: item.sub_issues_summary.total,
            blockedBy: item.issue_dependencies_summary?.total_blocked_by ?? 0,
        },
    };
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
