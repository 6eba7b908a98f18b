/**
 * GitLab issue boards behind the BoardTracker interface: the board's columns are label lists of scoped `status::…`
 * labels, a card is an issue carrying one of them, and moving a card is relabelling it (scoped labels are exclusive,
 * so adding `status::done` drops `status::in progress`). GitLab boards have no custom fields: only Status is synced.
 * The board is the project's, or the configured group's (its lists then need group labels); it can be scoped to a
 * milestone (Premium).
 */
import type { ActualBoard, ActualCard, IssueRef } from '../../board/model.js';
import { sameColumn, type CardOperation, type SetupOperation } from '../../board/plan.js';
import type { BoardFieldRole } from '../../board/templates.js';
import { OrchestratorGitError, quote } from '../../errors.js';
import type { BoardRef, BoardTracker, CardResult } from '../boards.js';
import type { RequestStats } from '../types.js';
import {
  createGitLabClient,
  httpStatus,
  notFoundKind,
  toCatalogueError,
  type GitLabClient,
  type GitLabClientOptions,
} from './client.js';
import { parseProject } from './issues.js';

/** The scope of the labels behind the board's lists. */
export const STATUS_SCOPE = 'status::';

const LIST_COLOURS: Record<string, string> = {
  backlog: '#cfd3d7',
  'to do': '#c5def5',
  todo: '#c5def5',
  'in progress': '#fbca04',
  blocked: '#d93f0b',
  done: '#0e8a16',
};

/** The label behind a column: `status::` and the column in lower case (`In Progress` → `status::in progress`). */
export function statusLabel(column: string): string {
  return `${STATUS_SCOPE}${column.trim().toLowerCase()}`;
}

function columnOf(label: string): string | null {
  return label.toLowerCase().startsWith(STATUS_SCOPE) ? label.slice(STATUS_SCOPE.length) : null;
}

interface LabelJson {
  id: number;
  name: string;
  color: string;
  description?: string | null;
}

interface ListJson {
  id: number;
  label: LabelJson | null;
  position: number;
}

interface BoardJson {
  id: number;
  name: string;
  project?: { path_with_namespace?: string; web_url?: string } | null;
  /** Present on Premium (configurable boards) only: GitLab Free leaves the key out. */
  milestone?: { id: number; title: string } | null;
  lists?: ListJson[];
}

interface MilestoneJson {
  id: number;
  title: string;
}

interface IssueJson {
  iid: number;
  labels?: string[];
  state?: string;
}

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

interface RequestOptions {
  searchParams?: Record<string, unknown>;
  body?: Record<string, unknown>;
}

/** The transport the issue adapter uses (throttling, retries, request counts), called with plain paths. */
interface RawRequester {
  get(endpoint: string, options?: RequestOptions): Promise<Answer>;
  post(endpoint: string, options?: RequestOptions): Promise<Answer>;
  put(endpoint: string, options?: RequestOptions): Promise<Answer>;
}

export class GitLabIssueBoard implements BoardTracker {
  readonly platform = 'gitlab' as const;
  readonly repository: string;
  readonly fieldRoles: ReadonlySet<BoardFieldRole> = new Set<BoardFieldRole>(['status']);
  private readonly project: string;
  /** The board's parent in API paths: `projects/<id>` or `groups/<path>`. */
  private readonly parent: string;
  /** The group's full path for a group board; null for a project board. */
  private readonly group: string | null;
  private readonly client: GitLabClient;
  private readonly requester: RawRequester;
  private readonly ref: BoardRef;
  /** Lower-case label name → label, once read. */
  private labels: Map<string, LabelJson> | null = null;

