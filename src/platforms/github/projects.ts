/**
 * GitHub Projects v2 through GraphQL, behind the BoardTracker interface: one request finds the project and its fields,
 * cards are read 100 a request, and writes go out batched under aliases (50 mutations a request).
 */
import type { ActualBoard, ActualBoardField, ActualCard, CardValue } from '../../board/model.js';
import {
  optionColor,
  sameColumn,
  STATUS_STASH_FIELD,
  type CardOperation,
  type SetupOperation,
  type WriteValue,
} from '../../board/plan.js';
import type { BoardFieldKind } from '../../board/templates.js';
import { OrchestratorGitError, quote } from '../../errors.js';
import type { BoardRef, BoardTracker, CardResult } from '../boards.js';
import type { RequestStats } from '../types.js';
import {
  createGitHubClient,
  toCatalogueError,
  type GitHubClient,
  type GitHubClientOptions,
} from './client.js';
import { parseRepository } from './issues.js';
import {
  addItemsMutation,
  BOARD_BY_NUMBER,
  BOARD_BY_TITLE,
  BOARD_ITEMS,
  CREATE_FIELD,
  CREATE_ITERATION_FIELD,
  CREATE_PROJECT,
  DELETE_FIELD,
  FIELD_BY_NAME,
  issueIdsQuery,
  REPLACE_OPTIONS,
  setValuesMutation,
  type BatchedDocument,
  type ValueWrite,
} from './projects/queries.js';

/** Mutations per request: few requests, each well inside GitHub's per-request limits. */
export const MUTATION_BATCH = 50;

interface ProjectJson {
  id: string;
  number: number;
  title: string;
  url: string;
  closed: boolean;
  fields: { nodes: (FieldJson | null)[] };
}

interface FieldJson {
  __typename: string;
  id?: string;
  name?: string;
  dataType?: string;
  options?: { id: string; name: string; color: string; description: string }[];
  configuration?: {
    iterations: { id: string; title: string; startDate: string; duration: number }[];
    /** GitHub moves an iteration here once its last day has passed. */
    completedIterations?: { id: string; title: string; startDate: string; duration: number }[];
  };
}

interface OwnerJson {
  __typename: string;
  id: string;
  login: string;
  projectsV2?: { nodes: (ProjectJson | null)[] };
  projectV2?: ProjectJson | null;
}

interface ItemsJson {
  node: {
    items: {
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: (ItemJson | null)[];
    };
  } | null;
}

interface ItemJson {
  id: string;
  type: string;
  content: { number?: number; repository?: { nameWithOwner: string } } | null;
  fieldValues: { nodes: (ValueJson | null)[] };
}

interface ValueJson {
  __typename: string;
  field?: { name?: string } | null;
  optionId?: string | null;
  name?: string | null;
  number?: number | null;
  date?: string | null;
  text?: string | null;
  iterationId?: string;
  title?: string;
}

interface GraphqlErrorItem {
  type?: string;
  message: string;
  path?: (string | number)[];
}

const KINDS: Record<string, BoardFieldKind> = {
  SINGLE_SELECT: 'single_select',
  NUMBER: 'number',
  DATE: 'date',
  TEXT: 'text',
  ITERATION: 'iteration',
};

const ACCESS_FIX =
  "The workflow's GITHUB_TOKEN cannot reach Projects: its permissions stop at the repository. For an organisation's project, use a GitHub App installation token (actions/create-github-app-token) whose app has Organization permissions → Projects: Read and write, and Repository permissions → Issues: Read; or a classic personal access token with the `project` and `repo` scopes. A user's own project accepts only a classic PAT with `project` (fine-grained tokens and apps cannot reach user projects). Store it as a secret and pass it as the `token` input.";

export class GitHubProjectsBoard implements BoardTracker {
  readonly platform = 'github' as const;
  readonly repository: string;
  private readonly repoOwner: string;
  private readonly repoName: string;
  private readonly client: GitHubClient;
  private readonly ref: BoardRef;
  private ownerId: string | null = null;
  private repositoryId: string | null = null;

  constructor(repository: string, ref: BoardRef, options: GitHubClientOptions) {
    const { owner, repo } = parseRepository(repository);
    this.repoOwner = owner;
    this.repoName = repo;
    this.repository = `${owner}/${repo}`;
    this.ref = ref;
    this.client = createGitHubClient(options);
  }

