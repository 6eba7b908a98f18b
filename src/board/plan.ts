/**
 * Diffs the desired cards against the board and returns a typed plan: the board and fields to set up, the cards to add
 * and the owned field values to change. Cards and fields the tool does not own are never in it.
 */
import type { DesiredCard } from './desired.js';
import { issueKey, type ActualBoard, type ActualBoardField, type CardValue, type IssueRef } from './model.js';
import { layOutSprints, placeInSprints, type SprintLayout, type SprintSettings } from './sprints.js';
import type { BoardFieldRole, BoardFieldSpec, BoardTemplate } from './templates.js';

/** What a run of board-sync does: everything, or one action of the orchestrator's project board manager. */
export type BoardAction =
  'sync' | 'create_board' | 'add_to_board' | 'move_card' | 'update_progress' | 'sync_milestones';

export const BOARD_ACTIONS: readonly BoardAction[] = [
  'sync',
  'create_board',
  'add_to_board',
  'move_card',
  'update_progress',
  'sync_milestones',
];

export type WriteValue =
  | { option: string }
  | { number: number }
  | { date: string }
  | { text: string }
  | { iterationId: string; title: string };

export interface FieldWrite {
  /** The field's name on the board. */
  field: string;
  role: BoardFieldRole;
  value: WriteValue;
}

export interface StatusOptionSpec {
  /** Present for an option the board already has (its values are restored by name after the rewrite). */
  id?: string;
  name: string;
  color: string;
  description: string;
}

export type SetupOperation =
  | { kind: 'createBoard'; title: string; reason: string }
  /** Scopes the board to a milestone (GitLab Premium): it then shows only that milestone's issues. */
  | { kind: 'scopeBoard'; milestone: string; reason: string }
  | {
      kind: 'createField';
      field: BoardFieldSpec;
      options: string[];
      /** An iteration field's sprints (only ever at creation: the sync never rewrites iterations). */
      sprints?: SprintLayout;
      reason: string;
    }
  | {
      kind: 'addStatusOptions';
      fieldId: string;
      fieldName: string;
      /** Every option after the change: the existing ones first, unchanged, then the added ones. */
      options: StatusOptionSpec[];
      added: string[];
      /** Cards that have a value in the field, with its option name: written again after the options are rewritten. */
      restore: { cardId: string; option: string }[];
      reason: string;
    }
  /**
   * A run that died during an options rewrite left its stash field (STATUS_STASH_FIELD) on the board: the Status
   * values it names are set again on the cards whose Status is empty, then the field is deleted.
   */
  | {
      kind: 'restoreStatusStash';
      stashFieldId: string;
      fieldId: string;
      fieldName: string;
      restore: { cardId: string; optionId: string; option: string }[];
      reason: string;
    };

/**
 * The temporary text field an options rewrite stashes the Status values in (on the board, so they outlive a killed
 * job): see docs/board-sync.md.
 */
export const STATUS_STASH_FIELD = 'Status before options change (orchestrator-git)';

export type CardOperation =
  | { kind: 'addCard'; itemKey: string; title: string; issue: IssueRef; writes: FieldWrite[]; reason: string }
  | {
      kind: 'updateCard';
      itemKey: string;
      title: string;
      cardId: string;
      writes: FieldWrite[];
      reason: string;
    };

export type BoardOperation = SetupOperation | CardOperation;

export interface BoardNote {
  itemKey: string | null;
  message: string;
}

export interface BoardPlan {
  setup: SetupOperation[];
  cards: CardOperation[];
  /** Items whose card already matches. */
  unchanged: string[];
  notes: BoardNote[];
}

export interface BoardPlanInput {
  /** Cards to show, each with the issue it holds. */
  cards: { card: DesiredCard; issue: IssueRef }[];
  /** null: the board does not exist yet. */
  actual: ActualBoard | null;
  title: string;
  template: BoardTemplate;
  /** The Status options the board needs, in order (see boardColumns). */
  columns: string[];
  action: BoardAction;
  /** The milestone the board must be scoped to (board-milestone); absent or null: the scope is left as it is. */
  milestone?: string | null;
  /** How to lay out a missing Sprint field; absent: the field is not created (a note says how to add it). */
  sprint?: { settings: SprintSettings; today: string };
}

