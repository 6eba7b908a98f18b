/**
 * A release ready to be cut, on GitHub or GitLab, for the release crash test: a git repository (v1.0.0 tagged, a
 * feature and a fix since), the orchestrator's state with a completed feature and task, their issues synced, and the
 * release milestone made by the release's own milestone step. Built once through the real engine; the platform side is
 * kept as the list of writes that produced it, so each iteration rebuilds it on a fresh emulator and copies the
 * repository folder. `releaseRun` is the workflow the test kills: changelog → commit CHANGELOG.md → tag (annotated tag,
 * release with the notes, milestone closed, release records in the state).
 */
import { execFile } from 'node:child_process';
import { cp, copyFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { executeIssueSync } from '../../src/engine/execute-issue-sync.js';
import { silentLogger } from '../../src/engine/logger.js';
import type { ReleaseAction } from '../../src/release/config.js';
import { executeRelease, type ReleaseRunResult } from '../../src/release/engine.js';
import { GitHubEmulator } from '../emulators/github/index.js';
import { GitLabEmulator } from '../emulators/gitlab/index.js';
import type { FaultSpec } from '../emulators/shared/faults.js';
import { SAMPLES_DIR, SAMPLE_FEATURES_DIR } from '../fixtures/build-db.js';
import { GitRepo } from '../release/git-repo.js';
import { execSql } from './harness.js';

export type ReleasePlatform = 'github' | 'gitlab';

export const RELEASE_REPO = 'acme/widgets';
export const RELEASE_STATE_FILE = 'task_orchestrator.db';
export const RELEASE_VERSION = '1.1.0';
export const RELEASE_TAG = 'v1.1.0';
const GITHUB_TOKEN = 'ghs_releaseCrashWriter0000000000000000';
const GITLAB_TOKEN = 'glpat-releaseCrashDeveloper0';
const NOW = () => new Date('2024-04-02T09:00:00Z');

/** An exchange as both emulators record it. */
export interface RecordedExchange {
  method: string;
  path: string;
  query: Record<string, string>;
  status: number;
  requestBody: unknown;
  requestHeaders: Record<string, string>;
  responseBody: unknown;
  /** The route it was served as (GitLab: `PUT /projects/:id/…`; GitHub: the OpenAPI operation). */
  operation?: string | undefined;
  fault?: string | undefined;
}

/** The emulator side of a release, the same for both platforms. */
export interface ReleaseSide {
  readonly platform: ReleasePlatform;
  readonly url: string;
  readonly token: string;
  requests(): RecordedExchange[];
  injectFault(fault: FaultSpec): void;
  clearFaults(): void;
  clearRequests(): void;
  tags(): { name: string; commit: string; annotated: boolean }[];
  releases(): { tag: string; name: string; body: string; milestones: string[] }[];
  milestones(): { title: string; state: 'open' | 'closed' }[];
  /** Commits pushed with git (outside the API). */
  push(...commits: string[]): void;
  stop(): Promise<void>;
}

function githubSide(emulator: GitHubEmulator): ReleaseSide {
  return {
    platform: 'github',
    url: emulator.url,
    token: GITHUB_TOKEN,
    requests: () => emulator.requests,
    injectFault: (fault) => emulator.injectFault(fault),
    clearFaults: () => emulator.clearFaults(),
    clearRequests: () => emulator.clearRequests(),
    tags: () =>
      emulator.listTags(RELEASE_REPO).map(({ name, commit, annotated }) => ({ name, commit, annotated })),
    releases: () =>
      emulator.listReleases(RELEASE_REPO).map((release) => ({
        tag: String(release['tag_name']),
        name: String(release['name']),
        body: String(release['body']),
        milestones: [],
      })),
    milestones: () =>
      emulator.listMilestones(RELEASE_REPO).map((milestone) => ({
        title: milestone.title,
        state: milestone.state === 'closed' ? 'closed' : 'open',
      })),
    push: (...commits) => emulator.addCommits(RELEASE_REPO, ...commits),
    stop: () => emulator.stop(),
  };
}

function gitlabSide(emulator: GitLabEmulator): ReleaseSide {
  return {
    platform: 'gitlab',
    url: emulator.url,
    token: GITLAB_TOKEN,
    requests: () => emulator.requests,
    injectFault: (fault) => emulator.injectFault(fault),
    clearFaults: () => emulator.clearFaults(),
    clearRequests: () => emulator.clearRequests(),
    tags: () =>
      emulator.listTags(RELEASE_REPO).map((tag) => {
        const commit = tag['commit'] as { id?: string } | null;
        return {
          name: String(tag['name']),
          commit: String(commit?.id ?? tag['target']),
          annotated: Boolean(tag['message']),
        };
      }),
    releases: () =>
      emulator.listReleases(RELEASE_REPO).map((release) => ({
        tag: String(release['tag_name']),
        name: String(release['name']),
        body: String(release['description']),
        milestones: ((release['milestones'] ?? []) as { title: string }[]).map(
          (milestone) => milestone.title,
        ),
      })),
    milestones: () =>
      emulator.listMilestones(RELEASE_REPO).map((milestone) => ({
        title: milestone.title,
        state: milestone.state === 'closed' ? 'closed' : 'open',
      })),
    push: (...commits) => emulator.addCommits(RELEASE_REPO, ...commits),
    stop: () => emulator.stop(),
  };
}

/** A write as an emulator recorded it, with what it takes to send it again. */
export interface ReplayedWrite {
  method: string;
  path: string;
  query: Record<string, string>;
  contentType: string | undefined;
  body: unknown;
}

export interface ReleaseFixture {
  platform: ReleasePlatform;
  /** The repository folder (state file and features inside), ready for the release. */
  dir: string;
  /** Every commit of the repository (pushed to the platform). */
  commits: string[];
  /** The commit v1.0.0 tags. */
  v100: string;
  writes: ReplayedWrite[];
  dispose: () => Promise<void>;
}

/** The emulator behind a side (to push commits and tags outside the API). */
const emulators = new WeakMap<ReleaseSide, GitHubEmulator | GitLabEmulator>();

async function startSide(platform: ReleasePlatform): Promise<ReleaseSide> {
  if (platform === 'github') {
    const emulator = await GitHubEmulator.start({ secondaryLimits: false });
    emulator.addRepository(RELEASE_REPO);
    emulator.addToken(GITHUB_TOKEN, {
      repositories: [RELEASE_REPO],
      permissions: { issues: 'write', contents: 'write', metadata: 'read' },
    });
    const side = githubSide(emulator);
    emulators.set(side, emulator);
    return side;
  }
  const emulator = await GitLabEmulator.start({ rateLimit: false });
  emulator.addGroup('acme');
  emulator.addProject(RELEASE_REPO);
  emulator.addUser('release-bot');
  emulator.addMember(RELEASE_REPO, 'release-bot', 30);
  emulator.addToken(GITLAB_TOKEN, { user: 'release-bot', scopes: ['api'] });
  const side = gitlabSide(emulator);
  emulators.set(side, emulator);
  return side;
}

async function startPushedSide(
  platform: ReleasePlatform,
  commits: string[],
  v100: string,
): Promise<ReleaseSide> {
  const side = await startSide(platform);
  const emulator = emulatorOf(side);
  if (emulator instanceof GitHubEmulator) {
    emulator.addCommits(RELEASE_REPO, ...commits);
    // The earlier release's tag, pushed with git: a ref straight at the commit.
    await replayWrite(side, {
      method: 'POST',
      path: `/repos/${RELEASE_REPO}/git/refs`,
      query: {},
      contentType: 'application/json',
      body: { ref: 'refs/tags/v1.0.0', sha: v100 },
    });
  } else {
    emulator.addCommits(RELEASE_REPO, ...commits);
    emulator.pushTag(RELEASE_REPO, 'v1.0.0', v100, 'Release v1.0.0');
  }
  side.clearRequests();
  return side;
}

function emulatorOf(side: ReleaseSide): GitHubEmulator | GitLabEmulator {
  const emulator = emulators.get(side);
  if (!emulator) throw new Error('not a side started here');
  return emulator;
}

/** Sends a recorded write again (GitHub or GitLab, by the side's platform). */
export async function replayWrite(
  side: Pick<ReleaseSide, 'url' | 'platform' | 'token'>,
  write: ReplayedWrite,
): Promise<void> {
  const query = new URLSearchParams(write.query).toString();
  const url = `${side.url}${side.platform === 'gitlab' ? '/api/v4' : ''}${write.path}${query ? `?${query}` : ''}`;
  const body =
    write.body === undefined
      ? undefined
      : typeof write.body === 'string'
        ? write.body
        : JSON.stringify(write.body);
  const response = await fetch(url, {
    method: write.method,
    headers: {
      ...(side.platform === 'github'
        ? { authorization: `token ${side.token}`, accept: 'application/vnd.github+json' }
        : { 'private-token': side.token, accept: 'application/json' }),
      'user-agent': 'orchestrator-git-reliability-replay',
      ...(write.contentType ? { 'content-type': write.contentType } : {}),
    },
    ...(body === undefined ? {} : { body }),
  });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`replay of ${write.method} ${write.path} answered ${response.status}`);
}