  private get owner(): string {
    return this.ref.owner ?? this.repoOwner;
  }

  stats(): RequestStats {
    return { ...this.client.stats };
  }

  async readBoard(): Promise<ActualBoard | null> {
    const byNumber = this.ref.number !== null;
    const data = await this.graphql<{ repository: { id: string } | null; repositoryOwner: OwnerJson | null }>(
      byNumber ? BOARD_BY_NUMBER : BOARD_BY_TITLE,
      {
        owner: this.owner,
        repoOwner: this.repoOwner,
        repo: this.repoName,
        ...(byNumber ? { number: this.ref.number } : { title: this.ref.title }),
      },
      `looking up the board of ${quote(this.owner)}`,
    );
    const owner = data.repositoryOwner;
    if (!owner) {
      throw new OrchestratorGitError(
        'CONFIG_INVALID',
        `Board owner ${quote(this.owner)} is not a GitHub user or organisation.`,
        'Set board-owner to the login of the user or organisation that owns the project (default: the repository owner).',
      );
    }
    this.ownerId = owner.id;
    this.repositoryId = data.repository?.id ?? null;
    let project: ProjectJson | null = null;
    if (byNumber) {
      project = owner.projectV2 ?? null;
    } else {
      const exact = (owner.projectsV2?.nodes ?? []).filter(
        (node): node is ProjectJson => node !== null && node.title === this.ref.title,
      );
      project = exact.sort((a, b) => a.number - b.number)[0] ?? null;
    }
    if (!project) return null;
    const board = toBoard(project);
    board.cards = await this.readCards(project.id);
    return board;
  }

  private async readCards(projectId: string): Promise<ActualCard[]> {
    const cards: ActualCard[] = [];
    let after: string | null = null;
    for (;;) {
      const data: ItemsJson = await this.graphql<ItemsJson>(
        BOARD_ITEMS,
        { project: projectId, after },
        'reading the board’s cards',
      );
      const items = data.node?.items;
      if (!items) break;
      for (const node of items.nodes) if (node) cards.push(toCard(node));
      if (!items.pageInfo.hasNextPage || !items.pageInfo.endCursor) break;
      after = items.pageInfo.endCursor;
    }
    return cards;
  }

  async createBoard(title: string): Promise<ActualBoard> {
    if (!this.ownerId) await this.readBoard();
    const data = await this.graphql<{ createProjectV2: { projectV2: ProjectJson } }>(
      CREATE_PROJECT,
      {
        owner: this.ownerId,
        title,
        // A project is linked to a repository of its own owner only.
        repository: this.owner.toLowerCase() === this.repoOwner.toLowerCase() ? this.repositoryId : null,
      },
      `creating the board ${quote(title)}`,
    );
    return toBoard(data.createProjectV2.projectV2);
  }

