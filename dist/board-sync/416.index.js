export const id = 416;
export const ids = [416];
export const modules = {

/***/ 7416:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  GitHubProjectsBoard: () => (/* binding */ GitHubProjectsBoard)
});

// UNUSED EXPORTS: MUTATION_BATCH

// EXTERNAL MODULE: ./build/src/board/plan.js + 1 modules
var plan = __webpack_require__(4202);
// EXTERNAL MODULE: ./build/src/errors.js
var src_errors = __webpack_require__(7406);
// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js + 21 modules
var github = __webpack_require__(1758);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-retry/dist-bundle/index.js
var dist_bundle = __webpack_require__(9735);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var plugin_throttling_dist_bundle = __webpack_require__(6856);
// EXTERNAL MODULE: ./node_modules/bottleneck/light.js
var light = __webpack_require__(3251);
;// CONCATENATED MODULE: ./build/src/platforms/types.js

/**
 * Runs checks in order and stops at the first failure (later ones depend on it): each check resolves to what it
 * found, or throws the catalogue error that says what is wrong and how to fix it.
 */
async function types_runAccessChecks(checks) {
    const results = [];
    for (const check of checks) {
        try {
            results.push({ name: check.name, ok: true, detail: await check.run(), fix: null });
        }
        catch (error) {
            const known = error instanceof OrchestratorGitError;
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

;// CONCATENATED MODULE: ./build/src/platforms/github/client.js
/** The one Octokit client for GitHub: retries, throttling, timeouts and request counting live here, not at call sites. */



// The light build is what plugin-throttling itself uses; its types are the full package's.
// @ts-expect-error: the light entry ships no declaration file of its own



function client_createGitHubClient(options) {
    const stats = emptyStats();
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
function client_httpStatus(error) {
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
function client_toCatalogueError(error, repository, doing) {
    if (error instanceof src_errors/* OrchestratorGitError */.Xw)
        return error;
    const status = client_httpStatus(error);
    const message = platformMessage(error);
    const headers = responseOf(error).headers ?? {};
    const cause = { cause: error };
    if (status === 401) {
        return new src_errors/* OrchestratorGitError */.Xw('TOKEN_INVALID', `GitHub rejected the token while ${doing} (401 ${message}).`, 'Check that the `token` input holds a valid, unexpired token (secrets.GITHUB_TOKEN, a PAT, or a GitHub App token).', cause);
    }
    if (status === 404) {
        return new src_errors/* OrchestratorGitError */.Xw('REPOSITORY_NOT_FOUND', `Repository ${(0,src_errors/* quote */.hD)(repository)} was not found, or the token cannot see it (404 while ${doing}).`, "Check the `repository` input (owner/name) and that the token has access to it: for another repository than the workflow's own, use a PAT or GitHub App token with access to it.", cause);
    }
    if (status === 410) {
        return new src_errors/* OrchestratorGitError */.Xw('ISSUES_DISABLED', `Issues are disabled for ${(0,src_errors/* quote */.hD)(repository)} (410 while ${doing}).`, 'Enable Issues in the repository settings (Settings → General → Features → Issues).', cause);
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
        return new src_errors/* OrchestratorGitError */.Xw('RATE_LIMITED', `GitHub's rate limit stopped the run while ${doing} (${status} ${message}).${when}`, 'The next run resumes where this one stopped; nothing is duplicated. For large plans, schedule runs further apart or use a GitHub App token (higher limits).', cause);
    }
    if (status === 403) {
        const needed = headers['x-accepted-github-permissions'];
        return new src_errors/* OrchestratorGitError */.Xw('PERMISSION_DENIED', `The token may not do this while ${doing} in ${(0,src_errors/* quote */.hD)(repository)} (403 ${message}${needed ? `; needs ${needed}` : ''}).`, 'Give the workflow `permissions: { issues: write, contents: write }` (contents only to commit the state file), or use a token with the Issues write permission on this repository.', cause);
    }
    if (status === 422) {
        return new src_errors/* OrchestratorGitError */.Xw('VALIDATION_FAILED', `GitHub refused the request while ${doing}: ${message}.`, 'The item is reported as failed and the rest of the run goes on; fix the value named above in the orchestrator state or the config.', cause);
    }
    // Octokit reports a connection that failed before any answer (reset, timeout, cut-off body) as a 500 without a
    // response; saying 500 would blame GitHub for what may be the network.
    const answered = typeof error === 'object' && error !== null && 'response' in error && error.response !== undefined;
    return new src_errors/* OrchestratorGitError */.Xw('PLATFORM_ERROR', answered || status === undefined
        ? `GitHub request failed while ${doing}: ${status ? `${status} ` : ''}${message}.`
        : `The connection to GitHub failed while ${doing}, before a complete answer: ${message}.`, 'This is usually temporary: the next run retries. If it persists, check https://www.githubstatus.com or your GitHub Enterprise Server.', cause);
}
/** Errors after which no later request can succeed in this run. */

;// CONCATENATED MODULE: ./build/src/platforms/github/issues.js



const REPOSITORY_PATTERN = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/;
function parseRepository(repository) {
    const match = REPOSITORY_PATTERN.exec(repository.trim());
    if (!match || match[2] === '.' || match[2] === '..') {
        throw new src_errors/* OrchestratorGitError */.Xw('REPOSITORY_MALFORMED', `Repository ${(0,src_errors/* quote */.hD)(repository)} is not of the form owner/name.`, "Set the `repository` input to owner/name, e.g. octo-org/widgets, or leave it empty to use the workflow's own repository.");
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
    constructor(repository, options) {
        const { owner, repo } = parseRepository(repository);
        this.maxRateLimitWaitSeconds = options.maxRateLimitWaitSeconds ?? 60;
        this.log = options.log ?? (() => undefined);
        this.owner = owner;
        this.repo = repo;
        this.repository = `${owner}/${repo}`;
        this.client = createGitHubClient(options);
    }
    stats() {
        return { ...this.client.stats };
    }
    checkAccess() {
        const where = { owner: this.owner, repo: this.repo };
        return runAccessChecks([
            {
                name: 'repository',
                run: async () => {
                    const { data } = await this.call('reading the repository', () => this.client.octokit.request('GET /repos/{owner}/{repo}', where));
                    if (!data.has_issues) {
                        throw new OrchestratorGitError('ISSUES_DISABLED', `Issues are turned off in ${this.repository}.`, 'Turn them on in the repository: Settings → General → Features → Issues.');
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
                    throw new OrchestratorGitError('PLATFORM_ERROR', 'GitHub accepted a label with an invalid colour while checking write access.', 'Delete the label "orchestrator-git access check" by hand; write access is there.');
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
            throw toCatalogueError(error, this.repository, `creating label ${quote(label.name)}`);
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
            throw toCatalogueError(error, this.repository, `creating milestone ${quote(milestone.title)}`);
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
            throw toCatalogueError(error, this.repository, `checking whether ${quote(login)} can be assigned`);
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
                    // A create is not idempotent: a blind retry after a lost response could duplicate the issue.
                    request: { retries: 0 },
                });
                return toActualIssue(data);
            }
            catch (error) {
                // A 429 (not a secondary limit, which the throttling plugin waits out) was refused before it ran: the
                // create is sent again after the wait GitHub asks for, when that is short.
                const wait = refusedFor(error);
                if (wait === undefined || attempt >= 2 || wait > this.maxRateLimitWaitSeconds) {
                    throw toCatalogueError(error, this.repository, `creating issue ${quote(write.title)}`);
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
        }));
        return toActualIssue(data);
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
        throw new OrchestratorGitError('PLATFORM_ERROR', 'GitHub answered with an incomplete response body, so the outcome of the request is unknown.', 'Nothing to do: the run looks for the issue by its marker before creating it again, and the next run reconciles.');
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
    };
}

;// CONCATENATED MODULE: ./build/src/platforms/github/projects/queries.js
/**
 * Every GraphQL document the Projects v2 adapter sends: fixed queries, and mutations batched under aliases (built
 * here, so tests can validate each shape against GitHub's official schema).
 */
const PROJECT_PARTS = `fragment BoardProject on ProjectV2 {
  id
  number
  title
  url
  closed
  fields(first: 50) {
    nodes {
      __typename
      ... on ProjectV2FieldCommon { id name dataType }
      ... on ProjectV2SingleSelectField { options { id name color description } }
      ... on ProjectV2IterationField { configuration { iterations { id title startDate duration } } }
    }
  }
}`;
/** The owner, the repository and the projects whose title matches: one request. */
const BOARD_BY_TITLE = `query BoardByTitle($owner: String!, $repoOwner: String!, $repo: String!, $title: String!) {
  repository(owner: $repoOwner, name: $repo) { id }
  repositoryOwner(login: $owner) {
    __typename
    id
    login
    ... on ProjectV2Owner {
      projectsV2(first: 20, query: $title) { nodes { ...BoardProject } }
    }
  }
}
${PROJECT_PARTS}`;
const BOARD_BY_NUMBER = `query BoardByNumber($owner: String!, $repoOwner: String!, $repo: String!, $number: Int!) {
  repository(owner: $repoOwner, name: $repo) { id }
  repositoryOwner(login: $owner) {
    __typename
    id
    login
    ... on ProjectV2Owner {
      projectV2(number: $number) { ...BoardProject }
    }
  }
}
${PROJECT_PARTS}`;
const FIELD_NAME = 'field { ... on ProjectV2FieldCommon { name } }';
/** One page of 100 cards with the values the sync compares. */
const BOARD_ITEMS = `query BoardItems($project: ID!, $after: String) {
  node(id: $project) {
    ... on ProjectV2 {
      items(first: 100, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes {
          id
          type
          content { ... on Issue { number repository { nameWithOwner } } }
          fieldValues(first: 50) {
            nodes {
              __typename
              ... on ProjectV2ItemFieldSingleSelectValue { optionId name ${FIELD_NAME} }
              ... on ProjectV2ItemFieldNumberValue { number ${FIELD_NAME} }
              ... on ProjectV2ItemFieldDateValue { date ${FIELD_NAME} }
              ... on ProjectV2ItemFieldTextValue { text ${FIELD_NAME} }
              ... on ProjectV2ItemFieldIterationValue { iterationId title ${FIELD_NAME} }
            }
          }
        }
      }
    }
  }
}`;
const CREATE_PROJECT = `mutation CreateBoard($owner: ID!, $title: String!, $repository: ID) {
  createProjectV2(input: { ownerId: $owner, title: $title, repositoryId: $repository }) {
    projectV2 { ...BoardProject }
  }
}
${PROJECT_PARTS}`;
const CREATE_FIELD = `mutation CreateBoardField($project: ID!, $type: ProjectV2CustomFieldType!, $name: String!, $options: [ProjectV2SingleSelectFieldOptionInput!]) {
  createProjectV2Field(input: { projectId: $project, dataType: $type, name: $name, singleSelectOptions: $options }) {
    projectV2Field { ... on ProjectV2FieldCommon { id name } }
  }
}`;
/** Replaces a single select field's options (GitHub has no "add one option" mutation): ids change, values clear. */
const REPLACE_OPTIONS = `mutation ReplaceStatusOptions($field: ID!, $options: [ProjectV2SingleSelectFieldOptionInput!]) {
  updateProjectV2Field(input: { fieldId: $field, singleSelectOptions: $options }) {
    projectV2Field { ... on ProjectV2SingleSelectField { id name options { id name } } }
  }
}`;
/** Issue node ids by number, many in one request. */
function issueIdsQuery(owner, repo, numbers) {
    const aliases = numbers.map((_, index) => `i${index}`);
    const declarations = numbers.map((_, index) => `$n${index}: Int!`).join(', ');
    const selections = numbers.map((_, index) => `i${index}: issue(number: $n${index}) { id }`).join('\n    ');
    const variables = { owner, repo };
    numbers.forEach((number, index) => (variables[`n${index}`] = number));
    return {
        query: `query IssueIds($owner: String!, $repo: String!, ${declarations}) {\n  repository(owner: $owner, name: $repo) {\n    ${selections}\n  }\n}`,
        variables,
        aliases,
    };
}
/** Adds issues to a project, one aliased mutation each. */
function addItemsMutation(project, contentIds) {
    const aliases = contentIds.map((_, index) => `a${index}`);
    const declarations = contentIds.map((_, index) => `$c${index}: ID!`).join(', ');
    const selections = contentIds
        .map((_, index) => `a${index}: addProjectV2ItemById(input: { projectId: $project, contentId: $c${index} }) { item { id } }`)
        .join('\n  ');
    const variables = { project };
    contentIds.forEach((id, index) => (variables[`c${index}`] = id));
    return {
        query: `mutation AddCards($project: ID!, ${declarations}) {\n  ${selections}\n}`,
        variables,
        aliases,
    };
}
/** Sets field values, one aliased mutation each. */
function setValuesMutation(project, writes) {
    const aliases = writes.map((_, index) => `v${index}`);
    const declarations = writes
        .map((_, index) => `$i${index}: ID!, $f${index}: ID!, $v${index}: ProjectV2FieldValue!`)
        .join(', ');
    const selections = writes
        .map((_, index) => `v${index}: updateProjectV2ItemFieldValue(input: { projectId: $project, itemId: $i${index}, fieldId: $f${index}, value: $v${index} }) { projectV2Item { id } }`)
        .join('\n  ');
    const variables = { project };
    writes.forEach((write, index) => {
        variables[`i${index}`] = write.itemId;
        variables[`f${index}`] = write.fieldId;
        variables[`v${index}`] = write.value;
    });
    return {
        query: `mutation SetCardValues($project: ID!, ${declarations}) {\n  ${selections}\n}`,
        variables,
        aliases,
    };
}

;// CONCATENATED MODULE: ./build/src/platforms/github/projects.js





/** Mutations per request: few requests, each well inside GitHub's per-request limits. */
const MUTATION_BATCH = 50;
const KINDS = {
    SINGLE_SELECT: 'single_select',
    NUMBER: 'number',
    DATE: 'date',
    TEXT: 'text',
    ITERATION: 'iteration',
};
const ACCESS_FIX = "The workflow's GITHUB_TOKEN cannot reach Projects: its permissions stop at the repository. For an organisation's project, use a GitHub App installation token (actions/create-github-app-token) whose app has Organization permissions → Projects: Read and write, and Repository permissions → Issues: Read; or a classic personal access token with the `project` and `repo` scopes. A user's own project accepts only a classic PAT with `project` (fine-grained tokens and apps cannot reach user projects). Store it as a secret and pass it as the `token` input.";
class GitHubProjectsBoard {
    platform = 'github';
    repository;
    repoOwner;
    repoName;
    client;
    ref;
    ownerId = null;
    repositoryId = null;
    constructor(repository, ref, options) {
        const { owner, repo } = parseRepository(repository);
        this.repoOwner = owner;
        this.repoName = repo;
        this.repository = `${owner}/${repo}`;
        this.ref = ref;
        this.client = client_createGitHubClient(options);
    }
    get owner() {
        return this.ref.owner ?? this.repoOwner;
    }
    stats() {
        return { ...this.client.stats };
    }
    async readBoard() {
        const byNumber = this.ref.number !== null;
        const data = await this.graphql(byNumber ? BOARD_BY_NUMBER : BOARD_BY_TITLE, {
            owner: this.owner,
            repoOwner: this.repoOwner,
            repo: this.repoName,
            ...(byNumber ? { number: this.ref.number } : { title: this.ref.title }),
        }, `looking up the board of ${(0,src_errors/* quote */.hD)(this.owner)}`);
        const owner = data.repositoryOwner;
        if (!owner) {
            throw new src_errors/* OrchestratorGitError */.Xw('CONFIG_INVALID', `Board owner ${(0,src_errors/* quote */.hD)(this.owner)} is not a GitHub user or organisation.`, 'Set board-owner to the login of the user or organisation that owns the project (default: the repository owner).');
        }
        this.ownerId = owner.id;
        this.repositoryId = data.repository?.id ?? null;
        let project = null;
        if (byNumber) {
            project = owner.projectV2 ?? null;
        }
        else {
            const exact = (owner.projectsV2?.nodes ?? []).filter((node) => node !== null && node.title === this.ref.title);
            project = exact.sort((a, b) => a.number - b.number)[0] ?? null;
        }
        if (!project)
            return null;
        const board = toBoard(project);
        board.cards = await this.readCards(project.id);
        return board;
    }
    async readCards(projectId) {
        const cards = [];
        let after = null;
        for (;;) {
            const data = await this.graphql(BOARD_ITEMS, { project: projectId, after }, 'reading the board’s cards');
            const items = data.node?.items;
            if (!items)
                break;
            for (const node of items.nodes)
                if (node)
                    cards.push(toCard(node));
            if (!items.pageInfo.hasNextPage || !items.pageInfo.endCursor)
                break;
            after = items.pageInfo.endCursor;
        }
        return cards;
    }
    async createBoard(title) {
        if (!this.ownerId)
            await this.readBoard();
        const data = await this.graphql(CREATE_PROJECT, {
            owner: this.ownerId,
            title,
            // A project is linked to a repository of its own owner only.
            repository: this.owner.toLowerCase() === this.repoOwner.toLowerCase() ? this.repositoryId : null,
        }, `creating the board ${(0,src_errors/* quote */.hD)(title)}`);
        return toBoard(data.createProjectV2.projectV2);
    }
    async applySetup(board, operation) {
        if (operation.kind === 'createField') {
            const type = Object.entries(KINDS).find(([, kind]) => kind === operation.field.kind)?.[0] ?? 'TEXT';
            await this.graphql(CREATE_FIELD, {
                project: board.id,
                type,
                name: operation.field.name,
                options: type === 'SINGLE_SELECT'
                    ? operation.options.map((name) => ({ name, color: colorOf(name), description: '' }))
                    : null,
            }, `creating the board field ${(0,src_errors/* quote */.hD)(operation.field.name)}`);
            return;
        }
        // GitHub has no "add an option" mutation: the list is replaced, option ids change and every card's value in the
        // field is cleared. So the values are written back, by option name, right after (see docs/board-sync.md).
        const data = await this.graphql(REPLACE_OPTIONS, {
            field: operation.fieldId,
            options: operation.options.map(({ name, color, description }) => ({ name, color, description })),
        }, `adding ${operation.added.map((name) => (0,src_errors/* quote */.hD)(name)).join(', ')} to the ${(0,src_errors/* quote */.hD)(operation.fieldName)} field`);
        const options = data.updateProjectV2Field.projectV2Field.options;
        const writes = operation.restore.flatMap(({ cardId, option }) => {
            const id = options.find((candidate) => candidate.name === option)?.id;
            return id ? [{ itemId: cardId, fieldId: operation.fieldId, value: { singleSelectOptionId: id } }] : [];
        });
        for (let start = 0; start < writes.length; start += MUTATION_BATCH) {
            const batch = writes.slice(start, start + MUTATION_BATCH);
            const { errors } = await this.batch(setValuesMutation(board.id, batch), 'restoring Status values');
            if (errors.size > 0) {
                throw new src_errors/* OrchestratorGitError */.Xw('PLATFORM_ERROR', `Restoring the Status of ${errors.size} card(s) after adding options failed: ${[...errors.values()][0]?.message ?? ''}.`, `Set those cards' Status again by hand; their previous values were: ${operation.restore
                    .slice(0, 20)
                    .map((entry) => `${entry.cardId}=${entry.option}`)
                    .join(', ')}.`);
            }
        }
    }
    async applyCards(board, operations) {
        const results = operations.map((operation) => ({
            operation,
            cardId: operation.kind === 'updateCard' ? operation.cardId : null,
            error: null,
        }));
        const fail = (index, error) => {
            const result = results[index];
            if (result && !result.error)
                result.error = error;
        };
        // 1. Issue node ids the state did not have.
        const adds = results
            .map((result, index) => ({ result, index }))
            .filter(({ result }) => result.operation.kind === 'addCard');
        const unknownIds = adds.filter(({ result }) => result.operation.kind === 'addCard' && result.operation.issue.contentId === null);
        const contentIds = new Map();
        for (let start = 0; start < unknownIds.length; start += 100) {
            const batch = unknownIds.slice(start, start + 100);
            const numbers = batch.map(({ result }) => result.operation.kind === 'addCard' ? result.operation.issue.number : 0);
            const { data, errors } = await this.batch(issueIdsQuery(this.repoOwner, this.repoName, numbers), 'looking up issues to add', (alias) => ['repository', alias]);
            const repository = (data['repository'] ?? {});
            batch.forEach(({ index }, offset) => {
                const id = repository[`i${offset}`]?.id;
                if (id)
                    contentIds.set(numbers[offset] ?? 0, id);
                else
                    fail(index, new src_errors/* OrchestratorGitError */.Xw('PLATFORM_ERROR', `Issue #${numbers[offset] ?? 0} could not be found to add it to the board${errors.get(`i${offset}`) ? `: ${errors.get(`i${offset}`)?.message ?? ''}` : ''}.`, 'Run issue-sync first; the next board sync adds it.'));
            });
        }
        // 2. Add the cards.
        const toAdd = adds.filter(({ index }) => !results[index]?.error);
        for (let start = 0; start < toAdd.length; start += MUTATION_BATCH) {
            const batch = toAdd.slice(start, start + MUTATION_BATCH);
            const ids = batch.map(({ result }) => result.operation.kind === 'addCard'
                ? (result.operation.issue.contentId ?? contentIds.get(result.operation.issue.number) ?? '')
                : '');
            const { data, errors } = await this.batch(addItemsMutation(board.id, ids), 'adding cards');
            batch.forEach(({ index }, offset) => {
                const added = data[`a${offset}`];
                const result = results[index];
                if (added?.item && result)
                    result.cardId = added.item.id;
                else
                    fail(index, mutationError(errors.get(`a${offset}`), 'adding the card'));
            });
        }
        // 3. Write the values.
        const writes = [];
        results.forEach((result, index) => {
            if (result.error || !result.cardId)
                return;
            for (const write of result.operation.writes) {
                const resolved = resolveWrite(board, write.field, write.value);
                if ('error' in resolved) {
                    fail(index, resolved.error);
                    return;
                }
                writes.push({ index, itemId: result.cardId, fieldId: resolved.fieldId, value: resolved.value });
            }
        });
        for (let start = 0; start < writes.length; start += MUTATION_BATCH) {
            const batch = writes.slice(start, start + MUTATION_BATCH);
            const { errors } = await this.batch(setValuesMutation(board.id, batch), 'setting card values');
            batch.forEach((write, offset) => {
                const error = errors.get(`v${offset}`);
                if (error)
                    fail(write.index, mutationError(error, 'setting a card value'));
            });
        }
        return results;
    }
    /** Runs a batched document; per-alias errors come back in the map instead of failing the whole batch. */
    async batch(document, doing, pathOf = (alias) => [alias]) {
        try {
            const data = await this.client.octokit.graphql(document.query, document.variables);
            return { data, errors: new Map() };
        }
        catch (error) {
            const partial = graphqlErrorsOf(error);
            if (!partial)
                throw this.toError(error, doing);
            const errors = new Map();
            for (const item of partial.errors) {
                const alias = document.aliases.find((candidate) => {
                    const path = pathOf(candidate);
                    return path.every((part, index) => item.path?.[index] === part);
                });
                // An error that belongs to no single alias (access, scopes) concerns the whole request.
                if (!alias)
                    throw this.toError(error, doing);
                errors.set(alias, item);
            }
            return { data: partial.data ?? {}, errors };
        }
    }
    async graphql(query, variables, doing) {
        try {
            return await this.client.octokit.graphql(query, variables);
        }
        catch (error) {
            throw this.toError(error, doing);
        }
    }
    toError(error, doing) {
        const graphql = graphqlErrorsOf(error);
        if (!graphql)
            return client_toCatalogueError(error, this.repository, doing);
        const first = graphql.errors[0];
        const message = first?.message ?? 'unknown error';
        if (first?.type === 'FORBIDDEN' || first?.type === 'INSUFFICIENT_SCOPES') {
            return new src_errors/* OrchestratorGitError */.Xw('PERMISSION_DENIED', `The token cannot reach ${(0,src_errors/* quote */.hD)(this.owner)}'s projects while ${doing}: ${message}`, ACCESS_FIX, { cause: error });
        }
        if (first?.type === 'NOT_FOUND' && this.ref.number !== null && /ProjectV2/.test(message)) {
            return new src_errors/* OrchestratorGitError */.Xw('CONFIG_INVALID', `Board ${(0,src_errors/* quote */.hD)(this.ref.number)} of ${(0,src_errors/* quote */.hD)(this.owner)} does not exist (or the token cannot see it).`, `Check board-number (the number in the project's URL, …/projects/N) and board-owner; or leave board-number empty to find or create the board by its title.`, { cause: error });
        }
        return new src_errors/* OrchestratorGitError */.Xw('PLATFORM_ERROR', `GitHub's GraphQL API refused the request while ${doing}: ${message}${first?.type ? ` (${first.type})` : ''}.`, 'If this persists, check the board in the web UI; the next run retries.', { cause: error });
    }
}
function graphqlErrorsOf(error) {
    if (typeof error !== 'object' || error === null || !('errors' in error))
        return null;
    const errors = error.errors;
    if (!Array.isArray(errors))
        return null;
    const data = error.data;
    return {
        errors: errors,
        data: typeof data === 'object' && data !== null ? data : null,
    };
}
function mutationError(error, doing) {
    return new src_errors/* OrchestratorGitError */.Xw('PLATFORM_ERROR', `GitHub refused ${doing}: ${error?.message ?? 'no result'}${error?.type ? ` (${error.type})` : ''}.`, 'The card is reported as failed and the rest of the run goes on; the next run retries it.');
}
function colorOf(name) {
    return ({
        backlog: 'GRAY',
        'to do': 'BLUE',
        todo: 'BLUE',
        'in progress': 'YELLOW',
        blocked: 'RED',
        done: 'GREEN',
    }[name.toLowerCase()] ?? 'PURPLE');
}
function resolveWrite(board, fieldName, value) {
    const field = board.fields.find((candidate) => candidate.name.toLowerCase() === fieldName.toLowerCase());
    const missing = (what) => ({
        error: new src_errors/* OrchestratorGitError */.Xw('PLATFORM_ERROR', `The board has no ${what}.`, 'The next run sets the board up again; if the field was deleted meanwhile, it is created anew.'),
    });
    if (!field)
        return missing(`field ${(0,src_errors/* quote */.hD)(fieldName)}`);
    if ('option' in value) {
        const option = field.options.find((candidate) => (0,plan/* sameColumn */.Re)(candidate.name, value.option));
        return option
            ? { fieldId: field.id, value: { singleSelectOptionId: option.id } }
            : missing(`option ${(0,src_errors/* quote */.hD)(value.option)} in ${(0,src_errors/* quote */.hD)(fieldName)}`);
    }
    if ('number' in value)
        return { fieldId: field.id, value: { number: value.number } };
    if ('date' in value)
        return { fieldId: field.id, value: { date: value.date } };
    if ('text' in value)
        return { fieldId: field.id, value: { text: value.text } };
    return { fieldId: field.id, value: { iterationId: value.iterationId } };
}
function toBoard(project) {
    const fields = [];
    for (const node of project.fields.nodes) {
        if (!node?.id || !node.name)
            continue;
        fields.push({
            id: node.id,
            name: node.name,
            kind: KINDS[node.dataType ?? ''] ?? 'other',
            options: (node.options ?? []).map(({ id, name, color, description }) => ({
                id,
                name,
                color,
                description,
            })),
            iterations: node.configuration?.iterations ?? [],
        });
    }
    return {
        id: project.id,
        number: project.number,
        title: project.title,
        url: project.url,
        fields,
        cards: [],
    };
}
function toCard(node) {
    const values = {};
    for (const value of node.fieldValues.nodes) {
        const field = value?.field?.name;
        if (!value || !field)
            continue;
        switch (value.__typename) {
            case 'ProjectV2ItemFieldSingleSelectValue':
                if (value.optionId)
                    values[field] = { kind: 'option', optionId: value.optionId, name: value.name ?? '' };
                break;
            case 'ProjectV2ItemFieldNumberValue':
                if (typeof value.number === 'number')
                    values[field] = { kind: 'number', number: value.number };
                break;
            case 'ProjectV2ItemFieldDateValue':
                if (value.date)
                    values[field] = { kind: 'date', date: value.date.slice(0, 10) };
                break;
            case 'ProjectV2ItemFieldTextValue':
                if (typeof value.text === 'string')
                    values[field] = { kind: 'text', text: value.text };
                break;
            case 'ProjectV2ItemFieldIterationValue':
                if (value.iterationId)
                    values[field] = { kind: 'iteration', iterationId: value.iterationId, title: value.title ?? '' };
                break;
        }
    }
    const content = node.content;
    return {
        id: node.id,
        issue: node.type === 'ISSUE' && content?.repository && typeof content.number === 'number'
            ? { repository: content.repository.nameWithOwner, number: content.number }
            : null,
        values,
    };
}


/***/ })

};
