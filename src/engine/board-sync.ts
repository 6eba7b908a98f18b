/**
 * One board-sync run: derive the cards, read the board, plan, set the board up (board, fields, Status options), then
 * add cards and write their values in batches. Board identity lives on the platform (a card is found by its issue),
 * so nothing is written to the state.
 */
import {
  BOARD_SYNC_SETTINGS,
  resolveBoardSettings,
  type BoardRawSettings,
  type BoardSyncSettings,
} from '../board/config.js';
import { withFileDefaults } from '../config/file-keys.js';
import { deriveDesiredCards, type DesiredCard } from '../board/desired.js';
import { withTimeFields } from '../board/time-fields.js';
import type { ActualBoard, IssueRef } from '../board/model.js';
import { planBoard, type BoardNote, type BoardPlan, type CardOperation } from '../board/plan.js';
import {
  ISSUE_SYNC_SETTINGS,
  type IssueSyncConfig,
  type RawSettings,
  type SettingName,
} from '../config/issue-sync.js';
import { OrchestratorGitError, quote } from '../errors.js';
import type { ActualIssue } from '../core/actual.js';
import { readMarker } from '../core/markers.js';
import { createBoardTracker, type BoardTracker } from '../platforms/boards.js';
import { createIssueTracker } from '../platforms/index.js';
import { createMilestoneTracker } from '../platforms/milestones.js';
import { runMilestoneSync, type MilestoneOutcome } from './milestone-sync.js';
import type { RequestStats } from '../platforms/types.js';
import type { StateStore } from '../state/store.js';
import { linkItemKey } from '../state/types.js';
import { logText, type Logger } from './logger.js';
import { openRun } from './open-run.js';

export interface BoardCounts {
  added: number;
  moved: number;
  updated: number;
  unchanged: number;
  failed: number;
  /** Items without an issue yet (issue-sync creates them), or outside the action's reach. */
  skipped: number;
}

export interface BoardOutcome {
  action: BoardSyncSettings['action'];
  dryRun: boolean;
  repository: string;
  board: { title: string; number: number; url: string } | null;
  /** Whether this run created the board. */
  created: boolean;
  plan: BoardPlan;
  results: {
    itemKey: string;
    kind: CardOperation['kind'];
    status: 'done' | 'failed';
    error: string | null;
  }[];
  counts: BoardCounts;
  stats: RequestStats;
}

export interface BoardSyncOptions {
  store: StateStore;
  board: BoardTracker;
  settings: BoardSyncSettings;
  dryRun: boolean;
  log: Logger;
  /** Only these items (`task:<id>`, `feature:<id>` or a bare id); null: every card of the template. */
  itemKeys?: string[] | null;
  tasks?: 'top-level' | 'all';
  /** Number fields Estimate and Spent (the time-tracking setting; board/time-fields.ts). */
  timeTracking?: boolean;
  /** Every issue of the repository (issue-sync's read), to find by marker the issues the state has no link for. */
  findIssues?: () => Promise<ActualIssue[]>;
  /** YYYY-MM-DD; default the current UTC day (a Sprint field's first sprint when no card has a target date). */
  today?: string;
}

