/**
 * Boards for the board crash test, on the GitHub emulator's Projects v2: the sample state's issues made by issue-sync
 * once (kept as the writes that made them, replayed on a fresh emulator per iteration), then one of two boards:
 *
 * - `new`: no board yet — the sync creates the project, its Progress field and the Status options it lacks, and adds
 *   every card;
 * - `existing`: a board a person set up by hand — GitHub's default Status options only (Todo, In Progress, Done), a
 *   Progress field, a field, a draft and a pull request of their own, and three managed issues added by hand in the
 *   wrong column with a stale Progress — so the sync adds Status options (restoring every card's Status), adds cards,
 *   moves cards and changes Progress.
 *
 * `runBoard` is one board-sync run of the real engine (`runBoardSync`) with the Projects adapter.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { resolveBoardSettings } from '../../src/board/config.js';
import { runBoardSync, type BoardOutcome } from '../../src/engine/board-sync.js';
import { silentLogger } from '../../src/engine/logger.js';
import { GitHubIssueTracker } from '../../src/platforms/github/issues.js';
import { GitHubProjectsBoard } from '../../src/platforms/github/projects.js';
import type { GitHubEmulator } from '../emulators/github/index.js';
import type { ProjectRecord } from '../emulators/github/graphql/projects.js';
import { SAMPLES_DIR, SAMPLE_FEATURES_DIR } from '../fixtures/build-db.js';
import {
  FAST_CLIENT,
  REPO,
  Scenario,
  TOKEN,
  issuesByKey,
  replayWrites,
  startEmulator,
  successfulWrites,
  type RecordedWrite,
} from './harness.js';

export const BOARD_TITLE = 'Team board';
export const BOARD_OWNER = 'acme';
/** A classic PAT of the repository owner with the `project` scope. */
export const BOARD_TOKEN = 'ghp_reliabilityBoardWriter000000000000';

export type BoardStart = 'new' | 'existing';

export interface BoardFixture {
  writes: RecordedWrite[];
  state: Uint8Array;
  features: Record<string, string>;
}

async function sampleFeatures(dir = SAMPLE_FEATURES_DIR, prefix = ''): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const name = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) Object.assign(files, await sampleFeatures(path.join(dir, entry.name), name));
    else files[name] = await readFile(path.join(dir, entry.name), 'utf8');
  }
  return files;
}

async function boardEmulator(): Promise<GitHubEmulator> {
  const emulator = await startEmulator();
  emulator.addToken(BOARD_TOKEN, {
    login: BOARD_OWNER,
    repositories: [REPO],
    permissions: { issues: 'write', metadata: 'read' },
  });
  emulator.projects.grantProjects(BOARD_TOKEN, 'write');
  return emulator;
}

/** The sample state (v2 generic, with its feature files) and its issues, made once by issue-sync. */
export async function buildBoardFixture(): Promise<BoardFixture> {
  const emulator = await boardEmulator();
  const features = await sampleFeatures();
  const scenario = await Scenario.create(await readFile(path.join(SAMPLES_DIR, 'v2-generic.db')), features);
  try {
    const outcome = await scenario.sync(emulator, { policy: { createCompleted: true } });
    if (outcome.counts.failed > 0) throw new Error('the board fixture: issue sync failed');
    return {
      writes: successfulWrites(emulator.requests),
      state: new Uint8Array(await scenario.readState()),
      features,
    };
  } finally {
    await emulator.stop();
    await scenario.dispose();
  }
}

/** What a person put on the hand-made board, to check that no sync touches it. */
export interface HumanWork {
  /** The draft and the pull request, as `readableBoard` names them. */
  items: string[];
}

/** The board without the Status of the person's own items (what the option-rewrite bug loses). */
export function withoutHumanStatus(board: ReadableBoard, human: HumanWork): ReadableBoard {
  return {
    fields: board.fields,
    items: Object.fromEntries(
      Object.entries(board.items).map(([key, values]) => [
        key,
        human.items.includes(key)
          ? Object.fromEntries(Object.entries(values).filter(([field]) => field !== 'Status'))
          : values,
      ]),
    ),
  };
}

