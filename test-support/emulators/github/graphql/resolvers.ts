/**
 * Resolvers of the Projects v2 subset of GitHub's GraphQL API, run by graphql-js against the official schema: plain
 * objects whose `__typename` picks the concrete type and whose function properties take the field's arguments.
 * Fields outside the subset resolve to null (GitHub's nullable fields) or fail as non-null fields would.
 */
import { GraphQLError } from 'graphql';
import type { Principal } from '../auth.js';
import type { IssueRecord, RepoRecord, Store, UserRecord } from '../store.js';
import type {
  FieldRecord,
  ItemRecord,
  ProjectAccess,
  ProjectDataType,
  ProjectRecord,
  ProjectsState,
  ValueRecord,
} from './projects.js';

export interface GraphqlContext {
  principal: Principal;
  store: Store;
  projects: ProjectsState;
  web: string;
}

type Args = Record<string, unknown>;

export function githubError(type: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { type } });
}

const iso = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

// ---- access ----------------------------------------------------------------------------------------------------

/** Installation tokens reach an organisation's projects only with the Projects permission, and never a user's. */
function requireProjectAccess(ctx: GraphqlContext, owner: UserRecord, need: ProjectAccess): void {
  if (ctx.principal.kind !== 'token')
    throw githubError('FORBIDDEN', 'Resource not accessible by integration');
  const token = ctx.principal.token;
  if (!token.login.endsWith('[bot]')) return; // classic PAT: its scopes were checked before execution
  const grant = ctx.projects.grants.get(token.token);
  const allowed =
    owner.type === 'Organization' && grant !== undefined && (need === 'read' || grant === 'write');
  if (!allowed) throw githubError('FORBIDDEN', 'Resource not accessible by integration');
}

function repoVisible(ctx: GraphqlContext, repo: RepoRecord): boolean {
  if (!repo.private) return true;
  if (ctx.principal.kind !== 'token') return false;
  const { repositories } = ctx.principal.token;
  return repositories === '*' || repositories.has(repo.fullName.toLowerCase());
}

// ---- pagination ------------------------------------------------------------------------------------------------

function cursorOf(index: number): string {
  return Buffer.from(`cursor:v2:${index}`).toString('base64');
}

function indexOf(cursor: unknown, name: string): number {
  const match =
    typeof cursor === 'string' ? /^cursor:v2:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString()) : null;
  if (!match?.[1])
    throw githubError(
      'INVALID_CURSOR_ARGUMENTS',
      `\`${String(cursor)}\` does not appear to be a valid cursor.`,
    );
  void name;
  return Number(match[1]);
}

/** GitHub's connections: `first` or `last` is required and at most 100; cursors are opaque. */
function connection<T>(items: readonly T[], args: Args, name: string, view: (item: T) => unknown): unknown {
  const first = args['first'] as number | null | undefined;
  const last = args['last'] as number | null | undefined;
  if ((first === undefined || first === null) && (last === undefined || last === null)) {
    throw githubError(
      'MISSING_PAGINATION_BOUNDARIES',
      `You must provide a \`first\` or \`last\` value to properly paginate the \`${name}\` connection.`,
    );
  }
  for (const [argument, value] of [
    ['first', first],
    ['last', last],
  ] as const) {
    if (typeof value === 'number' && (value > 100 || value < 0)) {
      throw githubError(
        'EXCESSIVE_PAGINATION',
        `Requesting ${value} records on the \`${name}\` connection exceeds the \`${argument}\` limit of 100 records.`,
      );
    }
  }
  let start = args['after'] ? indexOf(args['after'], name) + 1 : 0;
  let end = args['before'] ? indexOf(args['before'], name) : items.length;
  if (typeof first === 'number') end = Math.min(end, start + first);
  if (typeof last === 'number') start = Math.max(start, end - last);
  const slice = items.slice(start, end).map((item, offset) => ({ item, index: start + offset }));
  return {
    totalCount: items.length,
    // Functions, so only what the query selects is built.
    nodes: () => slice.map(({ item }) => view(item)),
    edges: () => slice.map(({ item, index }) => ({ cursor: cursorOf(index), node: view(item) })),
    pageInfo: {
      hasNextPage: end < items.length,
      hasPreviousPage: start > 0,
      startCursor: slice.length > 0 ? cursorOf(start) : null,
      endCursor: slice.length > 0 ? cursorOf(end - 1) : null,
    },
  };
}