export async function runBoardSync(options: BoardSyncOptions): Promise<BoardOutcome> {
  const { store, board, settings, log } = options;
  const notes: BoardNote[] = [];
  const cards = selectItems(
    deriveDesiredCards(store.state, settings.template, settings.mapping, {
      tasks: options.tasks ?? 'top-level',
      timeTracking: options.timeTracking === true,
    }),
    options.itemKeys ?? null,
  ).filter((card) => !settings.milestone || card.release === settings.milestone);
  if (settings.milestone && cards.length === 0)
    notes.push({
      itemKey: null,
      message: `No item is in release ${JSON.stringify(settings.milestone)} (release_milestones), so the board gets no card.`,
    });
  const issues = issueRefs(store, board);
  const unlinked = cards.filter((card) => !issues.has(card.itemKey));
  if (unlinked.length > 0 && options.findIssues) {
    // The links are a cache: an issue issue-sync created is found by its marker when the state lost its link.
    for (const [key, found] of issuesByMarker(await options.findIssues(), notes)) {
      issues.set(key, { repository: board.repository, number: found.number, contentId: found.id });
    }
  }
  const linked: { card: DesiredCard; issue: IssueRef }[] = [];
  for (const card of cards) {
    const issue = issues.get(card.itemKey);
    if (issue) linked.push({ card, issue });
    else
      notes.push({
        itemKey: card.itemKey,
        message: 'has no issue yet; issue-sync creates it, then the board gets its card',
      });
  }
  const roles = board.fieldRoles;
  const wantedTemplate = options.timeTracking ? withTimeFields(settings.template) : settings.template;
  const template = roles
    ? { ...wantedTemplate, fields: wantedTemplate.fields.filter((field) => roles.has(field.role)) }
    : wantedTemplate;
  const dropped = wantedTemplate.fields.filter((field) => !template.fields.includes(field));
  if (dropped.length > 0)
    log.info(
      `${board.platform} boards have no ${dropped.map((field) => field.name).join(', ')} field; only ${template.fields.map((field) => field.name).join(', ')} is kept in step.`,
    );
  const wanted = linked.map((entry) => entry.issue);

  let actual = await board.readBoard(wanted);
  if (!actual && settings.action !== 'sync' && settings.action !== 'create_board') {
    throw new OrchestratorGitError(
      'CONFIG_INVALID',
      `No board titled ${quote(settings.title)} exists${settings.owner ? ` for ${quote(settings.owner)}` : ''}, so ${settings.action} has nothing to work on.`,
      'Create it first (board create, or board-action: create_board / sync), or set board-title / board-number to an existing board.',
    );
  }
  const plan = (current: ActualBoard | null) =>
    planBoard({
      cards: linked,
      actual: current,
      title: settings.title,
      template,
      columns: settings.columns,
      action: settings.action,
      milestone: settings.milestone,
      sprint: { settings: settings.sprint, today: options.today ?? new Date().toISOString().slice(0, 10) },
    });
  let current = plan(actual);
  const outcome: BoardOutcome = {
    action: settings.action,
    dryRun: options.dryRun,
    repository: board.repository,
    board: actual ? { title: actual.title, number: actual.number, url: actual.url } : null,
    created: false,
    plan: current,
    results: [],
    counts: { added: 0, moved: 0, updated: 0, unchanged: current.unchanged.length, failed: 0, skipped: 0 },
    stats: board.stats(),
  };
  const finish = () => {
    outcome.plan.notes.unshift(...notes);
    outcome.counts.skipped = notes.filter((note) => note.itemKey !== null).length;
    for (const note of outcome.plan.notes)
      log.warning(`${note.itemKey ? `${note.itemKey}: ` : ''}${logText(note.message, 400)}`);
    outcome.stats = board.stats();
    return outcome;
  };
  if (options.dryRun) return finish();

  // Set-up, then read again: new fields and options have ids only the platform knows.
  for (let round = 0; round < 3 && current.setup.length > 0; round += 1) {
    for (const operation of current.setup) {
      if (operation.kind === 'createBoard') {
        actual = await board.createBoard(operation.title);
        outcome.created = true;
        log.info(`Created board ${logText(actual.title)}: ${actual.url}`);
        break; // its fields are planned against the new board
      }
      if (!actual) break;
      await board.applySetup(actual, operation);
      log.info(
        operation.kind === 'scopeBoard'
          ? `Scoped the board to milestone ${logText(operation.milestone)}`
          : operation.kind === 'restoreStatusStash'
            ? `Restored ${operation.restore.length} ${logText(operation.fieldName)} values a run that died had stashed, and deleted its stash field`
            : operation.kind === 'createField'
              ? `Created field ${logText(operation.field.name)}${operation.sprints ? ` with ${operation.sprints.iterations.length} sprints of ${operation.sprints.duration} days from ${operation.sprints.startDate}` : ''}`
              : `Added ${operation.added.map((name) => logText(name)).join(', ')} to ${logText(operation.fieldName)} (${operation.restore.length} card values restored)`,
      );
    }
    actual = outcome.created && round === 0 && actual ? actual : await board.readBoard(wanted);
    current = plan(actual);
  }
  if (!actual)
    throw new OrchestratorGitError(
      'PLATFORM_ERROR',
      'The board could not be read after it was set up.',
      'Run again.',
    );
  outcome.board = { title: actual.title, number: actual.number, url: actual.url };
  outcome.plan = current;
  outcome.counts.unchanged = current.unchanged.length;

  const results = current.cards.length > 0 ? await board.applyCards(actual, current.cards) : [];
  for (const result of results) {
    const { operation } = result;
    const status = result.error ? 'failed' : 'done';
    outcome.results.push({
      itemKey: operation.itemKey,
      kind: operation.kind,
      status,
      error: result.error?.message ?? null,
    });
    if (result.error) {
      outcome.counts.failed += 1;
      log.error(`${operation.itemKey}: ${logText(result.error.message, 400)}`);
      continue;
    }
    if (operation.kind === 'addCard') outcome.counts.added += 1;
    else if (operation.writes.some((write) => write.role === 'status')) outcome.counts.moved += 1;
    else outcome.counts.updated += 1;
    log.info(
      `${operation.kind === 'addCard' ? 'Added' : 'Updated'} ${operation.itemKey}: ${logText(operation.reason, 300)}`,
    );
  }
  return finish();
}

