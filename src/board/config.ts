/** board-sync's own settings, resolved once at the edge into typed config (the shared ones are issue-sync's). */
import { OrchestratorGitError, quote } from '../errors.js';
import type { ItemStatus } from '../core/status.js';
import { BOARD_ACTIONS, type BoardAction } from './plan.js';
import { boardColumns, resolveStatusMapping } from './status-mapping.js';
import { DEFAULT_SPRINT_LENGTH, type SprintSettings } from './sprints.js';
import { boardTemplate, BOARD_TYPES, type BoardTemplate } from './templates.js';

export const BOARD_SYNC_SETTINGS = {
  'board-action': {
    help: `What to do: ${BOARD_ACTIONS.join(', ')}. sync creates the board when missing, adds every card and keeps its fields in step; sync_milestones keeps milestones in step with release_milestones.`,
    default: 'sync',
  },
  'board-type': {
    help: `Board template: ${BOARD_TYPES.join(', ')} (columns and fields in docs/board-sync.md).`,
    default: 'feature_development',
  },
  'board-title': {
    help: 'Title of the board, found by exact title and created when missing.',
    default: '"<repository name> · <board type>", e.g. "widgets · feature development"',
  },
  'board-owner': {
    help: 'GitHub: user or organisation that owns the project.',
    default: 'the repository owner',
  },
  'board-number': {
    help: 'GitHub: number of an existing project (…/projects/N) to use instead of finding it by title; it must exist.',
    default: 'none (found by title)',
  },
  'status-mapping': {
    help: 'Orchestrator status → column, as status=Column lines or a JSON object; replaces the default and must map every status of the board’s cards.',
    default:
      'proposed=Backlog, approved=To Do, pending=To Do, in_progress=In Progress, blocked=Blocked, failed=Blocked, completed=Done, cancelled=Done, archived=Done',
  },
  'board-scope': {
    help: 'GitLab: `project` (a project issue board) or `group` (a board of the gitlab-group group, whose lists are group labels; cards are still the project’s issues).',
    default: 'project',
  },
  'board-milestone': {
    help: 'GitLab: title of a release milestone the board is scoped to (GitLab Premium); the board shows, and the sync keeps, only the cards of items in that release.',
    default: 'none (the board shows every card)',
  },
  'sprint-length': {
    help: 'sprint_board on GitHub: days per sprint of the Sprint iteration field the sync creates when the board has none (1–180). An existing Sprint field is used as it is.',
    default: String(DEFAULT_SPRINT_LENGTH),
  },
  'sprint-start': {
    help: 'sprint_board on GitHub: first day (YYYY-MM-DD) of the first sprint of a Sprint field the sync creates.',
    default: 'the Monday on or before the earliest target date among the cards (or today)',
  },
} as const satisfies Record<string, { help: string; default: string }>;

export type BoardSettingName = keyof typeof BOARD_SYNC_SETTINGS;
export type BoardRawSettings = Partial<Record<BoardSettingName, unknown>>;

export interface BoardSyncSettings {
  action: BoardAction;
  template: BoardTemplate;
  mapping: Record<ItemStatus, string>;
  columns: string[];
  title: string;
  owner: string | null;
  number: number | null;
  /** How a Sprint field the sync creates is laid out. */
  sprint: SprintSettings;
  /** GitLab: a project board, or a board of the configured group. */
  scope: 'project' | 'group';
  /** GitLab: the milestone (release) the board is scoped to, or null. */
  milestone: string | null;
}