// ---- views -----------------------------------------------------------------------------------------------------

function ownerView(ctx: GraphqlContext, user: UserRecord): unknown {
  const owned = () =>
    ctx.projects.projects.filter((project) => project.owner.toLowerCase() === user.login.toLowerCase());
  return {
    __typename: user.type === 'Organization' ? 'Organization' : user.type === 'Bot' ? 'Bot' : 'User',
    id: user.nodeId,
    databaseId: user.id,
    login: user.login,
    projectsV2: (args: Args) => {
      requireProjectAccess(ctx, user, 'read');
      const words = String(args['query'] ?? '')
        .toLowerCase()
        .split(/\s+/)
        .filter((word) => word !== '' && !word.includes(':'));
      const matching = owned().filter((project) =>
        words.every((word) => project.title.toLowerCase().includes(word)),
      );
      return connection(matching, args, 'projectsV2', (project) => projectView(ctx, project));
    },
    projectV2: (args: Args) => {
      requireProjectAccess(ctx, user, 'read');
      const project = owned().find((candidate) => candidate.number === args['number']);
      if (!project)
        throw githubError(
          'NOT_FOUND',
          `Could not resolve to a ProjectV2 with the number ${String(args['number'])}.`,
        );
      return projectView(ctx, project);
    },
  };
}

function repoView(ctx: GraphqlContext, repo: RepoRecord): unknown {
  return {
    __typename: 'Repository',
    id: repo.nodeId,
    databaseId: repo.id,
    name: repo.name,
    nameWithOwner: repo.fullName,
    url: `${ctx.web}/${repo.fullName}`,
    owner: () => ownerView(ctx, ctx.store.user(repo.owner)),
    issue: (args: Args) => {
      const issue = repo.issues.get(Number(args['number']));
      if (!issue || issue.deleted || issue.pullRequest)
        throw githubError(
          'NOT_FOUND',
          `Could not resolve to an Issue with the number of ${String(args['number'])}.`,
        );
      return issueView(ctx, repo, issue);
    },
  };
}

function issueView(ctx: GraphqlContext, repo: RepoRecord, issue: IssueRecord): unknown {
  return {
    __typename: issue.pullRequest ? 'PullRequest' : 'Issue',
    id: issue.nodeId,
    databaseId: issue.id,
    number: issue.number,
    title: issue.title,
    body: issue.body ?? '',
    state: issue.state === 'open' ? 'OPEN' : 'CLOSED',
    url: `${ctx.web}/${repo.fullName}/issues/${issue.number}`,
    createdAt: iso(issue.createdAt),
    updatedAt: iso(issue.updatedAt),
    repository: () => repoView(ctx, repo),
  };
}

function projectUrl(ctx: GraphqlContext, project: ProjectRecord): string {
  const kind = ctx.store.user(project.owner).type === 'Organization' ? 'orgs' : 'users';
  return `${ctx.web}/${kind}/${project.owner}/projects/${project.number}`;
}