  async applySetup(
    board: ActualBoard,
    operation: Exclude<SetupOperation, { kind: 'createBoard' }>,
  ): Promise<void> {
    if (operation.kind === 'scopeBoard') {
      throw new OrchestratorGitError(
        'NOT_SUPPORTED',
        'GitHub Projects cannot be scoped to a milestone.',
        'Leave board-milestone empty on GitHub (it scopes GitLab boards).',
      );
    }
    if (operation.kind === 'createField' && operation.sprints) {
      await this.graphql(
        CREATE_ITERATION_FIELD,
        { project: board.id, name: operation.field.name, configuration: operation.sprints },
        `creating the iteration field ${quote(operation.field.name)}`,
      );
      return;
    }
    if (operation.kind === 'createField') {
      const type = Object.entries(KINDS).find(([, kind]) => kind === operation.field.kind)?.[0] ?? 'TEXT';
      await this.graphql(
        CREATE_FIELD,
        {
          project: board.id,
          type,
          name: operation.field.name,
          options:
            type === 'SINGLE_SELECT'
              ? operation.options.map((name) => ({ name, color: optionColor(name), description: '' }))
              : null,
        },
        `creating the board field ${quote(operation.field.name)}`,
      );
      return;
    }
    if (operation.kind === 'restoreStatusStash') {
      await this.writeValues(
        board,
        operation.restore.map(({ cardId, optionId }) => ({
          itemId: cardId,
          fieldId: operation.fieldId,
          value: { singleSelectOptionId: optionId },
        })),
        `restoring ${operation.fieldName} values from the stash field`,
      );
      await this.graphql(
        DELETE_FIELD,
        { field: operation.stashFieldId },
        `deleting the field ${quote(STATUS_STASH_FIELD)}`,
      );
      return;
    }
    // GitHub has no "add an option" mutation: the list is replaced, option ids change and every card's value in the
    // field is cleared. So the values are written back, by option name, right after (see docs/board-sync.md); first
    // they are stashed in a text field on the board, which a later run reads if this one dies before the write-back.
    // Nothing to stash when no card has a Status yet (a board made by hand with no cards, say).
    const stashFieldId = operation.restore.length > 0 ? await this.stashField(board) : null;
    if (stashFieldId !== null) {
      await this.writeValues(
        board,
        operation.restore.map(({ cardId, option }) => ({
          itemId: cardId,
          fieldId: stashFieldId,
          value: { text: option },
        })),
        `stashing ${operation.fieldName} values`,
      );
    }
    const data = await this.graphql<{
      updateProjectV2Field: { projectV2Field: { options: { id: string; name: string }[] } };
    }>(
      REPLACE_OPTIONS,
      {
        field: operation.fieldId,
        options: operation.options.map(({ name, color, description }) => ({ name, color, description })),
      },
      `adding ${operation.added.map((name) => quote(name)).join(', ')} to the ${quote(operation.fieldName)} field`,
    );
    const options = data.updateProjectV2Field.projectV2Field.options;
    const writes = operation.restore.flatMap(({ cardId, option }) => {
      const id = options.find((candidate) => candidate.name === option)?.id;
      return id ? [{ itemId: cardId, fieldId: operation.fieldId, value: { singleSelectOptionId: id } }] : [];
    });
    await this.writeValues(board, writes, `restoring ${operation.fieldName} values`);
    if (stashFieldId !== null) {
      await this.graphql(
        DELETE_FIELD,
        { field: stashFieldId },
        `deleting the field ${quote(STATUS_STASH_FIELD)}`,
      );
    }
  }

  /** The stash field's id: created, or found when a retried create met the one its lost answer had made. */
  private async stashField(board: ActualBoard): Promise<string> {
    const doing = `creating the field ${quote(STATUS_STASH_FIELD)}`;
    try {
      const data = await this.graphql<{ createProjectV2Field: { projectV2Field: { id: string } } }>(
        CREATE_FIELD,
        { project: board.id, type: 'TEXT', name: STATUS_STASH_FIELD, options: null },
        doing,
      );
      return data.createProjectV2Field.projectV2Field.id;
    } catch (error) {
      const found = await this.graphql<{ node: { field: { id: string } | null } | null }>(
        FIELD_BY_NAME,
        { project: board.id, name: STATUS_STASH_FIELD },
        doing,
      );
      if (found.node?.field) return found.node.field.id;
      throw error;
    }
  }

  /** Field values in batches of MUTATION_BATCH; the first error stops the run (the stash keeps what a retry needs). */
  private async writeValues(board: ActualBoard, writes: ValueWrite[], what: string): Promise<void> {
    for (let start = 0; start < writes.length; start += MUTATION_BATCH) {
      const { errors } = await this.batch(
        setValuesMutation(board.id, writes.slice(start, start + MUTATION_BATCH)),
        what,
      );
      if (errors.size > 0)
        throw new OrchestratorGitError(
          'PLATFORM_ERROR',
          `${what} failed for ${errors.size} card(s): ${[...errors.values()][0]?.message ?? ''}.`,
          `Run again: until a run writes them back, the values are kept in the board field ${quote(STATUS_STASH_FIELD)}.`,
        );
    }
  }