const OPTION_COLORS: Record<string, string> = {
  backlog: 'GRAY',
  'to do': 'BLUE',
  todo: 'BLUE',
  'in progress': 'YELLOW',
  blocked: 'RED',
  done: 'GREEN',
};

export function optionColor(name: string): string {
  return OPTION_COLORS[name.toLowerCase()] ?? 'PURPLE';
}

/** Column names match regardless of case and spacing, so GitHub's default "Todo" serves as "To Do". */
export const sameColumn = (a: string, b: string) =>
  a.toLowerCase().replace(/\s+/g, '') === b.toLowerCase().replace(/\s+/g, '');
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export function planBoard(input: BoardPlanInput): BoardPlan {
  const { actual, template, action } = input;
  const plan: BoardPlan = { setup: [], cards: [], unchanged: [], notes: [] };
  if (!actual) {
    plan.setup.push({ kind: 'createBoard', title: input.title, reason: 'no board with this title yet' });
  }
  if (actual && input.milestone && actual.milestone !== undefined && actual.milestone !== input.milestone) {
    plan.setup.push({
      kind: 'scopeBoard',
      milestone: input.milestone,
      reason:
        actual.milestone === null
          ? 'the board is not scoped to a milestone'
          : `the board is scoped to ${JSON.stringify(actual.milestone)}`,
    });
  }
  const fields = actual?.fields ?? [];
  /** Role → the board's field the sync writes, once it exists (or will exist after setup). */
  const usable = new Map<BoardFieldRole, { spec: BoardFieldSpec; field: ActualBoardField | null }>();

  for (const spec of template.fields) {
    const field = fields.find((candidate) => same(candidate.name, spec.name)) ?? null;
    if (field && field.kind !== spec.kind) {
      plan.notes.push({
        itemKey: null,
        message: `The board's field ${JSON.stringify(field.name)} is ${describeKind(field.kind)}, not ${describeKind(spec.kind)}; the sync leaves it alone. Rename it (or delete it) to let the sync create its own.`,
      });
      continue;
    }
    if (!field && (!spec.create || (spec.kind === 'iteration' && !input.sprint))) {
      plan.notes.push({
        itemKey: null,
        message: `The board has no ${describeKind(spec.kind).replace(/^an? /, '')} field named ${JSON.stringify(spec.name)}; ${spec.description}`,
      });
      continue;
    }
    if (!field) {
      plan.setup.push({
        kind: 'createField',
        field: spec,
        options: spec.role === 'status' ? input.columns : [],
        ...(spec.kind === 'iteration' && input.sprint
          ? {
              sprints: layOutSprints(
                input.sprint.settings,
                input.cards.flatMap(({ card }) => (card.targetDate ? [card.targetDate] : [])),
                input.sprint.today,
              ),
            }
          : {}),
        reason: `the board has no ${spec.name} field`,
      });
    } else if (spec.role === 'status') {
      const stash = fields.find((candidate) => candidate.name === STATUS_STASH_FIELD);
      // Status by card id once the stash of a run that died is written back: never over a Status that is set.
      const recovered = new Map<string, string>();
      if (stash) {
        const restore = (actual?.cards ?? []).flatMap((card) => {
          const kept = card.values[STATUS_STASH_FIELD];
          const option =
            !card.values[field.name] && kept?.kind === 'text'
              ? field.options.find((candidate) => candidate.name === kept.text)
              : undefined;
          return option ? [{ cardId: card.id, optionId: option.id, option: option.name }] : [];
        });
        for (const entry of restore) recovered.set(entry.cardId, entry.option);
        plan.setup.push({
          kind: 'restoreStatusStash',
          stashFieldId: stash.id,
          fieldId: field.id,
          fieldName: field.name,
          restore,
          reason: `a run that died while rewriting the ${JSON.stringify(field.name)} options left its stash field`,
        });
      }
      const missing = input.columns.filter(
        (column) => !field.options.some((option) => sameColumn(option.name, column)),
      );
      if (missing.length > 0) {
        plan.setup.push({
          kind: 'addStatusOptions',
          fieldId: field.id,
          fieldName: field.name,
          options: [
            ...field.options.map((option) => ({
              id: option.id,
              name: option.name,
              color: option.color ?? 'GRAY',
              description: option.description ?? '',
            })),
            ...missing.map((name) => ({ name, color: optionColor(name), description: '' })),
          ],
          added: missing,
          restore: (actual?.cards ?? []).flatMap((card) => {
            const value = card.values[field.name];
            if (value?.kind === 'option') return [{ cardId: card.id, option: value.name }];
            const option = recovered.get(card.id);
            return option ? [{ cardId: card.id, option }] : [];
          }),
          reason: `the Status field lacks ${missing.map((name) => JSON.stringify(name)).join(', ')}`,
        });
      }
    }
    usable.set(spec.role, { spec, field });
  }
  if (action === 'create_board') return plan;

  const cardsByIssue = new Map<string, NonNullable<ActualBoard['cards'][number]>>();
  for (const card of actual?.cards ?? []) {
    if (card.issue) cardsByIssue.set(issueKey(card.issue.repository, card.issue.number), card);
  }

  for (const { card, issue } of input.cards) {
    const existing = cardsByIssue.get(issueKey(issue.repository, issue.number));
    const writes = wantedWrites(card, usable, action);
    const outside = action === 'move_card' ? null : outsideSprints(card, usable.get('sprint')?.field ?? null);
    if (outside) plan.notes.push({ itemKey: card.itemKey, message: outside });
    if (!existing) {
      if (action === 'move_card' || action === 'update_progress') {
        plan.notes.push({
          itemKey: card.itemKey,
          message: `#${issue.number} is not on the board; add_to_board (or a sync) adds it.`,
        });
        continue;
      }
      plan.cards.push({
        kind: 'addCard',
        itemKey: card.itemKey,
        title: card.title,
        issue,
        writes,
        reason: `#${issue.number} is not on the board (${card.column})`,
      });
      continue;
    }
    if (action === 'add_to_board') {
      plan.unchanged.push(card.itemKey);
      continue;
    }
    const changed = writes.filter((write) => !holds(existing.values[write.field], write.value));
    if (changed.length === 0) {
      plan.unchanged.push(card.itemKey);
      continue;
    }
    plan.cards.push({
      kind: 'updateCard',
      itemKey: card.itemKey,
      title: card.title,
      cardId: existing.id,
      writes: changed,
      reason: changed
        .map(
          (write) =>
            `${write.field} ${describeValue(existing.values[write.field])} → ${describeWrite(write.value)}`,
        )
        .join(', '),
    });
  }
  return plan;
}