  constructor(repository: string, ref: BoardRef & { group?: string | null }, options: GitLabClientOptions) {
    const parsed = parseProject(repository);
    this.repository = parsed.repository;
    this.project = encodeURIComponent(String(parsed.projectId));
    this.group = ref.scope === 'group' ? (ref.group ?? null) : null;
    if (ref.scope === 'group' && !this.group) {
      throw new OrchestratorGitError(
        'CONFIG_INVALID',
        'board-scope is group, but no gitlab-group is configured.',
        'Set gitlab-group to the full path of the group whose board to use, or set board-scope to project.',
      );
    }
    this.parent = this.group ? `groups/${encodeURIComponent(this.group)}` : `projects/${this.project}`;
    this.client = createGitLabClient(options);
    this.requester = this.client.issues.requester as unknown as RawRequester;
    this.ref = ref;
  }

  stats(): RequestStats {
    return { ...this.client.stats };
  }

  private async call<T>(doing: string, run: () => Promise<Answer>): Promise<T> {
    try {
      return (await run()).body as T;
    } catch (error) {
      throw this.failure(error, doing);
    }
  }

  /** The catalogue error, with what a group board adds: a group that is not there. */
  private failure(error: unknown, doing: string): OrchestratorGitError {
    if (this.group && notFoundKind(error) === 'group') {
      return new OrchestratorGitError(
        'CONFIG_INVALID',
        `Group ${quote(this.group)} (gitlab-group, for the group board) was not found, or the token cannot see it (404 while ${doing}).`,
        'Set gitlab-group to the full path of the group the project belongs to (as in its URL, e.g. acme or acme/platform), and make sure the token’s user is a member of it; or set board-scope to project.',
        { cause: error },
      );
    }
    return toCatalogueError(error, {
      repository: this.repository,
      doing,
      ...(this.group ? { group: this.group } : {}),
    });
  }

  /** The board's parent for messages: `group "acme"` or `project "acme/widgets"`. */
  private get owner(): string {
    return this.group ? `group ${quote(this.group)}` : `project ${quote(this.repository)}`;
  }

  /** Every page of a list endpoint, 100 a page. */
  private async all<T>(endpoint: string, doing: string, params: Record<string, unknown> = {}): Promise<T[]> {
    const out: T[] = [];
    for (let page = 1; ; page += 1) {
      const items = await this.call<T[]>(doing, () =>
        this.requester.get(endpoint, { searchParams: { ...params, per_page: 100, page } }),
      );
      if (!Array.isArray(items)) throw incomplete(doing);
      out.push(...items);
      if (items.length < 100) return out;
    }
  }

  private async findBoard(): Promise<BoardJson | null> {
    if (this.ref.number !== null) {
      try {
        return (await this.requester.get(`${this.parent}/boards/${this.ref.number}`)).body as BoardJson;
      } catch (error) {
        if (httpStatus(error) === 404 && /Board Not Found/i.test(String((error as Error).message))) {
          throw new OrchestratorGitError(
            'CONFIG_INVALID',
            `${this.group ? 'Group' : 'Project'} ${quote(this.group ?? this.repository)} has no issue board ${this.ref.number}.`,
            'Give the number at the end of the board’s URL (…/-/boards/7 → 7), or leave board-number empty to find the board by title (created when missing).',
          );
        }
        throw this.failure(error, `reading board ${this.ref.number}`);
      }
    }
    const boards = await this.all<BoardJson>(`${this.parent}/boards`, 'listing the issue boards');
    return boards.find((board) => board.name === this.ref.title) ?? null;
  }

  async readBoard(issues?: IssueRef[]): Promise<ActualBoard | null> {
    const board = await this.findBoard();
    if (!board) return null;
    const cards: ActualCard[] = [];
    const iids = [...new Set((issues ?? []).map((issue) => issue.number))].sort((a, b) => a - b);
    for (let at = 0; at < iids.length; at += 100) {
      const batch = iids.slice(at, at + 100);
      const found = await this.all<IssueJson>(
        `projects/${this.project}/issues`,
        `reading the labels of ${batch.length} issues`,
        { iids: batch, state: 'all' },
      );
      for (const issue of found) {
        const label = (issue.labels ?? []).find((name) => columnOf(name) !== null);
        const column = label ? columnOf(label) : null;
        if (column === null) continue;
        const list = (board.lists ?? []).find(
          (entry) => entry.label && sameColumn(columnOf(entry.label.name) ?? '', column),
        );
        cards.push({
          id: String(issue.iid),
          issue: { repository: this.repository, number: issue.iid },
          values: { Status: { kind: 'option', optionId: list ? String(list.id) : '', name: column } },
        });
      }
    }
    return this.toBoard(board, cards);
  }

