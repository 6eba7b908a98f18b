/**
 * Two runs at once on one repository, in-process (Promise.all), each with its own copy of the state file — two CI
 * jobs that started together. What happens is documented in docs/reliability.md:
 *
 * - first sync of new items: both runs list the repository before either creates, so each creates every item: one
 *   duplicate per item (a finding: nothing coordinates two runs). A later run reports every duplicate, keeps writing
 *   to the issue its own state links (or the oldest), never writes to the other copy, and never creates more;
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
  writesOf,
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
  it('can duplicate every item; a third run reports each duplicate, creates nothing and converges', async () => {
    const [first, second] = await Promise.all([a.sync(emulator), b.sync(emulator)]);
    expect(first.counts.failed + second.counts.failed).toBe(0);
    await expectStateOpens(a.stateFile);
    await expectStateOpens(b.stateFile);

    const after = issuesByKey(emulator);
    // Each item has one or two issues: never more than one per run.
    for (const key of ITEMS) expect([1, 2]).toContain(after.get(key)?.length);
    const duplicated = ITEMS.filter((key) => (after.get(key)?.length ?? 0) > 1);
    // Each run links every item to an issue that carries its marker.
    for (const scenario of [a, b]) {
      for (const link of await linksOf(scenario.stateFile))
        expect(after.get(link.key)).toContain(link.number);
    }
    const issueCount = issuesOf(emulator).length;

    // The third run, from A's state: nothing is created, every duplicate is reported, only A's issues are written.
    const { log, lines } = recordingLogger();
    const from = emulator.requests.length;
    const third = await a.sync(emulator, { log });
    expect(third.counts).toMatchObject({ created: 0, failed: 0 });
    expect(issuesOf(emulator)).toHaveLength(issueCount);
    const warned = third.plan.warnings.filter((note) => /also carries the marker of/.test(note.message));
    expect(warned.map((note) => note.itemKey).sort()).toEqual(duplicated);
    for (const key of duplicated) {
      expect(lines.some((line) => line.level === 'warning' && line.message.includes(key))).toBe(true);
    }
    const linkedByA = new Set((await linksOf(a.stateFile)).map((link) => link.number));
    for (const write of writesOf(emulator.requests.slice(from))) {
      expect(linkedByA).toContain(Number(/\/issues\/(\d+)$/.exec(write.path)?.[1]));
    }
    // From either copy of the state, nothing more to do, and still no new issue.
    await expectNoOp(a, emulator);
    await expectNoOp(b, emulator);
    expect(issuesOf(emulator)).toHaveLength(issueCount);
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
