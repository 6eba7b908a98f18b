/**
 * The registry behind the board and release tools: each action of orchestrator_project_board_manager and
 * orchestrator_release_coordinator is served by the handler registered for it, and an action without one answers
 * NOT_SUPPORTED with a sentence saying so. Pointing an action at its engine is one line in `defaultCapabilities`
 * (or a `capabilities` override given to the server).
 */
import type { RawSettings } from '../config/issue-sync.js';
import type { Logger } from '../engine/logger.js';
import { OrchestratorGitError } from '../errors.js';
import { createReleaseMilestone } from './milestone-call.js';
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
 * What this version serves. board-sync (src/engine/board-sync.ts) and the release pipeline (src/release/) plug in
 * here when they ship, e.g. `board: { create_board: boardAction, add_to_board: boardAction, … }`.
 */
export function defaultCapabilities(): Capabilities {
  return {
    board: {},
    release: { create_milestone: createReleaseMilestone },
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
  throw new OrchestratorGitError(
    'NOT_SUPPORTED',
    `board-sync is not available in this version yet; orchestrator_project_board_manager cannot ${action.replace(/_/g, ' ')}.`,
    "Keep the board by hand for now: orchestrator_git_integration keeps the issues (status labels, milestones) in step, and a board filtered on them follows. Board support comes with a later orchestrator-git release (README's job table).",
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
    `release coordination is not available in this version yet; orchestrator_release_coordinator cannot ${action.replace(/_/g, ' ')}.`,
    `Actions available now: ${available} (release_version, included_features, due_on). Use your release tooling for the changelog and tags until release support ships (README's job table).`,
  );
}
