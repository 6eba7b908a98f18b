/**
 * Two runs at once on one repository, in-process (Promise.all), each with its own copy of the state file — two CI
 * jobs that started together. What happens is documented in docs/reliability.md:
 *
 * - first sync of new items: both runs list the repository before either creates. Before creating, each looks again
 *   at what changed (engine/concurrent-runs.ts) and links an issue the other run already made; a copy made at the
 *   very same moment is found by the run's closing verification read and closed by the run that made the newer one,
 *   so exactly one issue per item stays open with the marker, and both states link to it;
 * - changes to items that already have issues: both runs patch the same issues; no duplicate, and the next run of
 *   either copy has nothing left to do.
 */
import type { GitHubEmulator } from '../../test-support/emulators/github/index.js';
import { buildDatabase, type Row } from '../../test-support/fixtures/build-db.js';
import {
  Scenario,
  execSql,
  expectConsistent,
  expectNoOp,
  expectStateOpens,
  issuesByKey,
  issuesOf,
  linksOf,
  recordingLogger,
  startEmulator,
} from '../../test-support/reliability/harness.js';

const ITEMS = ['task:c1', 'task:c2', 'task:c3', 'task:c4'];

function tasks(): Row[] {
  return ITEMS.map((key, i) => ({
    task_id: key.slice('task:'.length),
    title: `Concurrent task ${i + 1}`,
    description: `Task ${i + 1}, synced by two runs at once.`,
    hierarchy_path: `/${key.slice('task:'.length)}`,
    status: 'pending',
    specialist_type: 'implementer',
  }));
}

let emulator: GitHubEmulator;
let a: Scenario;
let b: Scenario;

beforeEach(async () => {
  emulator = await startEmulator();
  a = await Scenario.create(await buildDatabase('v2-generic', { generic_tasks: tasks() }));
  b = await a.copy();
});
afterEach(async () => {
  await emulator.stop();
  await a.dispose();
  await b.dispose();
});

describe('two first syncs at once', () => {
  it('leave one issue per item: a copy made at the same moment is found before creating, or closed after', async () => {
    const [first, second] = await Promise.all([a.sync(emulator), b.sync(emulator)]);
    expect(first.counts.failed + second.counts.failed).toBe(0);
    await expectStateOpens(a.stateFile);
    await expectStateOpens(b.stateFile);

    // Exactly one issue carries each item's marker; any second copy was closed with its marker taken off.
    const after = issuesByKey(emulator);
    for (const key of ITEMS) expect([key, after.get(key)?.length]).toEqual([key, 1]);
    const copies = issuesOf(emulator).filter((issue) =>
      /^Duplicate of #\d+: two orchestrator-git runs/.test(issue.body ?? ''),
    );
    for (const copy of copies) expect([copy.state, copy.state_reason]).toEqual(['closed', 'not_planned']);
    expect(issuesOf(emulator)).toHaveLength(ITEMS.length + copies.length);
    // Each run links every item to the issue that kept the marker.
    for (const scenario of [a, b]) {
      const links = await linksOf(scenario.stateFile);
      expect(links.map((link) => link.key).sort()).toEqual(ITEMS);
      for (const link of links) expect(after.get(link.key)).toEqual([link.number]);
    }

    // A third run from either copy has nothing to do, reports nothing, and creates nothing.
    const { log, lines } = recordingLogger();
    const third = await a.sync(emulator, { log });
    expect(third.counts).toMatchObject({ created: 0, failed: 0 });
    expect(lines.filter((line) => /also carries the marker/.test(line.message))).toEqual([]);
    await expectNoOp(a, emulator);
    await expectNoOp(b, emulator);
    expect(issuesOf(emulator)).toHaveLength(ITEMS.length + copies.length);
  });

  it('a run held up on its first create while the other creates everything: that copy is closed, the rest linked', async () => {
    // B's first issue create is held for 1.5 s; A syncs everything meanwhile.
    emulator.injectFault({
      method: 'POST',
      path: /^\/repos\/acme\/widgets\/issues$/,
      kind: 'delay',
      ms: 1_500,
    });
    const runB = b.sync(emulator);
    // B has read the platform and looked again just before its first create (two issue lists).
    const lists = () =>
      emulator.requests.filter(
        (request) => request.method === 'GET' && request.path === '/repos/acme/widgets/issues',
      );
    while (lists().length < 2) await new Promise((resolve) => setTimeout(resolve, 10));
    const first = await a.sync(emulator);
    expect(first.counts).toMatchObject({ created: ITEMS.length, failed: 0 });
    const second = await runB;

    // B's held create landed after A's issues (a gap in the numbers), so B looked again and linked the other three.
    const adopted = second.results.filter((result) => result.status === 'skipped');
    expect(adopted).toHaveLength(ITEMS.length - 1);
    for (const result of adopted)
      expect(result.error).toMatch(/^created meanwhile by another run as #\d+; linked/);
    // Its one copy was closed after the run, and B links every item to A's issues.
    expect(
      second.plan.warnings.filter((note) => /was closed as a duplicate/.test(note.message)),
    ).toHaveLength(1);
    const after = issuesByKey(emulator);
    for (const key of ITEMS) expect(after.get(key)).toHaveLength(1);
    for (const link of await linksOf(b.stateFile)) expect(after.get(link.key)).toEqual([link.number]);
    await expectNoOp(a, emulator);
    await expectNoOp(b, emulator);
  });
});

describe('two syncs of the same change at once', () => {
  it('patch the same issues: no duplicate, and either copy then converges', async () => {
    await a.sync(emulator);
    await b.writeState(await a.readState());
    for (const scenario of [a, b]) {
      await execSql(scenario.stateFile, "UPDATE generic_tasks SET status = 'completed' WHERE task_id = 'c1'");
      await execSql(scenario.stateFile, "UPDATE generic_tasks SET title = 'Renamed' WHERE task_id = 'c2'");
    }
    const [first, second] = await Promise.all([a.sync(emulator), b.sync(emulator)]);
    expect(first.counts.failed + second.counts.failed).toBe(0);
    expect(first.counts.created + second.counts.created).toBe(0);
    expect(issuesOf(emulator)).toHaveLength(ITEMS.length);
    await expectConsistent(a, emulator, ITEMS);
    await expectConsistent(b, emulator, ITEMS);
  });
});