function wantedWrites(
  card: DesiredCard,
  usable: Map<BoardFieldRole, { spec: BoardFieldSpec; field: ActualBoardField | null }>,
  action: BoardAction,
): FieldWrite[] {
  const writes: FieldWrite[] = [];
  const roles: BoardFieldRole[] =
    action === 'move_card'
      ? ['status']
      : action === 'update_progress'
        ? ['progress', 'target_date', 'release', 'sprint', 'estimate', 'spent']
        : ['status', 'progress', 'target_date', 'release', 'sprint', 'estimate', 'spent'];
  for (const role of roles) {
    const entry = usable.get(role);
    if (!entry) continue;
    const name = entry.field?.name ?? entry.spec.name;
    switch (role) {
      case 'status': {
        const option = entry.field?.options.find((candidate) => sameColumn(candidate.name, card.column));
        writes.push({ field: name, role, value: { option: option?.name ?? card.column } });
        break;
      }
      case 'progress':
        writes.push({ field: name, role, value: { number: card.progress } });
        break;
      case 'target_date':
        if (card.targetDate) writes.push({ field: name, role, value: { date: card.targetDate } });
        break;
      case 'release':
        if (card.release) writes.push({ field: name, role, value: { text: card.release } });
        break;
      case 'estimate':
      case 'spent': {
        // Only when time tracking is on (the template has the fields) and the item has a value.
        const hours = role === 'estimate' ? card.estimateHours : card.spentHours;
        if (hours !== undefined && hours !== null)
          writes.push({ field: name, role, value: { number: hours } });
        break;
      }
      case 'sprint': {
        const iteration = card.targetDate ? iterationFor(entry.field, card.targetDate) : null;
        if (iteration)
          writes.push({ field: name, role, value: { iterationId: iteration.id, title: iteration.title } });
        break;
      }
    }
  }
  return writes;
}

