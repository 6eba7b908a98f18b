export const id = 644;
export const ids = [644];
export const modules = {

/***/ 12644:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GitHubReleasePublisher: () => (/* binding */ GitHubReleasePublisher)
/* harmony export */ });
/* unused harmony export githubWebHost */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(27406);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(50551);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8473);
/* harmony import */ var _issues_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(10278);
/** GitHub tags (git tag objects and refs) and Releases through REST, behind the ReleasePublisher interface. */




const CONTENTS_FIX = 'Give the workflow `permissions: { contents: write, issues: write }` (contents for tags and releases, issues for the milestone), or use a token with the Contents read and write permission on this repository.';
/** The web origin of a REST base URL: api.github.com → github.com; GHES https://HOST/api/v3 → https://HOST. */
function githubWebHost(baseUrl) {
    const trimmed = baseUrl.replace(/\/+$/, '');
    if (/^https:\/\/api\.github\.com$/i.test(trimmed))
        return 'https://github.com';
    return trimmed.replace(/\/api\/v3$/i, '');
}
class GitHubReleasePublisher {
    platform = 'github';
    capabilities = {
        releases: true,
        milestones: true,
        releaseMilestones: false,
    };
    repository;
    owner;
    repo;
    client;
    web;
    constructor(repository, options) {
        const { owner, repo } = (0,_issues_js__WEBPACK_IMPORTED_MODULE_3__.parseRepository)(repository);
        this.owner = owner;
        this.repo = repo;
        this.repository = `${owner}/${repo}`;
        this.client = (0,_client_js__WEBPACK_IMPORTED_MODULE_2__.createGitHubClient)(options);
        this.web = githubWebHost(options.baseUrl);
    }
    stats() {
        return { ...this.client.stats };
    }
    webRepository() {
        return { host: this.web, owner: this.owner, repository: this.repo };
    }
    checkAccess() {
        return (0,_types_js__WEBPACK_IMPORTED_MODULE_1__/* .runAccessChecks */ .N)([
            {
                name: 'read tags',
                run: async () => {
                    await this.getTag('orchestrator-git-access-check');
                    return 'tags and releases can be read';
                },
            },
            {
                name: 'write tags and releases',
                // A tag ref at a commit that cannot exist: GitHub checks contents: write first, then refuses the ref (422).
                run: async () => {
                    try {
                        await this.client.octokit.request('POST /repos/{owner}/{repo}/git/refs', {
                            owner: this.owner,
                            repo: this.repo,
                            ref: 'refs/tags/orchestrator-git-access-check',
                            sha: '0'.repeat(40),
                            request: { retries: 0 },
                        });
                    }
                    catch (error) {
                        if ((0,_client_js__WEBPACK_IMPORTED_MODULE_2__/* .httpStatus */ .n)(error) === 422)
                            return 'tags and releases can be written (probed: nothing was created)';
                        throw this.failure(error, 'checking that tags can be written');
                    }
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .OrchestratorGitError */ .Xw('PLATFORM_ERROR', 'GitHub accepted a tag at a commit that does not exist while checking write access.', 'Delete the tag "orchestrator-git-access-check" by hand; write access is there.');
                },
            },
        ]);
    }
    async getTag(name) {
        let ref;
        try {
            ({ data: ref } = await this.client.octokit.request('GET /repos/{owner}/{repo}/git/ref/{ref}', {
                owner: this.owner,
                repo: this.repo,
                ref: `tags/${name}`,
            }));
        }
        catch (error) {
            if ((0,_client_js__WEBPACK_IMPORTED_MODULE_2__/* .httpStatus */ .n)(error) === 404)
                return null;
            throw this.failure(error, `reading tag ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(name)}`);
        }
        let object = ref.object;
        const annotated = object.type === 'tag';
        // An annotated tag may (rarely) tag another tag: peel until the commit.
        for (let depth = 0; object.type === 'tag' && depth < 5; depth += 1) {
            const { data } = await this.call(`reading tag object of ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(name)}`, () => this.client.octokit.request('GET /repos/{owner}/{repo}/git/tags/{tag_sha}', {
                owner: this.owner,
                repo: this.repo,
                tag_sha: object.sha,
            }));
            object = data.object;
        }
        if (object.type !== 'commit') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .OrchestratorGitError */ .Xw('VALIDATION_FAILED', `Tag ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(name)} on GitHub points at a ${object.type}, not at a commit.`, 'Delete that tag (it is not a release tag) or choose another version.');
        }
        return { name, commit: object.sha, annotated };
    }
    async createTag(input) {
        let tagSha;
        try {
            const { data } = await this.client.octokit.request('POST /repos/{owner}/{repo}/git/tags', {
                owner: this.owner,
                repo: this.repo,
                tag: input.name,
                message: input.message,
                object: input.commit,
                type: 'commit',
            });
            tagSha = data.sha;
        }
        catch (error) {
            if ((0,_client_js__WEBPACK_IMPORTED_MODULE_2__/* .httpStatus */ .n)(error) === 422) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .OrchestratorGitError */ .Xw('VALIDATION_FAILED', `GitHub does not have commit ${input.commit.slice(0, 12)} in ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(this.repository)}, so it cannot be tagged ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(input.name)}.`, 'Push the commit first (the release tags the checked-out commit), and run the release on a commit of the repository named in `repository`.', { cause: error });
            }
            throw this.failure(error, `creating the tag object ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(input.name)}`);
        }
        try {
            await this.client.octokit.request('POST /repos/{owner}/{repo}/git/refs', {
                owner: this.owner,
                repo: this.repo,
                ref: `refs/tags/${input.name}`,
                sha: tagSha,
                request: { retries: 0 },
            });
        }
        catch (error) {
            // Created meanwhile (a concurrent run) or the answer was lost: what is there now decides.
            const status = (0,_client_js__WEBPACK_IMPORTED_MODULE_2__/* .httpStatus */ .n)(error);
            if (status === 422 || status === undefined || status >= 500) {
                const existing = await this.getTag(input.name);
                if (existing)
                    return existing;
            }
            throw this.failure(error, `creating the tag ref ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(input.name)}`);
        }
        return { name: input.name, commit: input.commit, annotated: true };
    }
    async getRelease(tag) {
        try {
            const { data } = await this.client.octokit.request('GET /repos/{owner}/{repo}/releases/tags/{tag}', {
                owner: this.owner,
                repo: this.repo,
                tag,
            });
            return toRelease(data);
        }
        catch (error) {
            if ((0,_client_js__WEBPACK_IMPORTED_MODULE_2__/* .httpStatus */ .n)(error) === 404)
                return null;
            throw this.failure(error, `reading the release of ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(tag)}`);
        }
    }
    async createRelease(input) {
        try {
            const { data } = await this.client.octokit.request('POST /repos/{owner}/{repo}/releases', {
                owner: this.owner,
                repo: this.repo,
                tag_name: input.tag,
                name: input.name,
                body: input.body,
                draft: false,
                prerelease: input.prerelease,
                request: { retries: 0 },
            });
            return toRelease(data);
        }
        catch (error) {
            const status = (0,_client_js__WEBPACK_IMPORTED_MODULE_2__/* .httpStatus */ .n)(error);
            if (status === 422 || status === undefined || status >= 500) {
                const existing = await this.getRelease(input.tag);
                if (existing)
                    return existing;
            }
            throw this.failure(error, `creating the release ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(input.tag)}`);
        }
    }
    async updateRelease(release, patch) {
        const { data } = await this.call(`updating the release ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(release.tag)}`, () => this.client.octokit.request('PATCH /repos/{owner}/{repo}/releases/{release_id}', {
            owner: this.owner,
            repo: this.repo,
            release_id: Number(release.id),
            name: patch.name,
            body: patch.body,
        }));
        return toRelease(data);
    }
    async findMilestone(title) {
        const milestones = await this.call('listing milestones', () => this.client.octokit.paginate('GET /repos/{owner}/{repo}/milestones', {
            owner: this.owner,
            repo: this.repo,
            state: 'all',
            per_page: 100,
        }));
        const found = milestones.find((milestone) => milestone.title === title);
        return found
            ? {
                number: found.number,
                title: found.title,
                state: found.state === 'closed' ? 'closed' : 'open',
                dueOn: found.due_on ? found.due_on.slice(0, 10) : null,
            }
            : null;
    }
    async updateMilestone(milestone, patch) {
        await this.call(`updating milestone ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(milestone.title)}`, () => this.client.octokit.request('PATCH /repos/{owner}/{repo}/milestones/{milestone_number}', {
            owner: this.owner,
            repo: this.repo,
            milestone_number: milestone.number,
            ...(patch.state !== undefined ? { state: patch.state } : {}),
            // A due date is set or changed, never cleared (the state's target_date may simply be unset).
            ...(patch.dueOn ? { due_on: `${patch.dueOn}T00:00:00Z` } : {}),
        }));
    }
    /** A failure, with the fix for the permission tags and releases need. */
    failure(error, doing) {
        const converted = (0,_client_js__WEBPACK_IMPORTED_MODULE_2__.toCatalogueError)(error, this.repository, doing);
        if (converted.code !== 'PERMISSION_DENIED')
            return converted;
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .OrchestratorGitError */ .Xw('PERMISSION_DENIED', converted.message, CONTENTS_FIX, { cause: error });
    }
    async call(doing, request) {
        try {
            return await request();
        }
        catch (error) {
            throw this.failure(error, doing);
        }
    }
}
function toRelease(data) {
    if (typeof data !== 'object' || data === null || typeof data.id !== 'number') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .OrchestratorGitError */ .Xw('PLATFORM_ERROR', 'GitHub answered with an incomplete release, so the outcome of the request is unknown.', 'Run the release again: it finds the release by its tag instead of creating a second one.');
    }
    return {
        id: String(data.id),
        tag: data.tag_name,
        name: data.name ?? '',
        body: data.body ?? '',
        url: data.html_url,
        milestones: [],
    };
}


/***/ })

};