function selectItems(cards: DesiredCard[], itemKeys: string[] | null): DesiredCard[] {
  if (itemKeys === null) return cards;
  const wanted = new Set(itemKeys.map((key) => key.trim()));
  const chosen = cards.filter(
    (card) => wanted.has(card.itemKey) || wanted.has(card.itemKey.slice(card.itemKey.indexOf(':') + 1)),
  );
  const known = new Set(
    chosen.flatMap((card) => [card.itemKey, card.itemKey.slice(card.itemKey.indexOf(':') + 1)]),
  );
  const unknown = [...wanted].filter((key) => !known.has(key));
  if (unknown.length > 0) {
    throw new OrchestratorGitError(
      'CONFIG_INVALID',
      `No card on this board type for ${unknown.map((key) => quote(key)).join(', ')}.`,
      'Name items as task:<id>, feature:<id> or a bare id that the state has, of a kind the board type shows (release_planning: features; sprint_board: top-level tasks).',
    );
  }
  return chosen;
}

/** Each item's issue, from the links the state holds (issue-sync writes them; node ids from its sync records). */
function issueRefs(store: StateStore, board: BoardTracker): Map<string, IssueRef> {
  const refs = new Map<string, IssueRef>();
  for (const link of store.state.links) {
    if (link.platform !== board.platform || link.repository.toLowerCase() !== board.repository.toLowerCase())
      continue;
    refs.set(linkItemKey(link), { repository: board.repository, number: link.issueNumber, contentId: null });
  }
  for (const [key, record] of store.syncedItems(board.platform, board.repository)) {
    refs.set(key, { repository: board.repository, number: record.issueNumber, contentId: record.issueId });
  }
  return refs;
}

/**
 * Item key → its issue, from the markers issue-sync writes. Several issues with one marker (a copy pasted by hand, or a
 * spoof): the one by the author of most marked issues (the tool's account) wins; otherwise the item is reported.
 */
export function issuesByMarker(found: ActualIssue[], notes: BoardNote[]): Map<string, ActualIssue> {
  const byKey = new Map<string, ActualIssue[]>();
  const authors = new Map<string, number>();
  for (const issue of found) {
    const marker = readMarker(issue.body);
    if (marker.kind !== 'marker') continue;
    byKey.set(marker.itemKey, [...(byKey.get(marker.itemKey) ?? []), issue]);
    if (issue.author) authors.set(issue.author, (authors.get(issue.author) ?? 0) + 1);
  }
  const toolAuthor = [...authors].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
  const out = new Map<string, ActualIssue>();
  for (const [key, candidates] of byKey) {
    const chosen =
      candidates.length === 1
        ? candidates[0]
        : candidates.filter((issue) => toolAuthor !== null && issue.author === toolAuthor).length === 1
          ? candidates.find((issue) => issue.author === toolAuthor)
          : undefined;
    if (chosen) out.set(key, chosen);
    else
      notes.push({
        itemKey: key,
        message: `issues ${candidates.map((issue) => `#${issue.number}`).join(', ')} all carry its marker; run issue-sync, which reports the copies, then sync the board again`,
      });
  }
  return out;
}

