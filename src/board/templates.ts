/** The board types a user picks (`board-type`): which items become cards, which columns and which fields they get. */
import { OrchestratorGitError, quote } from '../errors.js';
import type { ItemKind } from '../core/desired.js';

export type BoardType = 'feature_development' | 'release_planning' | 'sprint_board';

export const BOARD_TYPES: readonly BoardType[] = ['feature_development', 'release_planning', 'sprint_board'];

/** Kinds of board fields, as every platform with boards has them (GitHub Projects v2 names them the same way). */
export type BoardFieldKind = 'single_select' | 'number' | 'date' | 'text' | 'iteration';

/** What a field carries: the adapters and the plan know a field by its role, the user sees its name. */
export type BoardFieldRole =
  'status' | 'progress' | 'target_date' | 'release' | 'sprint' | 'estimate' | 'spent';

export interface BoardFieldSpec {
  role: BoardFieldRole;
  name: string;
  kind: BoardFieldKind;
  /** false: used when the board has it, never created. An iteration field is created with sprints laid out once. */
  create: boolean;
  description: string;
}

export interface BoardTemplate {
  type: BoardType;
  description: string;
  /** Which items become cards. Tasks are top-level tasks (subtasks count towards their parent's progress). */
  cards: readonly ItemKind[];
  /** Status columns in board order; the status mapping's values must be among them or are added after them. */
  columns: readonly string[];
  fields: readonly BoardFieldSpec[];
}

const STATUS: BoardFieldSpec = {
  role: 'status',
  name: 'Status',
  kind: 'single_select',
  create: true,
  description: "The card's column: the orchestrator status through the status mapping.",
};
const PROGRESS: BoardFieldSpec = {
  role: 'progress',
  name: 'Progress',
  kind: 'number',
  create: true,
  description:
    'Per cent of subtasks completed (tasks) or of linked tasks completed (features), cancelled ones not counted; 100 once the item itself is completed.',
};
const TARGET_DATE: BoardFieldSpec = {
  role: 'target_date',
  name: 'Target date',
  kind: 'date',
  create: true,
  description:
    "The task's due date, else the target date of its feature's release milestone (release_milestones.target_date).",
};

export const BOARD_TEMPLATES: Readonly<Record<BoardType, BoardTemplate>> = {
  feature_development: {
    type: 'feature_development',
    description: 'Features and their top-level tasks, one column per stage of work.',
    cards: ['feature', 'task'],
    columns: ['Backlog', 'To Do', 'In Progress', 'Blocked', 'Done'],
    fields: [STATUS, PROGRESS],
  },
  release_planning: {
    type: 'release_planning',
    description: 'Features only, with the release they ship in and its target date.',
    cards: ['feature'],
    columns: ['Backlog', 'To Do', 'In Progress', 'Done'],
    fields: [
      STATUS,
      PROGRESS,
      TARGET_DATE,
      {
        role: 'release',
        name: 'Release',
        kind: 'text',
        create: true,
        description: 'Name of the release milestone that includes the feature (release_milestones).',
      },
    ],
  },
  sprint_board: {
    type: 'sprint_board',
    description:
      'Top-level tasks, with a target date and, when the board has one, the sprint (iteration) it falls in.',
    cards: ['task'],
    columns: ['To Do', 'In Progress', 'Blocked', 'Done'],
    fields: [
      STATUS,
      PROGRESS,
      TARGET_DATE,
      {
        role: 'sprint',
        name: 'Sprint',
        kind: 'iteration',
        create: true,
        description:
          'The iteration whose dates contain the target date. Created when missing with sprint-length sprints from sprint-start through the latest target date; its iterations are never rewritten (add more in the web UI).',
      },
    ],
  },
};

export function boardTemplate(type: string): BoardTemplate {
  const normalised = type.trim().toLowerCase().replace(/[- ]/g, '_');
  const template = BOARD_TEMPLATES[normalised as BoardType];
  if (!template) {
    throw new OrchestratorGitError(
      'CONFIG_INVALID',
      `Board type ${quote(type)} is not known.`,
      `Set board-type to one of ${BOARD_TYPES.join(', ')} (docs/board-sync.md describes each).`,
    );
  }
  return template;
}
