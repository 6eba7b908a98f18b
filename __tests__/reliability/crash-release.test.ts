/**
 * Crash consistency of a release, on GitHub and on GitLab. The release workflow (the changelog step, the commit of
 * CHANGELOG.md, the tag step: annotated tag, release with the notes — on GitLab linked to the milestone —, milestone
 * closed, release records written to the state) is run by the real engine, in-process, and the process "dies":
 *
 * - between writing CHANGELOG.md and committing it;
 * - at API call k of the tag step, for every k: the emulator drops the connection on call k (`dropped`: the request
 *   never lands) or handles it and cuts the answer off (`lost answer`: the write lands, the process never learns it);
 *   every later request is refused with a 401, so nothing after call k lands;
 * - after the last call, before the state is saved (the save is atomic: the file then holds what it held before).
 *
 * Then a fault-free run of the whole workflow must converge on what a run without a fault leaves: exactly one v1.1.0
 * tag, annotated, at the released commit; exactly one release with the same notes; the milestone closed, by exactly one
 * write; the same release records in the state; CHANGELOG.md with one entry for the version, committed once; and a
 * further tag step writes nothing. The state file opens after every run.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { OrchestratorGitError } from '../../src/errors.js';
import { validateAgainstOfficialSchema } from '../../test-support/emulators/gitlab/openapi.js';
import { validateReleaseExchange } from '../../test-support/emulators/gitlab/openapi-releases.js';
import { validateExchange } from '../../test-support/openapi/index.js';
import {
  expectStateOpens,
  forEachConcurrently,
  messageOf,
  querySql,
} from '../../test-support/reliability/harness.js';
import {
  RELEASE_STATE_FILE,
  RELEASE_TAG,
  buildReleaseFixture,
  freshRelease,
  gitLog,
  headOf,
  releaseRun,
  releaseStep,
  withChangelog,
  type RecordedExchange,
  type ReleaseFixture,
  type ReleasePlatform,
  type ReleaseSide,
} from '../../test-support/reliability/release-run.js';

/** Emulator ports differ between iterations: links in notes and records are compared without them. */
const portless = (text: string): string => text.replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:PORT');

interface EndState {
  tags: { name: string; commit: string; annotated: boolean }[];
  releases: { tag: string; name: string; body: string; milestones: string[] }[];
  milestones: { title: string; state: string }[];
  records: string;
  changelog: string;
  commits: string[];
}

async function endState(side: ReleaseSide, dir: string): Promise<EndState> {
  const file = path.join(dir, RELEASE_STATE_FILE);
  const records = {
    releases: await querySql(
      file,
      'SELECT platform, repository, tag, version, commit_sha, previous_tag, milestone, release_url, released_at FROM orchestrator_git_releases ORDER BY tag',
    ),
    items: await querySql(
      file,
      'SELECT tag, item_key FROM orchestrator_git_released_items ORDER BY tag, item_key',
    ),
    milestones: await querySql(
      file,
      'SELECT milestone_name, target_date, platform_milestone_id, included_features, status FROM release_milestones ORDER BY id',
    ),
  };
  // CHANGELOG.md links to the platform (its port), so the commit that adds it differs between iterations: the released
  // commit is compared as HEAD, the history by subjects.
  const head = await headOf(dir);
  const atHead = (text: string): string => portless(text).split(head).join('HEAD');
  return {
    tags: side
      .tags()
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((tag) => ({ ...tag, commit: atHead(tag.commit) })),
    releases: side.releases().map((release) => ({ ...release, body: portless(release.body) })),
    milestones: side.milestones(),
    records: atHead(JSON.stringify(records)),
    changelog: portless(await readFile(path.join(dir, 'CHANGELOG.md'), 'utf8')),
    commits: (await gitLog(dir)).map((line) => line.slice(line.indexOf(' ') + 1)),
  };
}

/** Milestone writes that landed (a dropped request did not; a lost answer did). */
function milestoneWrites(side: ReleaseSide): number {
  return side
    .requests()
    .filter(
      (request) =>
        request.method !== 'GET' &&
        /\/milestones\/\d+$/.test(request.path) &&
        request.status >= 200 &&
        request.status < 300 &&
        request.fault !== 'reset',
    ).length;
}

/** What the official description (GitHub's OpenAPI; GitLab's OpenAPI and its release schemas) says is wrong. */
function schemaProblems(platform: ReleasePlatform, exchange: RecordedExchange): string[] {
  if (platform === 'github')
    return validateExchange({
      method: exchange.method,
      path: exchange.path,
      requestBody: exchange.requestBody,
      status: exchange.status,
      responseBody: exchange.responseBody,
    });
  return [...(validateAgainstOfficialSchema(exchange) ?? []), ...(validateReleaseExchange(exchange) ?? [])];
}

type Death = 'dropped' | 'lost answer';

function killAt(side: ReleaseSide, k: number, death: Death): void {
  side.injectFault(
    death === 'dropped' ? { after: k - 1, kind: 'reset' } : { after: k - 1, kind: 'truncate' },
  );
  side.injectFault({
    after: k - 1,
    times: Number.POSITIVE_INFINITY,
    kind: 'status',
    status: 401,
    body: { message: 'Bad credentials (the process is dead)' },
  });
}

