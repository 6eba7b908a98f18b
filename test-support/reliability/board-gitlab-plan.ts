/**
 * GitLab issue boards for the board crash test: the sample state's issues made by issue-sync once, then either no board
 * (`new`: the sync creates the board, the scoped status labels and a list per column, and labels every card) or a
 * board a first sync made, after which the orchestrator moved a task (to blocked) and a feature (approved → in
 * progress) and a person put a label of their own on a managed issue (`existing`: the sync relabels the two cards).
 * Each start is kept as the writes that made it, replayed on a fresh emulator per iteration, with a copy of the
 * workspace. `runGitLabBoard` is one board-sync run of the real engine through its action/CLI entry.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { RawSettings } from '../../src/config/issue-sync.js';
import { executeBoardSync, type BoardOutcome } from '../../src/engine/board-sync.js';
import { silentLogger } from '../../src/engine/logger.js';
import { FEATURES, STATE_DB, Workspace, setTaskStatus, syncInProcess } from '../e2e/harness.js';
import { GitLabEmulator } from '../emulators/gitlab/index.js';
import type { BoardStart } from './board-plan.js';
import { recordedWrites, replayWrite, type ReplayedWrite } from './release-run.js';

export const GITLAB_PROJECT = 'acme/widgets';
const GITLAB_TOKEN = 'glpat-reliabilityBoard00000';
export const HUMAN_LABEL = 'customer-request';

export interface GitLabBoardFixture {
  /** Per start: the platform writes that made it, and the workspace folder (state file, features) to copy. */
  starts: Record<BoardStart, { writes: ReplayedWrite[]; dir: string }>;
  dispose: () => Promise<void>;
}

async function startGitLab(): Promise<GitLabEmulator> {
  const emulator = await GitLabEmulator.start({ rateLimit: false });
  emulator.addGroup('acme', { name: 'ACME' });
  emulator.addProject(GITLAB_PROJECT);
  emulator.addUser('sync-bot');
  emulator.addMember('acme', 'sync-bot', 20, { target: 'group' });
  emulator.addToken(GITLAB_TOKEN, { user: 'sync-bot', scopes: ['api'] });
  return emulator;
}

function inputs(emulator: GitLabEmulator): RawSettings {
  return {
    platform: 'gitlab',
    'state-file': STATE_DB,
    'features-dir': FEATURES,
    repository: GITLAB_PROJECT,
    'api-url': emulator.url,
    token: GITLAB_TOKEN,
    'write-delay-ms': '0',
  };
}

/** One board-sync run in `dir` (the action's and the CLI's entry, in-process). */
export async function runGitLabBoard(emulator: GitLabEmulator, dir: string): Promise<BoardOutcome> {
  const result = await executeBoardSync({
    inputs: inputs(emulator),
    configPath: null,
    env: {},
    cwd: dir,
    log: silentLogger,
  });
  if (result.kind !== 'synced') throw new Error(`board-sync was disabled: ${result.reason}`);
  return result.outcome;
}

async function keep(dir: string): Promise<string> {
  const copy = await mkdtemp(path.join(os.tmpdir(), 'og-reliability-gitlab-board-'));
  await cp(dir, copy, { recursive: true });
  return copy;
}

export async function buildGitLabBoardFixture(): Promise<GitLabBoardFixture> {
  const emulator = await startGitLab();
  const workspace = await Workspace.create();
  const kept: string[] = [];
  try {
    await workspace.copySample('v2-generic');
    await workspace.copyFeatures();
    await syncInProcess(workspace, inputs(emulator));
    const before = recordedWrites(emulator.requests);
    const fresh = await keep(workspace.dir);
    kept.push(fresh);

    const first = await runGitLabBoard(emulator, workspace.dir);
    if (first.counts.failed > 0 || !first.created)
      throw new Error('the GitLab board fixture: board sync failed');
    await setTaskStatus(workspace.path(STATE_DB), 'v2-generic', 'gt_root_0001', 'blocked');
    const feature = workspace.path(FEATURES, 'approved', '[APPROVED]_git_integration_issue_management.md');
    await writeFile(
      feature,
      (await readFile(feature, 'utf8')).replace('**Status**: [APPROVED]', '**Status**: In-Progress'),
    );
    const issue = emulator.listIssues(GITLAB_PROJECT)[0];
    if (!issue) throw new Error('the GitLab board fixture: no issue');
    const human = await fetch(`${emulator.url}/api/v4/projects/acme%2Fwidgets/issues/${issue.iid}`, {
      method: 'PUT',
      headers: { 'private-token': GITLAB_TOKEN, 'content-type': 'application/json' },
      body: JSON.stringify({ add_labels: HUMAN_LABEL }),
    });
    await human.arrayBuffer();
    if (!human.ok) throw new Error(`the GitLab board fixture: labelling answered ${human.status}`);
    const existing = await keep(workspace.dir);
    kept.push(existing);
    return {
      starts: {
        new: { writes: before, dir: fresh },
        existing: { writes: recordedWrites(emulator.requests), dir: existing },
      },
      dispose: async () => {
        for (const dir of kept) await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    for (const dir of kept) await rm(dir, { recursive: true, force: true });
    throw error;
  } finally {
    await emulator.stop();
    await workspace.dispose();
  }
}

/** A fresh emulator (the start's writes replayed) and a copy of its workspace. */
export async function freshGitLabBoard(
  fixture: GitLabBoardFixture,
  start: BoardStart,
): Promise<{ emulator: GitLabEmulator; dir: string; dispose: () => Promise<void> }> {
  const emulator = await startGitLab();
  const side = { url: emulator.url, platform: 'gitlab' as const, token: GITLAB_TOKEN };
  for (const write of fixture.starts[start].writes) await replayWrite(side, write);
  emulator.clearRequests();
  const dir = await keep(fixture.starts[start].dir);
  return {
    emulator,
    dir,
    dispose: async () => {
      await emulator.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The board as a person reads it: boards (name, list labels) and every issue's labels, sorted. */
export function readableGitLabBoard(emulator: GitLabEmulator): {
  boards: { name: string; lists: (string | null)[] }[];
  labels: Record<string, string[]>;
} {
  return {
    boards: emulator.listBoards(GITLAB_PROJECT).map((board) => ({
      name: String(board['name']),
      lists: ((board['lists'] ?? []) as { label: { name: string } | null }[]).map(
        (list) => list.label?.name ?? null,
      ),
    })),
    labels: Object.fromEntries(
      emulator.listIssues(GITLAB_PROJECT).map((issue) => [`#${issue.iid}`, [...issue.labels].sort()]),
    ),
  };
}