/** git in a folder with a fixed identity and date, so the same changes make the same commit in every iteration. */
function git(dir: string, args: string[]): Promise<string> {
  const date = '2024-04-02T08:00:00Z';
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      args,
      {
        cwd: dir,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: dir,
          GIT_CONFIG_GLOBAL: '/dev/null',
          GIT_CONFIG_NOSYSTEM: '1',
          GIT_AUTHOR_NAME: 'Release Tester',
          GIT_AUTHOR_EMAIL: 'tester@example.com',
          GIT_COMMITTER_NAME: 'Release Tester',
          GIT_COMMITTER_EMAIL: 'tester@example.com',
          GIT_AUTHOR_DATE: date,
          GIT_COMMITTER_DATE: date,
          LC_ALL: 'C',
        },
      },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`git ${args.join(' ')} failed: ${String(stderr)}`, { cause: error }));
        else resolve(String(stdout));
      },
    );
  });
}

/** The repository's commit subjects, newest first. */
export async function gitLog(dir: string): Promise<string[]> {
  return (await git(dir, ['log', '--format=%H %s'])).split('\n').filter(Boolean);
}

export function headOf(dir: string): Promise<string> {
  return git(dir, ['rev-parse', 'HEAD']).then((text) => text.trim());
}

function inputs(side: ReleaseSide, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ...(side.platform === 'gitlab' ? { platform: 'gitlab' } : {}),
    'state-file': RELEASE_STATE_FILE,
    'features-dir': 'features',
    repository: RELEASE_REPO,
    'api-url': side.url,
    token: side.token,
    'write-delay-ms': '0',
    ...extra,
  };
}