/** A fresh emulator (issues replayed) and workspace, with the board to start from. */
export async function freshBoard(
  fixture: BoardFixture,
  start: BoardStart,
): Promise<{
  emulator: GitHubEmulator;
  scenario: Scenario;
  human: HumanWork | null;
  dispose: () => Promise<void>;
}> {
  const emulator = await boardEmulator();
  await replayWrites(emulator, fixture.writes);
  const scenario = await Scenario.create(fixture.state, fixture.features);
  const human = start === 'existing' ? setUpByHand(emulator) : null;
  return {
    emulator,
    scenario,
    human,
    dispose: async () => {
      await emulator.stop();
      await scenario.dispose();
    },
  };
}

function setUpByHand(emulator: GitHubEmulator): HumanWork {
  const projects = emulator.projects;
  const project = projects.createProject(BOARD_OWNER, BOARD_TITLE);
  const progress = projects.addField(project, 'Progress', 'NUMBER');
  const estimate = projects.addField(project, 'Estimate', 'NUMBER');
  const draft = projects.addItem(project, null, 'Idea from the retro');
  projects.setValueInUi(project, draft, 'Status', 'Todo');
  const pull = emulator.addPullRequest(REPO, 'Someone else’s pull request');
  const pullItem = projects.addItem(project, { repo: REPO, number: pull });
  projects.setValueInUi(project, pullItem, 'Status', 'In Progress');
  pullItem.values.set(estimate.id, { number: 5 });
  // Three managed issues added by hand, in a column their status does not map to, with a stale Progress.
  const numbers = [...issuesByKey(emulator).values()].map((found) => found[0] ?? 0).sort((a, b) => a - b);
  for (const [index, number] of numbers.slice(0, 3).entries()) {
    const item = projects.addItem(project, { repo: REPO, number });
    projects.setValueInUi(
      project,
      item,
      'Status',
      index === 0 ? 'Done' : index === 1 ? 'In Progress' : 'Todo',
    );
    item.values.set(progress.id, { number: 13 });
    if (index === 0) item.values.set(estimate.id, { number: 8 });
  }
  return { items: [`draft: ${draft.draftTitle ?? ''}`, `#${pull}`] };
}

/** One board-sync run: the real engine, the Projects adapter, the issues found by marker when a link is missing. */
export async function runBoard(emulator: GitHubEmulator, scenario: Scenario): Promise<BoardOutcome> {
  const store = await scenario.open();
  try {
    const client = { baseUrl: emulator.url, ...FAST_CLIENT };
    const board = new GitHubProjectsBoard(
      REPO,
      { owner: null, title: BOARD_TITLE, number: null },
      { token: BOARD_TOKEN, ...client },
    );
    return await runBoardSync({
      store,
      board,
      settings: resolveBoardSettings({ 'board-title': BOARD_TITLE }, REPO),
      dryRun: false,
      log: silentLogger,
      findIssues: () => new GitHubIssueTracker(REPO, { token: TOKEN, ...client }).listIssues(),
    });
  } finally {
    store.close();
  }
}

/** The projects titled like the board. */
export function boardsOf(emulator: GitHubEmulator): ProjectRecord[] {
  return emulator.projects.projects.filter((project) => project.title === BOARD_TITLE);
}

/**
 * A board as a person reads it: fields (name, type, options by name), and each item's values by field name, keyed by
 * the issue it holds (`#n`) or the draft's title. Option and item ids are left out: GitHub renews option ids when the
 * options are rewritten.
 */
export interface ReadableBoard {
  fields: { name: string; type: string; options: string[] }[];
  items: Record<string, Record<string, string | number | null>>;
}

export function readableBoard(emulator: GitHubEmulator, project: ProjectRecord): ReadableBoard {
  const projects = emulator.projects;
  return {
    fields: project.fields.map((field) => ({
      name: field.name,
      type: field.dataType,
      options: field.options.map((option) => option.name),
    })),
    items: Object.fromEntries(
      project.items
        .map((item) => [
          item.issue ? `#${item.issue.number}` : `draft: ${item.draftTitle ?? ''}`,
          Object.fromEntries(
            project.fields
              .filter((field) => item.values.has(field.id))
              .map((field) => [field.name, projects.valueOf(project, item, field.name)]),
          ),
        ])
        .sort(([a], [b]) => String(a).localeCompare(String(b))),
    ),
  };
}