  private toBoard(board: BoardJson, cards: ActualCard[]): ActualBoard {
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

  async createBoard(title: string): Promise<ActualBoard> {
    const doing = `creating issue board ${quote(title)}`;
    try {
      const board = (await this.requester.post(`${this.parent}/boards`, { body: { name: title } }))
        .body as BoardJson;
      return this.toBoard(board, []);
    } catch (error) {
      const status = httpStatus(error);
      if (this.group && (status === 403 || notFoundKind(error) === 'route'))
        throw await this.groupBoardRefused(title, error);
      throw this.failure(error, doing);
    }
  }

  /**
   * GitLab creates group boards through the API only with several group boards licensed (Premium): on Free the answer
   * is 403 even for the first one, and the Community Edition has no such endpoint (404).
   */
  private async groupBoardRefused(title: string, error: unknown): Promise<OrchestratorGitError> {
    const existing = await this.all<BoardJson>(`${this.parent}/boards`, 'listing the group boards').catch(
      () => [] as BoardJson[],
    );
    const names = existing.map((board) => `${quote(board.name)} (board-number ${board.id})`);
    return new OrchestratorGitError(
      'NOT_SUPPORTED',
      `GitLab refused to create the group board ${quote(title)} in group ${quote(this.group)} (${httpStatus(error) === 403 ? '403 Forbidden' : '404: no such API on this instance'}). Creating group boards through the API needs GitLab Premium or Ultimate (several group boards), and the Planner or Reporter role in the group. ${names.length > 0 ? `The group has ${names.join(', ')}.` : 'The group has no board yet.'}`,
      names.length > 0
        ? 'Use the existing board: set board-title to its name or board-number to its number (the sync adds its lists); or set board-scope to project.'
        : 'On GitLab Free a group has one board, made when someone opens the group’s Plan → Issue boards page: open it once, then set board-title to its name (GitLab calls it "Development") or board-number to its number. Or set board-scope to project.',
      { cause: error },
    );
  }

  /** The label behind a column: a project label, or for a group board a group label (lists take only those). */
  private async label(column: string): Promise<LabelJson> {
    const name = statusLabel(column);
    if (!this.labels) {
      const all = await this.all<LabelJson>(`${this.parent}/labels`, 'listing the status labels', {
        search: STATUS_SCOPE,
        include_ancestor_groups: true,
      });
      this.labels = new Map(all.map((label) => [label.name.toLowerCase(), label]));
    }
    const known = this.labels.get(name);
    if (known) return known;
    try {
      const created = (
        await this.requester.post(`${this.parent}/labels`, {
          body: {
            name,
            color: LIST_COLOURS[column.trim().toLowerCase()] ?? '#6699cc',
            description: `Board column ${column}, kept in step by orchestrator-git`,
          },
        })
      ).body as LabelJson;
      this.labels.set(name, created);
      return created;
    } catch (error) {
      // Created meanwhile (a concurrent run): read it back.
      if (httpStatus(error) === 409) {
        this.labels = null;
        return this.label(column);
      }
      throw this.failure(error, `creating label ${quote(name)}`);
    }
  }

  async applySetup(
    board: ActualBoard,
    operation: Exclude<SetupOperation, { kind: 'createBoard' }>,
  ): Promise<void> {
    if (operation.kind === 'scopeBoard') {
      await this.scope(board, operation.milestone);
      return;
    }
    if (operation.kind === 'createField') {
      throw new OrchestratorGitError(
        'NOT_SUPPORTED',
        `GitLab issue boards have no ${operation.field.name} field.`,
        'Nothing to do: on GitLab, board-sync keeps the Status column (scoped status:: labels) in step; progress shows in the issue’s task list and milestone.',
      );
    }
    // Only GitHub rewrites a whole option list, so only GitHub boards ever carry a Status stash.
    if (operation.kind === 'restoreStatusStash') return;
    for (const column of operation.added) {
      const label = await this.label(column);
      await this.call<ListJson>(`adding list ${quote(label.name)} to board ${quote(board.title)}`, () =>
        this.requester.post(`${this.parent}/boards/${board.number}/lists`, {
          body: { label_id: label.id },
        }),
      );
    }
  }

  /**
   * Scopes the board to the milestone titled `title`: a milestone of the project or its group (project board) or of
   * the group (group board), as GitLab accepts; anything else it drops without a word, so the answer is checked.
   */
  private async scope(board: ActualBoard, title: string): Promise<void> {
    const found = await this.all<MilestoneJson>(
      `${this.parent}/milestones`,
      `looking up milestone ${quote(title)}`,
      this.group ? { title } : { title, include_ancestors: true },
    );
    const milestone = found.find((candidate) => candidate.title === title);
    if (!milestone) {
      throw new OrchestratorGitError(
        'CONFIG_INVALID',
        `board-milestone ${quote(title)}: ${this.owner} has no milestone of that title${this.group ? '' : ' (its groups’ included)'}.`,
        'Create the release milestones first (board milestones, or board-action: sync_milestones, makes one per release_milestones row), or set board-milestone to the title of an existing milestone.',
      );
    }
    const updated = await this.call<BoardJson>(`scoping board ${quote(board.title)} to ${quote(title)}`, () =>
      this.requester.put(`${this.parent}/boards/${board.number}`, { body: { milestone_id: milestone.id } }),
    );
    if (!('milestone' in updated)) {
      throw new OrchestratorGitError(
        'NOT_SUPPORTED',
        `GitLab did not scope board ${quote(board.title)} to milestone ${quote(title)}: boards scoped to a milestone (configurable issue boards) need GitLab Premium or Ultimate, and this instance dropped the scope.`,
        'Leave board-milestone empty (filter the board by milestone in its search bar instead), or use a Premium instance.',
      );
    }
    if (updated.milestone?.id !== milestone.id) {
      throw new OrchestratorGitError(
        'CONFIG_INVALID',
        `GitLab did not scope board ${quote(board.title)} to milestone ${quote(title)}: a ${this.group ? 'group' : 'project'} board takes only milestones of ${this.group ? 'its own group' : 'its project or the project’s own group'}.`,
        'Set board-milestone to a milestone of the project or of its group (gitlab-group), or create the milestone there.',
      );
    }
  }

  async applyCards(board: ActualBoard, operations: CardOperation[]): Promise<CardResult[]> {
    const results: CardResult[] = [];
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
        const remove =
          previous?.kind === 'option' && !sameColumn(previous.name, column)
            ? { remove_labels: `${STATUS_SCOPE}${previous.name}` }
            : {};
        await this.call<IssueJson>(`moving issue #${number} to ${quote(column)}`, () =>
          this.requester.put(`projects/${this.project}/issues/${number}`, {
            body: { add_labels: statusLabel(column), ...remove },
          }),
        );
        results.push({ operation, cardId: String(number), error: null });
      } catch (error) {
        if (!(error instanceof OrchestratorGitError)) throw error;
        results.push({ operation, cardId: null, error });
      }
    }
    return results;
  }
}

function incomplete(doing: string): OrchestratorGitError {
  return new OrchestratorGitError(
    'PLATFORM_ERROR',
    `GitLab answered ${doing} with something that is not a list.`,
    'Check the GitLab URL (it must be the instance root, e.g. https://gitlab.com); if it is right, run again.',
  );
}