describe.each<ReleasePlatform>(['github', 'gitlab'])('a release on %s, killed at every step', (platform) => {
  let fixture: ReleaseFixture;
  /** The same, with CHANGELOG.md written and committed: where the tag step starts. */
  let changelogged: ReleaseFixture;
  /** What a fault-free release leaves. */
  let reference: EndState;
  /** API calls of the tag step when nothing fails. */
  let tagCalls: number;

  beforeAll(async () => {
    fixture = await buildReleaseFixture(platform);
    changelogged = await withChangelog(fixture);
    const { side, dir, dispose } = await freshRelease(changelogged);
    try {
      const tagged = await releaseStep(side, dir, 'tag');
      expect(tagged.publish).toMatchObject({ tag: 'created', release: 'created', milestone: 'closed' });
      expect(side.requests().every((request) => request.status < 300 || request.status === 404)).toBe(true);
      tagCalls = side.requests().length;
      // Every exchange as the platform's official description has it.
      expect(side.requests().flatMap((exchange) => schemaProblems(platform, exchange))).toEqual([]);
      expect(tagCalls).toBeGreaterThanOrEqual(7);
      reference = await endState(side, dir);
      expect(reference.tags.map((tag) => tag.name)).toEqual(['v1.0.0', RELEASE_TAG]);
      expect(reference.tags[1]).toEqual({ name: RELEASE_TAG, commit: 'HEAD', annotated: true });
      expect(reference.records).toContain('"commit_sha":"HEAD"');
      expect(reference.commits[0]).toBe('docs: changelog for 1.1.0');
      expect(reference.releases).toHaveLength(1);
      expect(reference.releases[0]?.body).toContain('### Orchestrator features');
      if (platform === 'gitlab') expect(reference.releases[0]?.milestones).toEqual([RELEASE_TAG]);
      expect(reference.milestones).toEqual([{ title: RELEASE_TAG, state: 'closed' }]);
      expect(reference.records).toContain('"status":"completed"');
      expect(reference.records).toContain('feature:AUTOMATION_MAINTENANCE_V1');
      expect(reference.changelog.match(/## \[1\.1\.0\]/g)).toHaveLength(1);
    } finally {
      await dispose();
    }
  }, 30_000);

  afterAll(async () => {
    await changelogged.dispose();
    await fixture.dispose();
  });

  /** The fault-free re-run (of the tag step only, or of the whole workflow) and everything it must leave. */
  async function expectRecovery(side: ReleaseSide, dir: string, from: 'tag' | 'changelog'): Promise<void> {
    side.clearFaults();
    if (from === 'tag') await releaseStep(side, dir, 'tag');
    else await releaseRun(side, dir);
    expect(await endState(side, dir)).toEqual(reference);
    expect(milestoneWrites(side)).toBe(1);
    await expectStateOpens(path.join(dir, RELEASE_STATE_FILE));
    // A further tag step writes nothing, on the platform or in the state.
    const state = await readFile(path.join(dir, RELEASE_STATE_FILE));
    side.clearRequests();
    const again = await releaseStep(side, dir, 'tag');
    expect(again.publish).toMatchObject({ tag: 'exists', release: 'unchanged', milestone: 'already-closed' });
    expect(side.requests().filter((request) => request.method !== 'GET')).toEqual([]);
    expect((await readFile(path.join(dir, RELEASE_STATE_FILE))).equals(state)).toBe(true);
  }

  it.each<Death>(['dropped', 'lost answer'])(
    'the process dies at API call k of the tag step (%s): for every k, a re-run converges',
    async (death) => {
      const ks = Array.from({ length: tagCalls }, (_, i) => i + 1);
      const failures: string[] = [];
      // The release client keeps its default retry back-off (1 s; executeRelease builds it from the inputs), so a
      // dropped or cut-off read waits before the 401 that ends the run: most of an iteration is that timer.
      await forEachConcurrently(ks, ks.length, async (k) => {
        const { side, dir, dispose } = await freshRelease(changelogged);
        try {
          killAt(side, k, death);
          const error = await releaseStep(side, dir, 'tag').then(
            () => null,
            (thrown: unknown) => thrown,
          );
          // The process did die at call k, with a catalogue error, and nothing after it landed.
          expect(side.requests()[k - 1]?.fault).toBe(death === 'dropped' ? 'reset' : 'truncate');
          expect(
            side
              .requests()
              .slice(k)
              .every((request) => request.status === 401),
          ).toBe(true);
          expect(error).toBeInstanceOf(OrchestratorGitError);
          expect(messageOf(error)).not.toContain(side.token);
          await expectStateOpens(path.join(dir, RELEASE_STATE_FILE));
          expect(side.tags().filter((tag) => tag.name === RELEASE_TAG).length).toBeLessThanOrEqual(1);
          expect(side.releases().length).toBeLessThanOrEqual(1);
          await expectRecovery(side, dir, 'tag');
        } catch (error) {
          failures.push(`k=${k}: ${messageOf(error)}`);
        } finally {
          await dispose();
        }
      });
      expect(failures).toEqual([]);
    },
    60_000,
  );

  it('the process dies between writing CHANGELOG.md and committing it: the re-run writes no second entry', async () => {
    const { side, dir, dispose } = await freshRelease(fixture);
    try {
      expect(await releaseRun(side, dir, { stopAfterChangelog: true })).toBeNull();
      expect(side.requests().filter((request) => request.method !== 'GET')).toEqual([]);
      await expectRecovery(side, dir, 'changelog');
    } finally {
      await dispose();
    }
  });

  it('the process dies after the last call, before the state is saved: the re-run writes the records', async () => {
    const { side, dir, dispose } = await freshRelease(changelogged);
    try {
      const file = path.join(dir, RELEASE_STATE_FILE);
      const before = await readFile(file);
      await releaseStep(side, dir, 'tag');
      // The save is atomic (a temp file renamed over the state): a process that died before it leaves the old file.
      await writeFile(file, before);
      await expectStateOpens(file);
      await expectRecovery(side, dir, 'tag');
    } finally {
      await dispose();
    }
  });
});