export function resolveBoardSettings(raw: BoardRawSettings, repository: string): BoardSyncSettings {
  const text = (name: BoardSettingName): string | null => {
    const value = raw[name];
    if (value === undefined || value === null || value === '') return null;
    if (typeof value !== 'string' && typeof value !== 'number') {
      throw new OrchestratorGitError(
        'CONFIG_INVALID',
        `Setting ${quote(name)} must be text, not ${JSON.stringify(value)}.`,
        `Correct ${name}; docs/board-sync.md lists every board setting.`,
      );
    }
    return String(value).trim();
  };
  const action = (text('board-action') ?? 'sync').toLowerCase().replace(/-/g, '_');
  if (!(BOARD_ACTIONS as readonly string[]).includes(action)) {
    throw new OrchestratorGitError(
      'CONFIG_INVALID',
      `board-action ${quote(action)} is not a board action.`,
      `Use one of ${BOARD_ACTIONS.join(', ')}.`,
    );
  }
  const template = boardTemplate(text('board-type') ?? 'feature_development');
  const mappingText = text('status-mapping');
  const mapping = resolveStatusMapping(mappingText === null ? null : parseMapping(mappingText), template);
  const numberText = text('board-number');
  if (numberText !== null && !/^[1-9]\d{0,8}$/.test(numberText)) {
    throw new OrchestratorGitError(
      'CONFIG_INVALID',
      `board-number ${quote(numberText)} is not a project number.`,
      "Give the number at the end of the project's URL (…/projects/7 → 7), or leave it empty to find the board by title.",
    );
  }
  const scope = (text('board-scope') ?? 'project').toLowerCase();
  if (scope !== 'project' && scope !== 'group') {
    throw new OrchestratorGitError(
      'CONFIG_INVALID',
      `board-scope ${quote(scope)} is not a board scope.`,
      'Use project (a project issue board, the default) or group (a board of the gitlab-group group).',
    );
  }
  const milestone = text('board-milestone');
  const name = repository.split('/').pop() ?? repository;
  const title =
    text('board-title') ??
    `${name} · ${template.type.replace(/_/g, ' ')}${milestone === null ? '' : ` · ${milestone}`}`;
  if (title.length > 256) {
    throw new OrchestratorGitError(
      'CONFIG_INVALID',
      `board-title is ${title.length} characters long.`,
      'Use a title of at most 256 characters.',
    );
  }
  return {
    action: action as BoardAction,
    template,
    mapping,
    columns: boardColumns(template, mapping),
    title,
    owner: text('board-owner'),
    number: numberText === null ? null : Number(numberText),
    sprint: resolveSprintSettings(text('sprint-length'), text('sprint-start')),
    scope,
    milestone,
  };
}

function resolveSprintSettings(length: string | null, start: string | null): SprintSettings {
  if (length !== null && !(/^\d{1,3}$/.test(length) && Number(length) >= 1 && Number(length) <= 180)) {
    throw new OrchestratorGitError(
      'CONFIG_INVALID',
      `sprint-length ${quote(length)} is not a number of days from 1 to 180.`,
      'Give the days per sprint as a whole number, e.g. 14 for two-week sprints.',
    );
  }
  if (start !== null && !isCalendarDate(start)) {
    throw new OrchestratorGitError(
      'CONFIG_INVALID',
      `sprint-start ${quote(start)} is not a date (YYYY-MM-DD).`,
      'Give the first day of the first sprint as YYYY-MM-DD, e.g. 2026-03-02, or leave it empty.',
    );
  }
  return { length: length === null ? DEFAULT_SPRINT_LENGTH : Number(length), start };
}

function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
}

/** `status=Column` lines (or commas), or a JSON object. */
export function parseMapping(value: string): Record<string, string> {
  const trimmed = value.trim();
  if (trimmed.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      parsed = null;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new OrchestratorGitError(
        'CONFIG_INVALID',
        'status-mapping is not a valid JSON object.',
        'Write it as status=Column lines, or as a JSON object such as {"in_progress": "In Progress"}.',
      );
    }
    return Object.fromEntries(Object.entries(parsed).map(([key, column]) => [key, String(column)]));
  }
  const mapping: Record<string, string> = {};
  for (const entry of trimmed.split(/[\n,]/)) {
    if (!entry.trim()) continue;
    const at = entry.search(/[=:]/);
    if (at < 1) {
      throw new OrchestratorGitError(
        'CONFIG_INVALID',
        `status-mapping entry ${quote(entry.trim())} is not status=Column.`,
        'Write one status=Column per line (or separated by commas), e.g. in_progress=In Progress.',
      );
    }
    mapping[entry.slice(0, at).trim()] = entry.slice(at + 1).trim();
  }
  return mapping;
}