function projectView(ctx: GraphqlContext, project: ProjectRecord): unknown {
  return {
    __typename: 'ProjectV2',
    id: project.id,
    databaseId: project.databaseId,
    number: project.number,
    title: project.title,
    url: projectUrl(ctx, project),
    closed: project.closed,
    public: false,
    createdAt: iso(project.createdAt),
    updatedAt: iso(project.updatedAt),
    viewerCanUpdate: true,
    owner: () => ownerView(ctx, ctx.store.user(project.owner)),
    fields: (args: Args) =>
      connection(project.fields, args, 'fields', (field) => fieldView(ctx, project, field)),
    field: (args: Args) => {
      const field = project.fields.find((candidate) => candidate.name === args['name']);
      return field ? fieldView(ctx, project, field) : null;
    },
    items: (args: Args) => connection(project.items, args, 'items', (item) => itemView(ctx, project, item)),
  };
}

/**
 * What GitHub refuses in an iteration configuration: a duration under one day, a blank title, a bad date (as
 * UNPROCESSABLE errors; the wording is unverified). Iterations are only ever set whole: `updateProjectV2Field` with an
 * iteration configuration overwrites them, with new ids, and clears every item's value (github/github-mcp-server#2953).
 */
function validateIterations(configuration: {
  startDate: string;
  duration: number;
  iterations: { title: string; startDate: string; duration: number }[];
}): void {
  const isDate = (value: string) =>
    /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
  if (!Number.isInteger(configuration.duration) || configuration.duration < 1)
    throw githubError('UNPROCESSABLE', 'Duration must be greater than 0');
  if (!isDate(configuration.startDate)) throw githubError('UNPROCESSABLE', 'Start date is invalid');
  for (const iteration of configuration.iterations) {
    if (iteration.title.trim() === '') throw githubError('UNPROCESSABLE', "Title can't be blank");
    if (!Number.isInteger(iteration.duration) || iteration.duration < 1)
      throw githubError('UNPROCESSABLE', 'Duration must be greater than 0');
    if (!isDate(iteration.startDate)) throw githubError('UNPROCESSABLE', 'Start date is invalid');
  }
}

function fieldView(ctx: GraphqlContext, project: ProjectRecord, field: FieldRecord): unknown {
  const common = {
    id: field.id,
    databaseId: field.databaseId,
    name: field.name,
    dataType: field.dataType,
    createdAt: iso(field.createdAt),
    updatedAt: iso(field.updatedAt),
    project: () => projectView(ctx, project),
  };
  if (field.dataType === 'SINGLE_SELECT') {
    return {
      ...common,
      __typename: 'ProjectV2SingleSelectField',
      options: (args: Args) => {
        const names = args['names'] as string[] | null | undefined;
        return field.options
          .filter((option) => !names || names.includes(option.name))
          .map((option) => ({ ...option, nameHTML: option.name, descriptionHTML: option.description }));
      },
    };
  }
  if (field.dataType === 'ITERATION') {
    // GitHub lists an iteration under completedIterations once its last day is over (by the emulator's clock).
    const today = new Date(ctx.store.now()).toISOString().slice(0, 10);
    const ended = (iteration: { startDate: string; duration: number }) =>
      new Date(Date.parse(`${iteration.startDate}T00:00:00Z`) + iteration.duration * 86_400_000)
        .toISOString()
        .slice(0, 10) <= today;
    const view = (iteration: (typeof field.iterations)[number]) => ({
      ...iteration,
      titleHTML: iteration.title,
    });
    return {
      ...common,
      __typename: 'ProjectV2IterationField',
      configuration: {
        duration: field.iterations[0]?.duration ?? 14,
        startDay: 1,
        iterations: field.iterations.filter((iteration) => !ended(iteration)).map(view),
        completedIterations: field.iterations.filter(ended).map(view),
      },
    };
  }
  return { ...common, __typename: 'ProjectV2Field' };
}

