export const id = 374;
export const ids = [374];
export const modules = {

/***/ 7374:
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
// EXTERNAL MODULE: ./build/src/platforms/github/client.js
var client = __webpack_require__(8473);
// EXTERNAL MODULE: ./build/src/platforms/github/issues.js + 1 modules
var issues = __webpack_require__(278);
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
      ... on ProjectV2IterationField {
        configuration {
          iterations { id title startDate duration }
          completedIterations { id title startDate duration }
        }
      }
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
/** An iteration field with its sprints laid out (the only time the sync writes iterations: see docs/board-sync.md). */
const CREATE_ITERATION_FIELD = `mutation CreateSprintField($project: ID!, $name: String!, $configuration: ProjectV2IterationFieldConfigurationInput!) {
  createProjectV2Field(input: { projectId: $project, dataType: ITERATION, name: $name, iterationConfiguration: $configuration }) {
    projectV2Field { ... on ProjectV2IterationField { id name configuration { iterations { id title startDate duration } } } }
  }
}`;
/** Replaces a single select field's options (GitHub has no "add one option" mutation): ids change, values clear. */
const REPLACE_OPTIONS = `mutation ReplaceStatusOptions($field: ID!, $options: [ProjectV2SingleSelectFieldOptionInput!]) {
  updateProjectV2Field(input: { fieldId: $field, singleSelectOptions: $options }) {
    projectV2Field { ... on ProjectV2SingleSelectField { id name options { id name } } }
  }
}`;
/** One field of a board by its name (null when the board has none). */
const FIELD_BY_NAME = `query FieldByName($project: ID!, $name: String!) {
  node(id: $project) {
    ... on ProjectV2 { field(name: $name) { ... on ProjectV2FieldCommon { id name } } }
  }
}`;
/** Removes a custom field and every card's value in it (the stash field once the Status values are back). */
const DELETE_FIELD = `mutation DeleteField($field: ID!) {
  deleteProjectV2Field(input: { fieldId: $field }) {
    projectV2Field { ... on ProjectV2Field { id name } }
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
        const { owner, repo } = (0,issues.parseRepository)(repository);
        this.repoOwner = owner;
        this.repoName = repo;
        this.repository = `${owner}/${repo}`;
        this.ref = ref;
        this.client = (0,client.createGitHubClient)(options);
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
        if (operation.kind === 'scopeBoard') {
            throw new src_errors/* OrchestratorGitError */.Xw('NOT_SUPPORTED', 'GitHub Projects cannot be scoped to a milestone.', 'Leave board-milestone empty on GitHub (it scopes GitLab boards).');
        }
        if (operation.kind === 'createField' && operation.sprints) {
            await this.graphql(CREATE_ITERATION_FIELD, { project: board.id, name: operation.field.name, configuration: operation.sprints }, `creating the iteration field ${(0,src_errors/* quote */.hD)(operation.field.name)}`);
            return;
        }
        if (operation.kind === 'createField') {
            const type = Object.entries(KINDS).find(([, kind]) => kind === operation.field.kind)?.[0] ?? 'TEXT';
            await this.graphql(CREATE_FIELD, {
                project: board.id,
                type,
                name: operation.field.name,
                options: type === 'SINGLE_SELECT'
                    ? operation.options.map((name) => ({ name, color: (0,plan/* optionColor */.H4)(name), description: '' }))
                    : null,
            }, `creating the board field ${(0,src_errors/* quote */.hD)(operation.field.name)}`);
            return;
        }
        if (operation.kind === 'restoreStatusStash') {
            await this.writeValues(board, operation.restore.map(({ cardId, optionId }) => ({
                itemId: cardId,
                fieldId: operation.fieldId,
                value: { singleSelectOptionId: optionId },
            })), `restoring ${operation.fieldName} values from the stash field`);
            await this.graphql(DELETE_FIELD, { field: operation.stashFieldId }, `deleting the field ${(0,src_errors/* quote */.hD)(plan/* STATUS_STASH_FIELD */.M2)}`);
            return;
        }
        // GitHub has no "add an option" mutation: the list is replaced, option ids change and every card's value in the
        // field is cleared. So the values are written back, by option name, right after (see docs/board-sync.md); first
        // they are stashed in a text field on the board, which a later run reads if this one dies before the write-back.
        // Nothing to stash when no card has a Status yet (a board made by hand with no cards, say).
        const stashFieldId = operation.restore.length > 0 ? await this.stashField(board) : null;
        if (stashFieldId !== null) {
            await this.writeValues(board, operation.restore.map(({ cardId, option }) => ({
                itemId: cardId,
                fieldId: stashFieldId,
                value: { text: option },
            })), `stashing ${operation.fieldName} values`);
        }
        const data = await this.graphql(REPLACE_OPTIONS, {
            field: operation.fieldId,
            options: operation.options.map(({ name, color, description }) => ({ name, color, description })),
        }, `adding ${operation.added.map((name) => (0,src_errors/* quote */.hD)(name)).join(', ')} to the ${(0,src_errors/* quote */.hD)(operation.fieldName)} field`);
        const options = data.updateProjectV2Field.projectV2Field.options;
        const writes = operation.restore.flatMap(({ cardId, option }) => {
            const id = options.find((candidate) => candidate.name === option)?.id;
            return id ? [{ itemId: cardId, fieldId: operation.fieldId, value: { singleSelectOptionId: id } }] : [];
        });
        await this.writeValues(board, writes, `restoring ${operation.fieldName} values`);
        if (stashFieldId !== null) {
            await this.graphql(DELETE_FIELD, { field: stashFieldId }, `deleting the field ${(0,src_errors/* quote */.hD)(plan/* STATUS_STASH_FIELD */.M2)}`);
        }
    }
    /** The stash field's id: created, or found when a retried create met the one its lost answer had made. */
    async stashField(board) {
        const doing = `creating the field ${(0,src_errors/* quote */.hD)(plan/* STATUS_STASH_FIELD */.M2)}`;
        try {
            const data = await this.graphql(CREATE_FIELD, { project: board.id, type: 'TEXT', name: plan/* STATUS_STASH_FIELD */.M2, options: null }, doing);
            return data.createProjectV2Field.projectV2Field.id;
        }
        catch (error) {
            const found = await this.graphql(FIELD_BY_NAME, { project: board.id, name: plan/* STATUS_STASH_FIELD */.M2 }, doing);
            if (found.node?.field)
                return found.node.field.id;
            throw error;
        }
    }
    /** Field values in batches of MUTATION_BATCH; the first error stops the run (the stash keeps what a retry needs). */
    async writeValues(board, writes, what) {
        for (let start = 0; start < writes.length; start += MUTATION_BATCH) {
            const { errors } = await this.batch(setValuesMutation(board.id, writes.slice(start, start + MUTATION_BATCH)), what);
            if (errors.size > 0)
                throw new src_errors/* OrchestratorGitError */.Xw('PLATFORM_ERROR', `${what} failed for ${errors.size} card(s): ${[...errors.values()][0]?.message ?? ''}.`, `Run again: until a run writes them back, the values are kept in the board field ${(0,src_errors/* quote */.hD)(plan/* STATUS_STASH_FIELD */.M2)}.`);
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
            return (0,client.toCatalogueError)(error, this.repository, doing);
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
            iterations: [
                ...(node.configuration?.completedIterations ?? []),
                ...(node.configuration?.iterations ?? []),
            ],
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