  async applyCards(board: ActualBoard, operations: CardOperation[]): Promise<CardResult[]> {
    const results: CardResult[] = operations.map((operation) => ({
      operation,
      cardId: operation.kind === 'updateCard' ? operation.cardId : null,
      error: null,
    }));
    const fail = (index: number, error: OrchestratorGitError) => {
      const result = results[index];
      if (result && !result.error) result.error = error;
    };

    // 1. Issue node ids the state did not have.
    const adds = results
      .map((result, index) => ({ result, index }))
      .filter(({ result }) => result.operation.kind === 'addCard');
    const unknownIds = adds.filter(
      ({ result }) => result.operation.kind === 'addCard' && result.operation.issue.contentId === null,
    );
    const contentIds = new Map<number, string>();
    for (let start = 0; start < unknownIds.length; start += 100) {
      const batch = unknownIds.slice(start, start + 100);
      const numbers = batch.map(({ result }) =>
        result.operation.kind === 'addCard' ? result.operation.issue.number : 0,
      );
      const { data, errors } = await this.batch(
        issueIdsQuery(this.repoOwner, this.repoName, numbers),
        'looking up issues to add',
        (alias) => ['repository', alias],
      );
      const repository = (data['repository'] ?? {}) as Record<string, { id: string } | null>;
      batch.forEach(({ index }, offset) => {
        const id = repository[`i${offset}`]?.id;
        if (id) contentIds.set(numbers[offset] ?? 0, id);
        else
          fail(
            index,
            new OrchestratorGitError(
              'PLATFORM_ERROR',
              `Issue #${numbers[offset] ?? 0} could not be found to add it to the board${errors.get(`i${offset}`) ? `: ${errors.get(`i${offset}`)?.message ?? ''}` : ''}.`,
              'Run issue-sync first; the next board sync adds it.',
            ),
          );
      });
    }

    // 2. Add the cards.
    const toAdd = adds.filter(({ index }) => !results[index]?.error);
    for (let start = 0; start < toAdd.length; start += MUTATION_BATCH) {
      const batch = toAdd.slice(start, start + MUTATION_BATCH);
      const ids = batch.map(({ result }) =>
        result.operation.kind === 'addCard'
          ? (result.operation.issue.contentId ?? contentIds.get(result.operation.issue.number) ?? '')
          : '',
      );
      const { data, errors } = await this.batch(addItemsMutation(board.id, ids), 'adding cards');
      batch.forEach(({ index }, offset) => {
        const added = data[`a${offset}`] as { item: { id: string } } | null | undefined;
        const result = results[index];
        if (added?.item && result) result.cardId = added.item.id;
        else fail(index, mutationError(errors.get(`a${offset}`), 'adding the card'));
      });
    }

    // 3. Write the values.
    const writes: { index: number; itemId: string; fieldId: string; value: Record<string, unknown> }[] = [];
    results.forEach((result, index) => {
      if (result.error || !result.cardId) return;
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
        if (error) fail(write.index, mutationError(error, 'setting a card value'));
      });
    }
    return results;
  }

  /** Runs a batched document; per-alias errors come back in the map instead of failing the whole batch. */
  private async batch(
    document: BatchedDocument,
    doing: string,
    pathOf: (alias: string) => (string | number)[] = (alias) => [alias],
  ): Promise<{ data: Record<string, unknown>; errors: Map<string, GraphqlErrorItem> }> {
    try {
      const data = await this.client.octokit.graphql<Record<string, unknown>>(
        document.query,
        document.variables,
      );
      return { data, errors: new Map() };
    } catch (error) {
      const partial = graphqlErrorsOf(error);
      if (!partial) throw this.toError(error, doing);
      const errors = new Map<string, GraphqlErrorItem>();
      for (const item of partial.errors) {
        const alias = document.aliases.find((candidate) => {
          const path = pathOf(candidate);
          return path.every((part, index) => item.path?.[index] === part);
        });
        // An error that belongs to no single alias (access, scopes) concerns the whole request.
        if (!alias) throw this.toError(error, doing);
        errors.set(alias, item);
      }
      return { data: partial.data ?? {}, errors };
    }
  }

  private async graphql<T>(query: string, variables: Record<string, unknown>, doing: string): Promise<T> {
    try {
      return await this.client.octokit.graphql<T>(query, variables);
    } catch (error) {
      throw this.toError(error, doing);
    }
  }

  private toError(error: unknown, doing: string): OrchestratorGitError {
    const graphql = graphqlErrorsOf(error);
    if (!graphql) return toCatalogueError(error, this.repository, doing);
    const first = graphql.errors[0];
    const message = first?.message ?? 'unknown error';
    if (first?.type === 'FORBIDDEN' || first?.type === 'INSUFFICIENT_SCOPES') {
      return new OrchestratorGitError(
        'PERMISSION_DENIED',
        `The token cannot reach ${quote(this.owner)}'s projects while ${doing}: ${message}`,
        ACCESS_FIX,
        { cause: error },
      );
    }
    if (first?.type === 'NOT_FOUND' && this.ref.number !== null && /ProjectV2/.test(message)) {
      return new OrchestratorGitError(
        'CONFIG_INVALID',
        `Board ${quote(this.ref.number)} of ${quote(this.owner)} does not exist (or the token cannot see it).`,
        `Check board-number (the number in the project's URL, …/projects/N) and board-owner; or leave board-number empty to find or create the board by its title.`,
        { cause: error },
      );
    }
    return new OrchestratorGitError(
      'PLATFORM_ERROR',
      `GitHub's GraphQL API refused the request while ${doing}: ${message}${first?.type ? ` (${first.type})` : ''}.`,
      'If this persists, check the board in the web UI; the next run retries.',
      { cause: error },
    );
  }
}