function itemView(ctx: GraphqlContext, project: ProjectRecord, item: ItemRecord): unknown {
  const values = () => {
    const out: unknown[] = [];
    for (const field of project.fields) {
      if (field.dataType === 'TITLE') {
        out.push({
          __typename: 'ProjectV2ItemFieldTextValue',
          id: `${item.id}:${field.id}`,
          text: contentTitle(ctx, item),
          field: fieldView(ctx, project, field),
          item: () => itemView(ctx, project, item),
        });
        continue;
      }
      const value = item.values.get(field.id);
      if (value) out.push(valueView(ctx, project, item, field, value));
    }
    return out;
  };
  const repo = item.issue ? ctx.store.repo(item.issue.repo) : undefined;
  const issue = repo && item.issue ? repo.issues.get(item.issue.number) : undefined;
  return {
    __typename: 'ProjectV2Item',
    id: item.id,
    databaseId: item.databaseId,
    type: item.issue ? (issue?.pullRequest ? 'PULL_REQUEST' : 'ISSUE') : 'DRAFT_ISSUE',
    isArchived: false,
    createdAt: iso(item.createdAt),
    updatedAt: iso(item.updatedAt),
    project: () => projectView(ctx, project),
    content: () => {
      if (!item.issue) return { __typename: 'DraftIssue', id: `DI_${item.id}`, title: item.draftTitle ?? '' };
      if (!repo || !issue || issue.deleted || !repoVisible(ctx, repo)) return null;
      return issueView(ctx, repo, issue);
    },
    fieldValues: (args: Args) => connection(values(), args, 'fieldValues', (value) => value),
    fieldValueByName: (args: Args) => {
      const field = project.fields.find((candidate) => candidate.name === args['name']);
      const value = field ? item.values.get(field.id) : undefined;
      return field && value ? valueView(ctx, project, item, field, value) : null;
    },
  };
}

function contentTitle(ctx: GraphqlContext, item: ItemRecord): string {
  if (!item.issue) return item.draftTitle ?? '';
  return ctx.store.repo(item.issue.repo)?.issues.get(item.issue.number)?.title ?? '';
}

function valueView(
  ctx: GraphqlContext,
  project: ProjectRecord,
  item: ItemRecord,
  field: FieldRecord,
  value: ValueRecord,
): unknown {
  const common = {
    id: `${item.id}:${field.id}`,
    field: fieldView(ctx, project, field),
    item: () => itemView(ctx, project, item),
  };
  if ('optionId' in value) {
    const option = field.options.find((candidate) => candidate.id === value.optionId);
    return {
      ...common,
      __typename: 'ProjectV2ItemFieldSingleSelectValue',
      optionId: value.optionId,
      name: option?.name ?? null,
      nameHTML: option?.name ?? null,
      color: option?.color ?? 'GRAY',
      description: option?.description ?? null,
    };
  }
  if ('number' in value)
    return { ...common, __typename: 'ProjectV2ItemFieldNumberValue', number: value.number };
  if ('date' in value) return { ...common, __typename: 'ProjectV2ItemFieldDateValue', date: value.date };
  if ('text' in value) return { ...common, __typename: 'ProjectV2ItemFieldTextValue', text: value.text };
  const iteration = field.iterations.find((candidate) => candidate.id === value.iterationId);
  return {
    ...common,
    __typename: 'ProjectV2ItemFieldIterationValue',
    iterationId: value.iterationId,
    title: iteration?.title ?? '',
    titleHTML: iteration?.title ?? '',
    startDate: iteration?.startDate ?? '',
    duration: iteration?.duration ?? 0,
  };
}

// ---- lookups by node id ----------------------------------------------------------------------------------------

function projectById(ctx: GraphqlContext, id: unknown): ProjectRecord {
  const project = ctx.projects.projects.find((candidate) => candidate.id === id);
  if (!project)
    throw githubError('NOT_FOUND', `Could not resolve to a node with the global id of '${String(id)}'`);
  return project;
}

function issueById(ctx: GraphqlContext, id: unknown): { repo: RepoRecord; issue: IssueRecord } | null {
  for (const repo of ctx.store.repos.values()) {
    for (const issue of repo.issues.values())
      if (issue.nodeId === id && !issue.deleted) return { repo, issue };
  }
  return null;
}