/** One step of the release (the real engine, in-process). */
export async function releaseStep(
  side: ReleaseSide,
  dir: string,
  action: ReleaseAction,
): Promise<Extract<ReleaseRunResult, { kind: 'done' }>> {
  const result = await executeRelease({
    action,
    inputs: inputs(side, { 'release-version': RELEASE_VERSION, 'release-notes-template': 'hybrid' }),
    configPath: null,
    env: {},
    cwd: dir,
    log: silentLogger,
    runId: `release-${action}`,
    now: NOW,
  });
  if (result.kind !== 'done') throw new Error(`release ${action} was disabled: ${result.reason}`);
  return result;
}

/**
 * The workflow commits CHANGELOG.md when the changelog step changed it (or an earlier run left it uncommitted), and
 * pushes.
 */
export async function commitChangelog(side: ReleaseSide, dir: string): Promise<void> {
  if ((await git(dir, ['status', '--porcelain', '--', 'CHANGELOG.md'])).trim() === '') return;
  await git(dir, ['add', '--', 'CHANGELOG.md']);
  await git(dir, ['commit', '-q', '-m', `docs: changelog for ${RELEASE_VERSION}`]);
  side.push(await headOf(dir));
}

/**
 * The release workflow: the changelog step, the commit of CHANGELOG.md, the tag step. `stopAfterChangelog`: the process
 * dies between writing CHANGELOG.md and committing it.
 */