function graphqlErrorsOf(
  error: unknown,
): { errors: GraphqlErrorItem[]; data: Record<string, unknown> | null } | null {
  if (typeof error !== 'object' || error === null || !('errors' in error)) return null;
  const errors = (error as { errors?: unknown }).errors;
  if (!Array.isArray(errors)) return null;
  const data = (error as { data?: unknown }).data;
  return {
    errors: errors as GraphqlErrorItem[],
    data: typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : null,
  };
}

function mutationError(error: GraphqlErrorItem | undefined, doing: string): OrchestratorGitError {
  return new OrchestratorGitError(
    'PLATFORM_ERROR',
    `GitHub refused ${doing}: ${error?.message ?? 'no result'}${error?.type ? ` (${error.type})` : ''}.`,
    'The card is reported as failed and the rest of the run goes on; the next run retries it.',
  );
}

function resolveWrite(
  board: ActualBoard,
  fieldName: string,
  value: WriteValue,
): { fieldId: string; value: Record<string, unknown> } | { error: OrchestratorGitError } {
  const field = board.fields.find((candidate) => candidate.name.toLowerCase() === fieldName.toLowerCase());
  const missing = (what: string) => ({
    error: new OrchestratorGitError(
      'PLATFORM_ERROR',
      `The board has no ${what}.`,
      'The next run sets the board up again; if the field was deleted meanwhile, it is created anew.',
    ),
  });
  if (!field) return missing(`field ${quote(fieldName)}`);
  if ('option' in value) {
    const option = field.options.find((candidate) => sameColumn(candidate.name, value.option));
    return option
      ? { fieldId: field.id, value: { singleSelectOptionId: option.id } }
      : missing(`option ${quote(value.option)} in ${quote(fieldName)}`);
  }
  if ('number' in value) return { fieldId: field.id, value: { number: value.number } };
  if ('date' in value) return { fieldId: field.id, value: { date: value.date } };
  if ('text' in value) return { fieldId: field.id, value: { text: value.text } };
  return { fieldId: field.id, value: { iterationId: value.iterationId } };
}

function toBoard(project: ProjectJson): ActualBoard {
  const fields: ActualBoardField[] = [];
  for (const node of project.fields.nodes) {
    if (!node?.id || !node.name) continue;
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

function toCard(node: ItemJson): ActualCard {
  const values: Record<string, CardValue> = {};
  for (const value of node.fieldValues.nodes) {
    const field = value?.field?.name;
    if (!value || !field) continue;
    switch (value.__typename) {
      case 'ProjectV2ItemFieldSingleSelectValue':
        if (value.optionId)
          values[field] = { kind: 'option', optionId: value.optionId, name: value.name ?? '' };
        break;
      case 'ProjectV2ItemFieldNumberValue':
        if (typeof value.number === 'number') values[field] = { kind: 'number', number: value.number };
        break;
      case 'ProjectV2ItemFieldDateValue':
        if (value.date) values[field] = { kind: 'date', date: value.date.slice(0, 10) };
        break;
      case 'ProjectV2ItemFieldTextValue':
        if (typeof value.text === 'string') values[field] = { kind: 'text', text: value.text };
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
    issue:
      node.type === 'ISSUE' && content?.repository && typeof content.number === 'number'
        ? { repository: content.repository.nameWithOwner, number: content.number }
        : null,
    values,
  };
}