function fieldById(ctx: GraphqlContext, id: unknown): { project: ProjectRecord; field: FieldRecord } {
  for (const project of ctx.projects.projects) {
    const field = project.fields.find((candidate) => candidate.id === id);
    if (field) return { project, field };
  }
  throw githubError('NOT_FOUND', `Could not resolve to a node with the global id of '${String(id)}'`);
}

// ---- the root ----------------------------------------------------------------------------------------------------

const CUSTOM_TYPES: Record<string, ProjectDataType> = {
  SINGLE_SELECT: 'SINGLE_SELECT',
  NUMBER: 'NUMBER',
  DATE: 'DATE',
  TEXT: 'TEXT',
  ITERATION: 'ITERATION',
};

export function rootValue(ctx: GraphqlContext): Record<string, unknown> {
  const input = (args: Args) => (args['input'] ?? {}) as Record<string, unknown>;
  const userByLogin = (login: unknown) => ctx.store.users.get(String(login).toLowerCase());
  return {
    // queries
    repositoryOwner: (args: Args) => {
      const user = userByLogin(args['login']);
      return user ? ownerView(ctx, user) : null;
    },
    user: (args: Args) => {
      const user = userByLogin(args['login']);
      if (!user || user.type === 'Organization')
        throw githubError(
          'NOT_FOUND',
          `Could not resolve to a User with the login of '${String(args['login'])}'.`,
        );
      return ownerView(ctx, user);
    },
    organization: (args: Args) => {
      const user = userByLogin(args['login']);
      if (!user || user.type !== 'Organization')
        throw githubError(
          'NOT_FOUND',
          `Could not resolve to an Organization with the login of '${String(args['login'])}'.`,
        );
      return ownerView(ctx, user);
    },
    repository: (args: Args) => {
      const repo = ctx.store.repo(`${String(args['owner'])}/${String(args['name'])}`);
      if (!repo || !repoVisible(ctx, repo))
        throw githubError(
          'NOT_FOUND',
          `Could not resolve to a Repository with the name '${String(args['owner'])}/${String(args['name'])}'.`,
        );
      return repoView(ctx, repo);
    },
    node: (args: Args) => {
      const id = args['id'];
      const project = ctx.projects.projects.find((candidate) => candidate.id === id);
      if (project) {
        requireProjectAccess(ctx, ctx.store.user(project.owner), 'read');
        return projectView(ctx, project);
      }
      for (const candidate of ctx.projects.projects) {
        const item = candidate.items.find((entry) => entry.id === id);
        if (item) return itemView(ctx, candidate, item);
      }
      const found = issueById(ctx, id);
      if (found && repoVisible(ctx, found.repo)) return issueView(ctx, found.repo, found.issue);
      throw githubError('NOT_FOUND', `Could not resolve to a node with the global id of '${String(id)}'`);
    },

    // mutations
    createProjectV2: (args: Args) => {
      const { ownerId, title, repositoryId } = input(args);
      const owner = [...ctx.store.users.values()].find((user) => user.nodeId === ownerId);
      if (!owner)
        throw githubError(
          'NOT_FOUND',
          `Could not resolve to a node with the global id of '${String(ownerId)}'`,
        );
      requireProjectAccess(ctx, owner, 'write');
      if (typeof title !== 'string' || title.trim() === '')
        throw githubError('UNPROCESSABLE', "Title can't be blank");
      if (repositoryId !== undefined && repositoryId !== null) {
        const linked = [...ctx.store.repos.values()].some((repo) => repo.nodeId === repositoryId);
        if (!linked)
          throw githubError(
            'NOT_FOUND',
            `Could not resolve to a node with the global id of '${String(repositoryId)}'`,
          );
      }
      return {
        clientMutationId: null,
        projectV2: projectView(ctx, ctx.projects.createProject(owner.login, title)),
      };
    },
    createProjectV2Field: (args: Args) => {
      const { projectId, dataType, name, singleSelectOptions, iterationConfiguration } = input(args);
      const project = projectById(ctx, projectId);
      requireProjectAccess(ctx, ctx.store.user(project.owner), 'write');
      const type = CUSTOM_TYPES[String(dataType)];
      if (!type) throw githubError('UNPROCESSABLE', `Data type ${String(dataType)} cannot be created`);
      if (typeof name !== 'string' || name.trim() === '')
        throw githubError('UNPROCESSABLE', "Name can't be blank");
      if (project.fields.some((field) => field.name.toLowerCase() === name.toLowerCase()))
        throw githubError('UNPROCESSABLE', 'Name has already been taken');
      const options = (singleSelectOptions ?? []) as { name: string; color: string; description: string }[];
      if (type === 'SINGLE_SELECT' && options.length === 0)
        throw githubError('UNPROCESSABLE', 'Single select fields must have at least one option');
      const configuration = iterationConfiguration as
        | {
            startDate: string;
            duration: number;
            iterations: { title: string; startDate: string; duration: number }[];
          }
        | undefined;
      if (configuration) validateIterations(configuration);
      const field = ctx.projects.addField(
        project,
        name,
        type,
        options,
        type === 'ITERATION' ? (configuration?.iterations ?? []) : [],
      );
      return { clientMutationId: null, projectV2Field: fieldView(ctx, project, field) };
    },
    updateProjectV2Field: (args: Args) => {
      const { fieldId, name, singleSelectOptions, iterationConfiguration } = input(args);
      const { project, field } = fieldById(ctx, fieldId);
      requireProjectAccess(ctx, ctx.store.user(project.owner), 'write');
      if (typeof name === 'string' && name.trim() !== '') field.name = name;
      const options = singleSelectOptions as
        { name: string; color: string; description: string }[] | null | undefined;
      if (options && options.length > 0) {
        if (field.dataType !== 'SINGLE_SELECT')
          throw githubError('UNPROCESSABLE', 'Options can only be set on single select fields');
        // The documented hazard: the list is replaced, ids are new, and every item's value in the field is cleared.
        field.options = options.map((option) => ({ ...option, id: ctx.projects.newOptionId() }));
        for (const item of project.items) item.values.delete(field.id);
      }
      const iterations = iterationConfiguration as
        Parameters<typeof validateIterations>[0] | null | undefined;
      if (iterations) {
        if (field.dataType !== 'ITERATION')
          throw githubError('UNPROCESSABLE', 'Iterations can only be set on iteration fields');
        validateIterations(iterations);
        // The same hazard as options: the iterations are overwritten with new ids and every item's Sprint is cleared.
        field.iterations = iterations.iterations.map((iteration) => ({
          ...iteration,
          id: ctx.projects.newOptionId(),
        }));
        for (const item of project.items) item.values.delete(field.id);
      }
      field.updatedAt = ctx.store.now();
      return { clientMutationId: null, projectV2Field: fieldView(ctx, project, field) };
    },
    deleteProjectV2Field: (args: Args) => {
      const { fieldId } = input(args);
      const { project, field } = fieldById(ctx, fieldId);
      requireProjectAccess(ctx, ctx.store.user(project.owner), 'write');
      // Built-in fields (Title, Assignees, Status, ...) cannot be deleted, only custom ones.
      const builtIn =
        !(field.dataType in CUSTOM_TYPES) || (field.dataType === 'SINGLE_SELECT' && field.name === 'Status');
      if (builtIn) throw githubError('UNPROCESSABLE', `The field ${field.name} cannot be deleted`);
      const view = fieldView(ctx, project, field);
      project.fields = project.fields.filter((candidate) => candidate !== field);
      for (const item of project.items) item.values.delete(field.id);
      return { clientMutationId: null, projectV2Field: view };
    },
    addProjectV2ItemById: (args: Args) => {
      const { projectId, contentId } = input(args);
      const project = projectById(ctx, projectId);
      requireProjectAccess(ctx, ctx.store.user(project.owner), 'write');
      const found = issueById(ctx, contentId);
      if (!found || !repoVisible(ctx, found.repo))
        throw githubError(
          'NOT_FOUND',
          `Could not resolve to a node with the global id of '${String(contentId)}'`,
        );
      const item = ctx.projects.addItem(project, { repo: found.repo.fullName, number: found.issue.number });
      return { clientMutationId: null, item: itemView(ctx, project, item) };
    },
    updateProjectV2ItemFieldValue: (args: Args) => {
      const { projectId, itemId, fieldId, value } = input(args);
      const project = projectById(ctx, projectId);
      requireProjectAccess(ctx, ctx.store.user(project.owner), 'write');
      const item = project.items.find((candidate) => candidate.id === itemId);
      if (!item)
        throw githubError(
          'NOT_FOUND',
          `Could not resolve to a node with the global id of '${String(itemId)}'`,
        );
      const field = project.fields.find((candidate) => candidate.id === fieldId);
      if (!field)
        throw githubError(
          'NOT_FOUND',
          `Could not resolve to a node with the global id of '${String(fieldId)}'`,
        );
      item.values.set(field.id, fieldValue(field, (value ?? {}) as Record<string, unknown>));
      item.updatedAt = ctx.store.now();
      project.updatedAt = item.updatedAt;
      return { clientMutationId: null, projectV2Item: itemView(ctx, project, item) };
    },
    clearProjectV2ItemFieldValue: (args: Args) => {
      const { projectId, itemId, fieldId } = input(args);
      const project = projectById(ctx, projectId);
      requireProjectAccess(ctx, ctx.store.user(project.owner), 'write');
      const item = project.items.find((candidate) => candidate.id === itemId);
      if (!item)
        throw githubError(
          'NOT_FOUND',
          `Could not resolve to a node with the global id of '${String(itemId)}'`,
        );
      item.values.delete(String(fieldId));
      return { clientMutationId: null, projectV2Item: itemView(ctx, project, item) };
    },
  };
}