/** Why a card with a target date gets no Sprint: no iteration of the field holds the date (people plan them). */
function outsideSprints(card: DesiredCard, field: ActualBoardField | null): string | null {
  if (!field || field.kind !== 'iteration' || !card.targetDate) return null;
  const place = placeInSprints(field.iterations, card.targetDate);
  const fix = `Add sprints to the ${field.name} field in the web UI (field settings → Add iteration keeps the planned ones and their cards); the next sync fills it in.`;
  switch (place.kind) {
    case 'in':
      return null;
    case 'none':
      return `target date ${card.targetDate}: the ${field.name} field has no iterations, so the sync sets no ${field.name}. ${fix}`;
    case 'before':
      return `target date ${card.targetDate} is before the first sprint (${place.first.title} starts ${place.first.startDate}), so the sync sets no ${field.name}.`;
    case 'after':
      return `target date ${card.targetDate} is after the last sprint (${place.last.title} ends ${place.ends}), so the sync sets no ${field.name}. ${fix}`;
    case 'gap':
      return `target date ${card.targetDate} falls in a break between sprints, so the sync sets no ${field.name}.`;
  }
}

/** The iteration whose days contain `date` (YYYY-MM-DD). */
export function iterationFor(
  field: ActualBoardField | null,
  date: string,
): { id: string; title: string } | null {
  const day = Date.parse(`${date}T00:00:00Z`);
  for (const iteration of field?.iterations ?? []) {
    const start = Date.parse(`${iteration.startDate}T00:00:00Z`);
    if (day >= start && day < start + iteration.duration * 86_400_000) return iteration;
  }
  return null;
}

function holds(actual: CardValue | undefined, wanted: WriteValue): boolean {
  if (!actual) return false;
  if ('option' in wanted) return actual.kind === 'option' && sameColumn(actual.name, wanted.option);
  if ('number' in wanted) return actual.kind === 'number' && actual.number === wanted.number;
  if ('date' in wanted) return actual.kind === 'date' && actual.date.slice(0, 10) === wanted.date;
  if ('text' in wanted) return actual.kind === 'text' && actual.text === wanted.text;
  return actual.kind === 'iteration' && actual.iterationId === wanted.iterationId;
}

export function describeWrite(value: WriteValue): string {
  if ('option' in value) return value.option;
  if ('number' in value) return String(value.number);
  if ('date' in value) return value.date;
  if ('text' in value) return JSON.stringify(value.text);
  return value.title;
}

function describeValue(value: CardValue | undefined): string {
  if (!value) return '(empty)';
  switch (value.kind) {
    case 'option':
      return value.name;
    case 'number':
      return String(value.number);
    case 'date':
      return value.date;
    case 'text':
      return JSON.stringify(value.text);
    case 'iteration':
      return value.title;
  }
}

function describeKind(kind: string): string {
  return (
    {
      single_select: 'a single select',
      number: 'a number',
      date: 'a date',
      text: 'a text',
      iteration: 'an iteration',
    }[kind] ?? 'a built-in'
  );
}

export function planIsEmpty(plan: BoardPlan): boolean {
  return plan.setup.length === 0 && plan.cards.length === 0;
}
