/**
 * The registry behind the board and release tools: each action of orchestrator_project_board_manager and
 * orchestrator_release_coordinator is served by the handler registered for it, and an action without one answers
 * NOT_SUPPORTED with a sentence saying so. Pointing an action at its engine is one line in `defaultCapabilities`
 * (or a `capabilities` override given to the server).
 */
import type { RawSettings } from '../config/issue-sync.js';
import type { Logger } from '../engine/logger.js';
import { OrchestratorGitError } from '../errors.js';
import { runBoardAction } from './board-call.js';
import { createReleaseMilestone } from './milestone-call.js';
import { runReleaseAction } from './release-call.js';
import type { ToolReport } from './results.js';
import type { BoardAction, BoardType, NotesTemplate, ReleaseAction } from './tools.js';

/** Everything a handler needs to run one call, the way the CLI would run the same command. */
export interface CallContext {
  /** The server's settings with this call's platform, repository, state_file and dry_run applied. */
  inputs: RawSettings;
  configPath: string | null;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** The server's log (stderr); warnings also go into the call's result. */
  log: Logger;
  runId: string;
  /** Tell it every secret a run resolves (the token), so no answer or log line shows it. */
  onSecret: (secret: string) => void;
}

export interface BoardRequest {
  action: BoardAction;
  /** null: the engine's default (feature_development). */
  boardType: BoardType | null;
  /** The items named by the call (`task:<id>`, `feature:<id>`); empty: every card of the board. */
  itemKeys: string[];
  /** Orchestrator status → column; null: the engine's default mapping. */
  statusMapping: Record<string, string> | null;
  /** A board named by its title (orchestrator_git_integration's issue_config.project_board); null: the default. */
  boardTitle: string | null;
}

export interface ReleaseRequest {
  action: ReleaseAction;
  version: string | null;
  /** null: not given (create_milestone keeps the features a recorded release has). */
  includedFeatures: string[] | null;
  notesTemplate: NotesTemplate | null;
  /** YYYY-MM-DD. */
  dueOn: string | null;
}

export type CapabilityHandler<Request> = (request: Request, context: CallContext) => Promise<ToolReport>;

export interface Capabilities {
  board: Partial<Record<BoardAction, CapabilityHandler<BoardRequest>>>;
  release: Partial<Record<ReleaseAction, CapabilityHandler<ReleaseRequest>>>;
}

/**
 * What this version serves: every board action on the board engine (src/engine/board-sync.ts), plan_release,
 * generate_changelog and tag_release on the release engine (src/release/engine.ts), and create_milestone on the same
 * run as orchestrator_git_integration's create_milestone (milestone-call.ts, which needs no git checkout and takes any
 * milestone name).
 */
export function defaultCapabilities(): Capabilities {
  return {
    board: {
      create_board: runBoardAction,
      add_to_board: runBoardAction,
      move_card: runBoardAction,
      update_progress: runBoardAction,
      sync_milestones: runBoardAction,
    },
    release: {
      plan_release: runReleaseAction,
      create_milestone: createReleaseMilestone,
      generate_changelog: runReleaseAction,
      tag_release: runReleaseAction,
    },
  };
}

/** The defaults with some actions replaced (or added). */
export function withCapabilities(overrides: Partial<Capabilities> = {}): Capabilities {
  const defaults = defaultCapabilities();
  return {
    board: { ...defaults.board, ...overrides.board },
    release: { ...defaults.release, ...overrides.release },
  };
}

export function boardHandler(
  capabilities: Capabilities,
  action: BoardAction,
): CapabilityHandler<BoardRequest> {
  const handler = capabilities.board[action];
  if (handler) return handler;
  const available = Object.keys(capabilities.board).join(', ') || 'none';
  throw new OrchestratorGitError(
    'NOT_SUPPORTED',
    `orchestrator_project_board_manager cannot ${action.replace(/_/g, ' ')} in this server.`,
    `Board actions available now: ${available}.`,
  );
}

export function releaseHandler(
  capabilities: Capabilities,
  action: ReleaseAction,
): CapabilityHandler<ReleaseRequest> {
  const handler = capabilities.release[action];
  if (handler) return handler;
  const available = Object.keys(capabilities.release).join(', ') || 'none';
  throw new OrchestratorGitError(
    'NOT_SUPPORTED',
    `orchestrator_release_coordinator cannot ${action.replace(/_/g, ' ')} in this server.`,
    `Release actions available now: ${available}.`,
  );
}
