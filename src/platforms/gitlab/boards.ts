/**
 * GitLab issue boards behind the BoardTracker interface: the board's columns are label lists of scoped `status::…`
 * labels, a card is an issue carrying one of them, and moving a card is relabelling it (scoped labels are exclusive,
 * so adding `status::done` drops `status::in progress`). GitLab boards have no custom fields: only Status is synced.
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
  lists?: ListJson[];
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
  private readonly client: GitLabClient;
  private readonly requester: RawRequester;
  private readonly ref: BoardRef;
  /** Lower-case label name → label, once read. */
  private labels: Map<string, LabelJson> | null = null;

  constructor(repository: string, ref: BoardRef, options: GitLabClientOptions) {
    const parsed = parseProject(repository);
    this.repository = parsed.repository;
    this.project = encodeURIComponent(String(parsed.projectId));
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
      throw toCatalogueError(error, { repository: this.repository, doing });
    }
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
        return (await this.requester.get(`projects/${this.project}/boards/${this.ref.number}`))
          .body as BoardJson;
      } catch (error) {
        if (httpStatus(error) === 404 && /Board Not Found/i.test(String((error as Error).message))) {
          throw new OrchestratorGitError(
            'CONFIG_INVALID',
            `Project ${quote(this.repository)} has no issue board ${this.ref.number}.`,
            'Give the number at the end of the board’s URL (…/-/boards/7 → 7), or leave board-number empty to find the board by title (created when missing).',
          );
        }
        throw toCatalogueError(error, {
          repository: this.repository,
          doing: `reading board ${this.ref.number}`,
        });
      }
    }
    const boards = await this.all<BoardJson>(`projects/${this.project}/boards`, 'listing the issue boards');
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

  async createBoard(title: string): Promise<ActualBoard> {
    const board = await this.call<BoardJson>(`creating issue board ${quote(title)}`, () =>
      this.requester.post(`projects/${this.project}/boards`, { body: { name: title } }),
    );
    return this.toBoard(board, []);
  }

  private async label(column: string): Promise<LabelJson> {
    const name = statusLabel(column);
    if (!this.labels) {
      const all = await this.all<LabelJson>(`projects/${this.project}/labels`, 'listing the status labels', {
        search: STATUS_SCOPE,
      });
      this.labels = new Map(all.map((label) => [label.name.toLowerCase(), label]));
    }
    const known = this.labels.get(name);
    if (known) return known;
    try {
      const created = (
        await this.requester.post(`projects/${this.project}/labels`, {
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
      throw toCatalogueError(error, { repository: this.repository, doing: `creating label ${quote(name)}` });
    }
  }

  async applySetup(
    board: ActualBoard,
    operation: Exclude<SetupOperation, { kind: 'createBoard' }>,
  ): Promise<void> {
    if (operation.kind === 'createField') {
      throw new OrchestratorGitError(
        'NOT_SUPPORTED',
        `GitLab issue boards have no ${operation.field.name} field.`,
        'Nothing to do: on GitLab, board-sync keeps the Status column (scoped status:: labels) in step; progress shows in the issue’s task list and milestone.',
      );
    }
    for (const column of operation.added) {
      const label = await this.label(column);
      await this.call<ListJson>(`adding list ${quote(label.name)} to board ${quote(board.title)}`, () =>
        this.requester.post(`projects/${this.project}/boards/${board.number}/lists`, {
          body: { label_id: label.id },
        }),
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
