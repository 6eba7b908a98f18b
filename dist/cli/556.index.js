export const id = 556;
export const ids = [556];
export const modules = {

/***/ 10556:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GitLabReleasePublisher: () => (/* binding */ GitLabReleasePublisher)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(27406);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(50551);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(16721);
/* harmony import */ var _issues_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(68334);
/**
 * GitLab tags (annotated, through `POST /projects/:id/repository/tags` with a message) and Releases through REST v4,
 * behind the ReleasePublisher interface. On fetch with the GitLab client's error types: the gitbeaker transport in
 * client.ts does not expose a generic request, and these few calls need no paging.
 */




const WRITE_FIX = 'Use a token with the `api` scope whose user has at least the Developer role on the project (Maintainer when the tags are protected): creating tags and releases writes to the repository.';
class GitLabReleasePublisher {
    platform = 'gitlab';
    capabilities = {
        releases: true,
        milestones: true,
        releaseMilestones: true,
    };
    repository;
    projectPath;
    host;
    token;
    group;
    timeoutMs;
    counts = (0,_types_js__WEBPACK_IMPORTED_MODULE_1__/* .emptyStats */ .b)();
    constructor(repository, options) {
        const project = (0,_issues_js__WEBPACK_IMPORTED_MODULE_3__.parseProject)(repository);
        this.repository = project.repository;
        this.projectPath = `/projects/${encodeURIComponent(String(project.projectId))}`;
        this.host = (0,_client_js__WEBPACK_IMPORTED_MODULE_2__/* .gitlabHost */ ._K)(options.baseUrl);
        this.token = options.token;
        this.group = options.groupMilestones ?? null;
        this.timeoutMs = options.timeoutMs ?? 30_000;
    }
    stats() {
        return { ...this.counts };
    }
    webRepository() {
        if (/^\d+$/.test(this.repository))
            return null;
        const slash = this.repository.lastIndexOf('/');
        return {
            host: this.host,
            owner: this.repository.slice(0, slash),
            repository: this.repository.slice(slash + 1),
        };
    }
    async getTag(name) {
        const tag = await this.optional(`${this.projectPath}/repository/tags/${encodeURIComponent(name)}`, `reading tag ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(name)}`);
        if (!tag)
            return null;
        return { name: tag.name, commit: tag.commit?.id ?? tag.target, annotated: Boolean(tag.message) };
    }
    async createTag(input) {
        try {
            const tag = await this.send('POST', `${this.projectPath}/repository/tags`, {
                tag_name: input.name,
                ref: input.commit,
                message: input.message,
            });
            return { name: tag.name, commit: tag.commit?.id ?? input.commit, annotated: true };
        }
        catch (error) {
            const existing = await this.getTag(input.name).catch(() => null);
            if (existing)
                return existing;
            if (error instanceof _client_js__WEBPACK_IMPORTED_MODULE_2__/* .GitLabResponseError */ .VY && error.status === 400) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .OrchestratorGitError */ .Xw('VALIDATION_FAILED', `GitLab refused tag ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(input.name)} at commit ${input.commit.slice(0, 12)}: ${error.description}.`, 'Push the commit first (the release tags the checked-out commit), and run the release on a commit of the project named in `repository`.', { cause: error });
            }
            throw this.failure(error, `creating tag ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(input.name)}`);
        }
    }
    async getRelease(tag) {
        const release = await this.optional(`${this.projectPath}/releases/${encodeURIComponent(tag)}`, `reading the release of ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(tag)}`);
        return release ? this.toRelease(release) : null;
    }
    async createRelease(input) {
        try {
            return this.toRelease(await this.send('POST', `${this.projectPath}/releases`, {
                tag_name: input.tag,
                name: input.name,
                description: input.body,
                ...(input.milestones ? { milestones: input.milestones } : {}),
            }));
        }
        catch (error) {
            // 409: created meanwhile (a concurrent run, or an answer lost after the write landed).
            const existing = await this.getRelease(input.tag).catch(() => null);
            if (existing)
                return existing;
            throw this.failure(error, `creating the release ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(input.tag)}`);
        }
    }
    async updateRelease(release, patch) {
        try {
            return this.toRelease(await this.send('PUT', `${this.projectPath}/releases/${encodeURIComponent(release.tag)}`, {
                name: patch.name,
                description: patch.body,
                ...(patch.milestones ? { milestones: patch.milestones } : {}),
            }));
        }
        catch (error) {
            throw this.failure(error, `updating the release ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(release.tag)}`);
        }
    }
    milestonesPath() {
        return this.group
            ? `/groups/${encodeURIComponent(this.group)}/milestones`
            : `${this.projectPath}/milestones`;
    }
    async findMilestone(title) {
        let milestones;
        try {
            milestones = await this.send('GET', `${this.milestonesPath()}?title=${encodeURIComponent(title)}&per_page=100`);
        }
        catch (error) {
            throw this.failure(error, 'listing milestones');
        }
        const found = milestones.find((milestone) => milestone.title === title);
        return found
            ? {
                number: found.id,
                title: found.title,
                state: found.state === 'closed' ? 'closed' : 'open',
                dueOn: found.due_date,
            }
            : null;
    }
    async updateMilestone(milestone, patch) {
        try {
            await this.send('PUT', `${this.milestonesPath()}/${milestone.number}`, {
                ...(patch.state !== undefined
                    ? { state_event: patch.state === 'closed' ? 'close' : 'activate' }
                    : {}),
                ...(patch.dueOn ? { due_date: patch.dueOn } : {}),
            });
        }
        catch (error) {
            throw this.failure(error, `updating milestone ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(milestone.title)}`);
        }
    }
    toRelease(release) {
        const web = this.webRepository();
        const fallback = web
            ? `${web.host}/${web.owner}/${web.repository}/-/releases/${encodeURIComponent(release.tag_name)}`
            : '';
        return {
            id: release.tag_name,
            tag: release.tag_name,
            name: release.name ?? '',
            body: release.description ?? '',
            url: release._links?.self ?? fallback,
            milestones: (release.milestones ?? []).map((milestone) => milestone.title),
        };
    }
    /** A GET whose 404 means "none". */
    async optional(path, doing) {
        try {
            return await this.send('GET', path);
        }
        catch (error) {
            if (error instanceof _client_js__WEBPACK_IMPORTED_MODULE_2__/* .GitLabResponseError */ .VY && error.status === 404)
                return null;
            throw this.failure(error, doing);
        }
    }
    async send(method, path, body) {
        if (method === 'GET')
            this.counts.reads += 1;
        else
            this.counts.writes += 1;
        let response;
        try {
            response = await fetch(`${this.host}/api/v4${path}`, {
                method,
                headers: {
                    'private-token': this.token,
                    accept: 'application/json',
                    ...(body ? { 'content-type': 'application/json' } : {}),
                },
                ...(body ? { body: JSON.stringify(body) } : {}),
                signal: AbortSignal.timeout(this.timeoutMs),
            });
        }
        catch (error) {
            this.counts.failures += 1;
            throw new _client_js__WEBPACK_IMPORTED_MODULE_2__/* .GitLabConnectionError */ .cX(method, path, error, this.timeoutMs);
        }
        const text = await response.text();
        let parsed = text;
        try {
            parsed = text === '' ? null : JSON.parse(text);
        }
        catch {
            // Not JSON: kept as text for the error.
        }
        if (!response.ok) {
            this.counts.failures += 1;
            throw new _client_js__WEBPACK_IMPORTED_MODULE_2__/* .GitLabResponseError */ .VY(method, path, response.status, response.headers, parsed);
        }
        return parsed;
    }
    failure(error, doing) {
        const converted = (0,_client_js__WEBPACK_IMPORTED_MODULE_2__.toCatalogueError)(error, { repository: this.repository, doing });
        if (converted.code !== 'PERMISSION_DENIED')
            return converted;
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .OrchestratorGitError */ .Xw('PERMISSION_DENIED', converted.message, WRITE_FIX, { cause: error });
    }
}


/***/ })

};
