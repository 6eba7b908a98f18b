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
/* harmony import */ var _issues_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(74362);




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
    client;
    requester;
    ref;
    /** Lower-case label name → label, once read. */
    labels = null;
    constructor(repository, ref, options) {
        const parsed = (0,_issues_js__WEBPACK_IMPORTED_MODULE_3__.parseProject)(repository);
        this.repository = parsed.repository;
        this.project = encodeURIComponent(String(parsed.projectId));
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
            throw (0,_client_js__WEBPACK_IMPORTED_MODULE_2__.toCatalogueError)(error, { repository: this.repository, doing });
        }
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
                return (await this.requester.get(`projects/${this.project}/boards/${this.ref.number}`))
                    .body;
            }
            catch (error) {
                if ((0,_client_js__WEBPACK_IMPORTED_MODULE_2__.httpStatus)(error) === 404 && /Board Not Found/i.test(String(error.message))) {
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OrchestratorGitError */ .Xw('CONFIG_INVALID', `Project ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(this.repository)} has no issue board ${this.ref.number}.`, 'Give the number at the end of the board’s URL (…/-/boards/7 → 7), or leave board-number empty to find the board by title (created when missing).');
                }
                throw (0,_client_js__WEBPACK_IMPORTED_MODULE_2__.toCatalogueError)(error, {
                    repository: this.repository,
                    doing: `reading board ${this.ref.number}`,
                });
            }
        }
        const boards = await this.all(`projects/${this.project}/boards`, 'listing the issue boards');
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
        const web = board.project?.web_url ?? `${this.client.host}/${this.repository}`;
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
        };
    }
    async createBoard(title) {
        const board = await this.call(`creating issue board ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(title)}`, () => this.requester.post(`projects/${this.project}/boards`, { body: { name: title } }));
        return this.toBoard(board, []);
    }
    async label(column) {
        const name = statusLabel(column);
        if (!this.labels) {
            const all = await this.all(`projects/${this.project}/labels`, 'listing the status labels', {
                search: STATUS_SCOPE,
            });
            this.labels = new Map(all.map((label) => [label.name.toLowerCase(), label]));
        }
        const known = this.labels.get(name);
        if (known)
            return known;
        try {
            const created = (await this.requester.post(`projects/${this.project}/labels`, {
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
            throw (0,_client_js__WEBPACK_IMPORTED_MODULE_2__.toCatalogueError)(error, { repository: this.repository, doing: `creating label ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(name)}` });
        }
    }
    async applySetup(board, operation) {
        if (operation.kind === 'createField') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OrchestratorGitError */ .Xw('NOT_SUPPORTED', `GitLab issue boards have no ${operation.field.name} field.`, 'Nothing to do: on GitLab, board-sync keeps the Status column (scoped status:: labels) in step; progress shows in the issue’s task list and milestone.');
        }
        for (const column of operation.added) {
            const label = await this.label(column);
            await this.call(`adding list ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(label.name)} to board ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(board.title)}`, () => this.requester.post(`projects/${this.project}/boards/${board.number}/lists`, {
                body: { label_id: label.id },
            }));
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