// ---- from raw settings to outcome (the action and the CLI) --------------------------------------------------------

export interface ExecuteBoardOptions {
  /** Action inputs or CLI flags: the shared settings (state-file, platform, repository, token, …) and the board's. */
  inputs: RawSettings & BoardRawSettings;
  configPath: string | null;
  env: NodeJS.ProcessEnv;
  cwd: string;
  log: Logger;
  onSecret?: (secret: string) => void;
  itemKeys?: string[] | null;
}

export type ExecuteBoardResult =
  | { kind: 'disabled'; reason: string }
  | { kind: 'synced'; config: IssueSyncConfig; settings: BoardSyncSettings; outcome: BoardOutcome };

export type ExecuteBoardActionResult =
  | ExecuteBoardResult
  | { kind: 'milestones'; config: IssueSyncConfig; settings: BoardSyncSettings; outcome: MilestoneOutcome };

/** A board action on the board; sync_milestones is refused here (it has no board): executeBoardAction runs it. */
export async function executeBoardSync(options: ExecuteBoardOptions): Promise<ExecuteBoardResult> {
  const result = await executeBoardAction(options, false);
  if (result.kind === 'milestones') throw new Error('unreachable: sync_milestones was refused');
  return result;
}

/** Every board action, sync_milestones included (the CLI and the action). */
export async function executeBoardAction(
  options: ExecuteBoardOptions,
  milestones = true,
): Promise<ExecuteBoardActionResult> {
  const { inputs, log } = options;
  const shared: RawSettings = {};
  for (const name of Object.keys(ISSUE_SYNC_SETTINGS) as SettingName[]) {
    const value = inputs[name];
    if (value !== undefined && value !== null && value !== '') shared[name] = value;
  }
  const opened = await openRun({
    shared,
    configPath: options.configPath,
    env: options.env,
    cwd: options.cwd,
    log,
    ...(options.onSecret ? { onSecret: options.onSecret } : {}),
    job: 'board-sync',
  });
  if (opened.kind === 'disabled') return opened;
  const { store, config, fileSettings } = opened;
  try {
    const settings = resolveBoardSettings(
      withFileDefaults(inputs, fileSettings, Object.keys(BOARD_SYNC_SETTINGS)),
      config.repository,
    );
    if (settings.action === 'sync_milestones' && !milestones) {
      throw new OrchestratorGitError(
        'CONFIG_INVALID',
        'board-action sync_milestones keeps milestones, not a board, in step and is not available here.',
        'Run it as the board-sync action with board-action: sync_milestones, or the CLI command board milestones.',
      );
    }
    if (settings.action === 'sync_milestones') {
      const tracker = await createMilestoneTracker(config, (message) => log.warning(message));
      const outcome = await runMilestoneSync({
        rows: store.state.milestones,
        tracker,
        dryRun: config.dryRun,
        log,
      });
      return { kind: 'milestones', config, settings, outcome };
    }
    const board = await createBoardTracker(
      config,
      {
        owner: settings.owner,
        title: settings.title,
        number: settings.number,
        scope: settings.scope,
        milestone: settings.milestone,
      },
      (message) => log.warning(message),
    );
    const outcome = await runBoardSync({
      store,
      board,
      settings,
      dryRun: config.dryRun,
      log,
      itemKeys: options.itemKeys ?? null,
      tasks: config.policy.tasks === 'all' ? 'all' : 'top-level',
      timeTracking: config.policy.timeTracking === true,
      findIssues: async () =>
        (await createIssueTracker(config, (message) => log.warning(message))).listIssues(),
    });
    return { kind: 'synced', config, settings, outcome };
  } finally {
    store.close();
  }
}