/** The value an update sets, checked against the field's type as GitHub checks it. */
function fieldValue(field: FieldRecord, value: Record<string, unknown>): ValueRecord {
  const given = Object.entries(value).filter(([, entry]) => entry !== undefined && entry !== null);
  if (given.length !== 1)
    throw githubError('UNPROCESSABLE', 'Exactly one value must be provided to update a field value.');
  switch (field.dataType) {
    case 'SINGLE_SELECT': {
      const id = value['singleSelectOptionId'];
      if (typeof id !== 'string')
        throw githubError('UNPROCESSABLE', 'A single select option Id must be provided');
      if (!field.options.some((option) => option.id === id))
        throw githubError('UNPROCESSABLE', 'The single select option Id does not belong to the field');
      return { optionId: id };
    }
    case 'NUMBER':
      if (typeof value['number'] !== 'number')
        throw githubError('UNPROCESSABLE', 'A number must be provided');
      return { number: value['number'] };
    case 'DATE':
      if (typeof value['date'] !== 'string') throw githubError('UNPROCESSABLE', 'A date must be provided');
      return { date: value['date'].slice(0, 10) };
    case 'TEXT':
      if (typeof value['text'] !== 'string')
        throw githubError('UNPROCESSABLE', 'A text value must be provided');
      return { text: value['text'] };
    case 'ITERATION': {
      const id = value['iterationId'];
      if (typeof id !== 'string' || !field.iterations.some((iteration) => iteration.id === id))
        throw githubError('UNPROCESSABLE', 'The iteration Id does not belong to the field');
      return { iterationId: id };
    }
    default:
      throw githubError(
        'UNPROCESSABLE',
        `The field ${field.name} cannot be updated through updateProjectV2ItemFieldValue: it is a built-in field.`,
      );
  }
}
