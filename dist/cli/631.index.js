export const id = 631;
export const ids = [631];
export const modules = {

/***/ 93631:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GitLabIssueBoard: () => (/* binding */ GitLabIssueBoard)
/* harmony export */ });
/* unused harmony exports STATUS_SCOPE, statusLabel */
/* harmony import */ var _board_plan_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(84202);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(27406);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(16721);
/* harmony import */ var _issues_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(68334);




/** The scope of the labels behind the board's lists. */
const STATUS_SCOPE = 'status::';
const LIST_COLOURS = {
    backlog: '#cfd3d7',
    'to do': '#c5def5',
    todo: '#c5def5',
    'in progress': '#fbca04',
    blocked: '#d93f0b',
    done: '#0e8a16',
};
/** The label behind a column: `status::` and the column in lower case (`In Progress` → `status::in progress`). */
function statusLabel(column) {
    return `${STATUS_SCOPE}${column.trim().toLowerCase()}`;
}
function columnOf(label) {
    return label.toLowerCase().startsWith(STATUS_SCOPE) ? label.slice(STATUS_SCOPE.length) : null;
}
class GitLabIssueBoard {
    platform = 'gitlab';
    repository;
    fieldRoles = new Set(['status']);
    project;
    /** The board's parent in API paths: `projects/<id>` or `groups/<path>`. */
    parent;
    /** The group's full path for a group board; null for a project board. */
    group;
    client;
    requester;
    ref;
    /** Lower-case label name → label, once read. */
    labels = null;
    constructor(repository, ref, options) {
        const parsed = (0,_issues_js__WEBPACK_IMPORTED_MODULE_3__.parseProject)(repository);
        this.repository = parsed.repository;
        this.project = encodeURIComponent(String(parsed.projectId));
        this.group = ref.scope === 'group' ? (ref.group ?? null) : null;
        if (ref.scope === 'group' && !this.group) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OrchestratorGitError */ .Xw('CONFIG_INVALID', 'board-scope is group, but no gitlab-group is configured.', 'Set gitlab-group to the full path of the group whose board to use, or set board-scope to project.');
        }
        this.parent = this.group ? `groups/${encodeURIComponent(this.group)}` : `projects/${this.project}`;
        this.client = (0,_client_js__WEBPACK_IMPORTED_MODULE_2__.createGitLabClient)(options);
        this.requester = this.client.issues.requester;
        this.ref = ref;
    }
    stats() {
        return { ...this.client.stats };
    }
    async call(doing, run) {
        try {
            return (await run()).body;
        }
        catch (error) {
            throw this.failure(error, doing);
        }
    }
    /** The catalogue error, with what a group board adds: a group that is not there. */
    failure(error, doing) {
        if (this.group && (0,_client_js__WEBPACK_IMPORTED_MODULE_2__/* .notFoundKind */ .Oq)(error) === 'group') {
            return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OrchestratorGitError */ .Xw('CONFIG_INVALID', `Group ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(this.group)} (gitlab-group, for the group board) was not found, or the token cannot see it (404 while ${doing}).`, 'Set gitlab-group to the full path of the group the project belongs to (as in its URL, e.g. acme or acme/platform), and make sure the token’s user is a member of it; or set board-scope to project.', { cause: error });
        }
        return (0,_client_js__WEBPACK_IMPORTED_MODULE_2__.toCatalogueError)(error, {
            repository: this.repository,
            doing,
            ...(this.group ? { group: this.group } : {}),
        });
    }
    /** The board's parent for messages: `group "acme"` or `project "acme/widgets"`. */
    get owner() {
        return this.group ? `group ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(this.group)}` : `project ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(this.repository)}`;
    }
    /** Every page of a list endpoint, 100 a page. */
    async all(endpoint, doing, params = {}) {
        const out = [];
        for (let page = 1;; page += 1) {
            const items = await this.call(doing, () => this.requester.get(endpoint, { searchParams: { ...params, per_page: 100, page } }));
            if (!Array.isArray(items))
                throw incomplete(doing);
            out.push(...items);
            if (items.length < 100)
                return out;
        }
    }
    async findBoard() {
        if (this.ref.number !== null) {
            try {
                return (await this.requester.get(`${this.parent}/boards/${this.ref.number}`)).body;
            }
            catch (error) {
                if ((0,_client_js__WEBPACK_IMPORTED_MODULE_2__.httpStatus)(error) === 404 && /Board Not Found/i.test(String(error.message))) {
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OrchestratorGitError */ .Xw('CONFIG_INVALID', `${this.group ? 'Group' : 'Project'} ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(this.group ?? this.repository)} has no issue board ${this.ref.number}.`, 'Give the number at the end of the board’s URL (…/-/boards/7 → 7), or leave board-number empty to find the board by title (created when missing).');
                }
                throw this.failure(error, `reading board ${this.ref.number}`);
            }
        }
        const boards = await this.all(`${this.parent}/boards`, 'listing the issue boards');
        return boards.find((board) => board.name === this.ref.title) ?? null;
    }
    async readBoard(issues) {
        const board = await this.findBoard();
        if (!board)
            return null;
        const cards = [];
        const iids = [...new Set((issues ?? []).map((issue) => issue.number))].sort((a, b) => a - b);
        for (let at = 0; at < iids.length; at += 100) {
            const batch = iids.slice(at, at + 100);
            const found = await this.all(`projects/${this.project}/issues`, `reading the labels of ${batch.length} issues`, { iids: batch, state: 'all' });
            for (const issue of found) {
                const label = (issue.labels ?? []).find((name) => columnOf(name) !== null);
                const column = label ? columnOf(label) : null;
                if (column === null)
                    continue;
                const list = (board.lists ?? []).find((entry) => entry.label && (0,_board_plan_js__WEBPACK_IMPORTED_MODULE_0__/* .sameColumn */ .Re)(columnOf(entry.label.name) ?? '', column));
                cards.push({
                    id: String(issue.iid),
                    issue: { repository: this.repository, number: issue.iid },
                    values: { Status: { kind: 'option', optionId: list ? String(list.id) : '', name: column } },
                });
            }
        }
        return this.toBoard(board, cards);
    }
    toBoard(board, cards) {
        const web = this.group
            ? `${this.client.host}/groups/${this.group}`
            : (board.project?.web_url ?? `${this.client.host}/${this.repository}`);
        const options = [...(board.lists ?? [])]
            .sort((a, b) => a.position - b.position)
            .flatMap((list) => {
            const column = list.label ? columnOf(list.label.name) : null;
            return column === null || !list.label
                ? []
                : [{ id: String(list.id), name: column, color: list.label.color }];
        });
        return {
            id: String(board.id),
            number: board.id,
            title: board.name,
            url: `${web}/-/boards/${board.id}`,
            fields: [{ id: 'status', name: 'Status', kind: 'single_select', options, iterations: [] }],
            cards,
            // GitLab Free leaves the key out; null then too, so that a wanted scope is tried (and refused clearly).
            milestone: board.milestone?.title ?? null,
        };
    }
    async createBoard(title) {
        const doing = `creating issue board ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(title)}`;
        try {
            const board = (await this.requester.post(`${this.parent}/boards`, { body: { name: title } }))
                .body;
            return this.toBoard(board, []);
        }
        catch (error) {
            const status = (0,_client_js__WEBPACK_IMPORTED_MODULE_2__.httpStatus)(error);
            if (this.group && (status === 403 || (0,_client_js__WEBPACK_IMPORTED_MODULE_2__/* .notFoundKind */ .Oq)(error) === 'route'))
                throw await this.groupBoardRefused(title, error);
            throw this.failure(error, doing);
        }
    }
    /**
     * GitLab creates group boards through the API only with several group boards licensed (Premium): on Free the answer
     * is 403 even for the first one, and the Community Edition has no such endpoint (404).
     */
    async groupBoardRefused(title, error) {
        const existing = await this.all(`${this.parent}/boards`, 'listing the group boards').catch(() => []);
        const names = existing.map((board) => `${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(board.name)} (board-number ${board.id})`);
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OrchestratorGitError */ .Xw('NOT_SUPPORTED', `GitLab refused to create the group board ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(title)} in group ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(this.group)} (${(0,_client_js__WEBPACK_IMPORTED_MODULE_2__.httpStatus)(error) === 403 ? '403 Forbidden' : '404: no such API on this instance'}). Creating group boards through the API needs GitLab Premium or Ultimate (several group boards), and the Planner or Reporter role in the group. ${names.length > 0 ? `The group has ${names.join(', ')}.` : 'The group has no board yet.'}`, names.length > 0
            ? 'Use the existing board: set board-title to its name or board-number to its number (the sync adds its lists); or set board-scope to project.'
            : 'On GitLab Free a group has one board, made when someone opens the group’s Plan → Issue boards page: open it once, then set board-title to its name (GitLab calls it "Development") or board-number to its number. Or set board-scope to project.', { cause: error });
    }
    /** The label behind a column: a project label, or for a group board a group label (lists take only those). */
    async label(column) {
        const name = statusLabel(column);
        if (!this.labels) {
            const all = await this.all(`${this.parent}/labels`, 'listing the status labels', {
                search: STATUS_SCOPE,
                include_ancestor_groups: true,
            });
            this.labels = new Map(all.map((label) => [label.name.toLowerCase(), label]));
        }
        const known = this.labels.get(name);
        if (known)
            return known;
        try {
            const created = (await this.requester.post(`${this.parent}/labels`, {
                body: {
                    name,
                    color: LIST_COLOURS[column.trim().toLowerCase()] ?? '#6699cc',
                    description: `Board column ${column}, kept in step by orchestrator-git`,
                },
            })).body;
            this.labels.set(name, created);
            return created;
        }
        catch (error) {
            // Created meanwhile (a concurrent run): read it back.
            if ((0,_client_js__WEBPACK_IMPORTED_MODULE_2__.httpStatus)(error) === 409) {
                this.labels = null;
                return this.label(column);
            }
            throw this.failure(error, `creating label ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(name)}`);
        }
    }
    async applySetup(board, operation) {
        if (operation.kind === 'scopeBoard') {
            await this.scope(board, operation.milestone);
            return;
        }
        if (operation.kind === 'createField') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OrchestratorGitError */ .Xw('NOT_SUPPORTED', `GitLab issue boards have no ${operation.field.name} field.`, 'Nothing to do: on GitLab, board-sync keeps the Status column (scoped status:: labels) in step; progress shows in the issue’s task list and milestone.');
        }
        // Only GitHub rewrites a whole option list, so only GitHub boards ever carry a Status stash.
        if (operation.kind === 'restoreStatusStash')
            return;
        for (const column of operation.added) {
            const label = await this.label(column);
            await this.call(`adding list ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(label.name)} to board ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(board.title)}`, () => this.requester.post(`${this.parent}/boards/${board.number}/lists`, {
                body: { label_id: label.id },
            }));
        }
    }
    /**
     * Scopes the board to the milestone titled `title`: a milestone of the project or its group (project board) or of
     * the group (group board), as GitLab accepts; anything else it drops without a word, so the answer is checked.
     */
    async scope(board, title) {
        const found = await this.all(`${this.parent}/milestones`, `looking up milestone ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(title)}`, this.group ? { title } : { title, include_ancestors: true });
        const milestone = found.find((candidate) => candidate.title === title);
        if (!milestone) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OrchestratorGitError */ .Xw('CONFIG_INVALID', `board-milestone ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(title)}: ${this.owner} has no milestone of that title${this.group ? '' : ' (its groups’ included)'}.`, 'Create the release milestones first (board milestones, or board-action: sync_milestones, makes one per release_milestones row), or set board-milestone to the title of an existing milestone.');
        }
        const updated = await this.call(`scoping board ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(board.title)} to ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(title)}`, () => this.requester.put(`${this.parent}/boards/${board.number}`, { body: { milestone_id: milestone.id } }));
        if (!('milestone' in updated)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OrchestratorGitError */ .Xw('NOT_SUPPORTED', `GitLab did not scope board ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(board.title)} to milestone ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(title)}: boards scoped to a milestone (configurable issue boards) need GitLab Premium or Ultimate, and this instance dropped the scope.`, 'Leave board-milestone empty (filter the board by milestone in its search bar instead), or use a Premium instance.');
        }
        if (updated.milestone?.id !== milestone.id) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OrchestratorGitError */ .Xw('CONFIG_INVALID', `GitLab did not scope board ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(board.title)} to milestone ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(title)}: a ${this.group ? 'group' : 'project'} board takes only milestones of ${this.group ? 'its own group' : 'its project or the project’s own group'}.`, 'Set board-milestone to a milestone of the project or of its group (gitlab-group), or create the milestone there.');
        }
    }
    async applyCards(board, operations) {
        const results = [];
        const current = new Map(board.cards.map((card) => [card.id, card.values['Status']]));
        for (const operation of operations) {
            const status = operation.writes.find((write) => write.role === 'status');
            const number = operation.kind === 'addCard' ? operation.issue.number : Number(operation.cardId);
            if (!status || !('option' in status.value)) {
                results.push({ operation, cardId: String(number), error: null });
                continue;
            }
            const column = status.value.option;
            try {
                await this.label(column);
                // add_labels keeps every other label. Scoped labels are exclusive on Premium, where adding the new one drops
                // the old; GitLab Free keeps both, so the old one is removed explicitly too.
                const previous = current.get(String(number));
                const remove = previous?.kind === 'option' && !(0,_board_plan_js__WEBPACK_IMPORTED_MODULE_0__/* .sameColumn */ .Re)(previous.name, column)
                    ? { remove_labels: `${STATUS_SCOPE}${previous.name}` }
                    : {};
                await this.call(`moving issue #${number} to ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(column)}`, () => this.requester.put(`projects/${this.project}/issues/${number}`, {
                    body: { add_labels: statusLabel(column), ...remove },
                }));
                results.push({ operation, cardId: String(number), error: null });
            }
            catch (error) {
                if (!(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OrchestratorGitError */ .Xw))
                    throw error;
                results.push({ operation, cardId: null, error });
            }
        }
        return results;
    }
}
function incomplete(doing) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OrchestratorGitError */ .Xw('PLATFORM_ERROR', `GitLab answered ${doing} with something that is not a list.`, 'Check the GitLab URL (it must be the instance root, e.g. https://gitlab.com); if it is right, run again.');
}


/***/ })

};