export async function releaseRun(
  side: ReleaseSide,
  dir: string,
  options: { stopAfterChangelog?: boolean } = {},
): Promise<Extract<ReleaseRunResult, { kind: 'done' }> | null> {
  await releaseStep(side, dir, 'changelog');
  if (options.stopAfterChangelog) return null;
  await commitChangelog(side, dir);
  return releaseStep(side, dir, 'tag');
}

/** The successful writes among recorded exchanges, in order: replayed on a fresh emulator they rebuild its state. */
export function recordedWrites(requests: RecordedExchange[]): ReplayedWrite[] {
  return requests
    .filter((request) => request.method !== 'GET' && request.status >= 200 && request.status < 300)
    .map((request) => ({
      method: request.method,
      path: request.path,
      query: request.query,
      contentType: request.requestHeaders['content-type'],
      body: request.requestBody,
    }));
}

/** Builds the fixture: repository, state, issues synced and the release milestone made, through the engine. */
export async function buildReleaseFixture(platform: ReleasePlatform): Promise<ReleaseFixture> {
  const repo = await GitRepo.create('og-reliability-release-');
  await copyFile(path.join(SAMPLES_DIR, 'v2-generic.db'), path.join(repo.dir, RELEASE_STATE_FILE));
  await cp(SAMPLE_FEATURES_DIR, path.join(repo.dir, 'features'), { recursive: true });
  await execSql(
    path.join(repo.dir, RELEASE_STATE_FILE),
    "UPDATE generic_tasks SET status = 'completed', completed_at = '2024-03-01 16:30:00' WHERE task_id = 'gt_root_0001'",
  );
  await repo.commit('chore: initial import', { files: {} });
  await repo.tag('v1.0.0');
  const v100 = await repo.head();
  await repo.commit('feat(sync): issues follow the orchestrator');
  await repo.commit('fix: keep labels people add\n\nCloses #4');
  const commits = (await repo.git(['rev-list', '--reverse', '--all'])).split('\n').filter(Boolean);
  const side = await startPushedSide(platform, commits, v100);
  try {
    const synced = await executeIssueSync({
      inputs: { ...inputs(side), 'create-completed': 'true' },
      configPath: null,
      env: {},
      cwd: repo.dir,
      log: silentLogger,
      runId: 'issue-sync',
    });
    if (synced.kind !== 'synced' || synced.outcome.counts.failed > 0)
      throw new Error('the release fixture: issue sync failed');
    const milestone = await releaseStep(side, repo.dir, 'milestone');
    if ((milestone.sync?.counts.failed ?? 1) > 0)
      throw new Error('the release fixture: milestone step failed');
    const writes = recordedWrites(side.requests());
    return {
      platform,
      dir: repo.dir,
      commits,
      v100,
      writes,
      dispose: () => repo.dispose(),
    };
  } finally {
    await side.stop();
  }
}

/**
 * The fixture one step on: the changelog step run and CHANGELOG.md committed and pushed, so a crash loop over the tag
 * step starts there. (The entry links to the platform by its address, which differs per emulator: the changelog step
 * is not run again in that loop.)
 */
export async function withChangelog(fixture: ReleaseFixture): Promise<ReleaseFixture> {
  const { side, dir, dispose } = await freshRelease(fixture);
  try {
    await releaseStep(side, dir, 'changelog');
    await commitChangelog(side, dir);
    const kept = await mkdtemp(path.join(os.tmpdir(), 'og-reliability-release-'));
    await cp(dir, kept, { recursive: true });
    return {
      ...fixture,
      dir: kept,
      commits: [...fixture.commits, await headOf(kept)],
      dispose: () => rm(kept, { recursive: true, force: true }),
    };
  } finally {
    await dispose();
  }
}

/** A fresh emulator in the fixture's state and a copy of its repository folder. */
export async function freshRelease(
  fixture: ReleaseFixture,
): Promise<{ side: ReleaseSide; dir: string; dispose: () => Promise<void> }> {
  const side = await startPushedSide(fixture.platform, fixture.commits, fixture.v100);
  for (const write of fixture.writes) await replayWrite(side, write);
  side.clearRequests();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'og-reliability-release-copy-'));
  await cp(fixture.dir, dir, { recursive: true });
  return {
    side,
    dir,
    dispose: async () => {
      await side.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
