/** The board side of a platform, beside its IssueTracker: read a board, create it and its fields, change cards in batches. */
import type { ActualBoard, IssueRef } from '../board/model.js';
import type { BoardFieldRole } from '../board/templates.js';
import type { CardOperation, SetupOperation } from '../board/plan.js';
import { OrchestratorGitError } from '../errors.js';
import type { TrackerConfig } from './index.js';
import type { PlatformName, RequestStats } from './types.js';

/** Which board a run works on: by number when given (it must exist), else by exact title (created when missing). */
export interface BoardRef {
  /** User or organisation that owns the board (GitHub); null: the repository's owner. */
  owner: string | null;
  title: string;
  number: number | null;
  /** GitLab: a project board (default) or a board of the configured group (`gitlab-group`). */
  scope?: 'project' | 'group';
  /** GitLab: title of the milestone the board is scoped to. */
  milestone?: string | null;
}

export interface CardResult {
  operation: CardOperation;
  /** The card after the operation, when it has one. */
  cardId: string | null;
  error: OrchestratorGitError | null;
}

export interface BoardTracker {
  readonly platform: PlatformName;
  readonly repository: string;
  /**
   * Board fields the platform can hold; absent: every kind (GitHub). GitLab issue boards have lists only (Status).
   */
  readonly fieldRoles?: ReadonlySet<BoardFieldRole>;
  /**
   * The board with every field and card; null when no board has the title (a missing board number is an error).
   * `issues`: the issues the run cares about — platforms without a card list (GitLab) read only their cards.
   */
  readBoard(issues?: IssueRef[]): Promise<ActualBoard | null>;
  /** Creates the board (linked to the repository where the platform allows) and returns it, without cards. */
  createBoard(title: string): Promise<ActualBoard>;
  /** Creates a field or adds Status options (restoring the values the platform clears on the way). */
  applySetup(board: ActualBoard, operation: Exclude<SetupOperation, { kind: 'createBoard' }>): Promise<void>;
  /** Adds cards and writes field values, batched; one result per operation, in order. */
  applyCards(board: ActualBoard, operations: CardOperation[]): Promise<CardResult[]>;
  stats(): RequestStats;
}

/** The board side of the configured platform; Bitbucket has no boards (a NOT_SUPPORTED error that says what to do). */
export async function createBoardTracker(
  config: TrackerConfig,
  ref: BoardRef,
  warn: (message: string) => void,
): Promise<BoardTracker> {
  if (config.platform !== 'gitlab' && (ref.scope === 'group' || ref.milestone)) {
    throw new OrchestratorGitError(
      'CONFIG_INVALID',
      `${ref.scope === 'group' ? 'board-scope: group' : 'board-milestone'} is for GitLab issue boards, not ${config.platform}.`,
      'Leave board-scope and board-milestone empty on this platform (docs/board-sync.md).',
    );
  }
  switch (config.platform) {
    case 'github': {
      const { GitHubProjectsBoard } = await import('./github/projects.js');
      return new GitHubProjectsBoard(config.repository, ref, {
        token: config.token,
        baseUrl: config.apiUrl,
        writeDelayMs: config.writeDelayMs,
        log: warn,
      });
    }
    case 'gitlab': {
      const { GitLabIssueBoard } = await import('./gitlab/boards.js');
      if (ref.scope === 'group' && !config.gitlabGroup) {
        throw new OrchestratorGitError(
          'CONFIG_INVALID',
          'board-scope is group, but no gitlab-group is configured.',
          'Set gitlab-group to the full path of the group whose board to use (e.g. acme or acme/platform), or set board-scope to project.',
        );
      }
      return new GitLabIssueBoard(
        config.repository,
        { ...ref, group: config.gitlabGroup },
        {
          token: config.token,
          baseUrl: config.apiUrl,
          writeDelayMs: config.writeDelayMs,
          log: warn,
        },
      );
    }
    case 'bitbucket':
      throw new OrchestratorGitError(
        'NOT_SUPPORTED',
        'Boards are not supported on Bitbucket Cloud: its API has no boards.',
        'Use issue-sync (issues carry their status as kind/priority and the issue state); for a board, mirror the repository to GitHub or GitLab, or use Jira, which Bitbucket integrates with.',
      );
  }
}
