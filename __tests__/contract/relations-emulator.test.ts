/**
 * Contract of the GitHub emulator's sub-issue and blocked-by endpoints, through the adapter's own client: behaviour
 * and limits, and every exchange checked against api.github.com's OpenAPI description.
 */
import { GitHubEmulator, type RecordedRequest } from '../../test-support/emulators/github/index.js';
import { validateExchange } from '../../test-support/openapi/index.js';
import { GitHubIssueTracker } from '../../src/platforms/github/issues.js';
import { OrchestratorGitError } from '../../src/errors.js';

let gh: GitHubEmulator;
let tracker: GitHubIssueTracker;
const exchanges: RecordedRequest[] = [];

beforeAll(async () => {
  gh = await GitHubEmulator.start({ secondaryLimits: false });
  gh.addRepository('acme/app');
  gh.addToken('ghs_w', { permissions: { issues: 'write', metadata: 'read' } });
  tracker = new GitHubIssueTracker('acme/app', {
    token: 'ghs_w',
    baseUrl: gh.url,
    writeDelayMs: 0,
    retries: 0,
  });
});
afterAll(async () => {
  exchanges.push(...gh.requests);
  await gh.stop();
});

async function issue(title: string): Promise<{ number: number; id: number }> {
  const created = await tracker.createIssue({ title, body: '', labels: [], assignees: [], milestone: null });
  if (created.databaseId === undefined) throw new Error('no numeric id');
  return { number: created.number, id: created.databaseId };
}

describe('sub-issues and blocked-by (emulator contract)', () => {
  it('attaches by id, orders, moves with replace_parent, detaches, and reports it on the issue', async () => {
    const parent = await issue('parent');
    const [a, b, c] = [await issue('a'), await issue('b'), await issue('c')];
    for (const child of [a, b, c]) await tracker.relations.addSubIssue(parent.number, child.id, false);
    await tracker.relations.reorderSubIssue(parent.number, c.id, { beforeId: a.id });
    await tracker.relations.reorderSubIssue(parent.number, a.id, { afterId: b.id });
    expect((await tracker.relations.listSubIssues(parent.number)).map((x) => x.number)).toEqual([
      c.number,
      b.number,
      a.number,
    ]);
    const listed = (await tracker.getIssue(a.number))?.relations;
    expect(listed).toEqual({
      parentNumber: parent.number,
      parentElsewhere: false,
      subIssues: 0,
      blockedBy: 0,
    });
    expect((await tracker.getIssue(parent.number))?.relations?.subIssues).toBe(3);

    const other = await issue('other parent');
    // One parent per issue: without replace_parent GitHub refuses, with it the issue moves.
    await expect(tracker.relations.addSubIssue(other.number, a.id, false)).rejects.toThrow(
      /only have one parent/,
    );
    await tracker.relations.addSubIssue(other.number, a.id, true);
    expect((await tracker.relations.listSubIssues(parent.number)).map((x) => x.number)).toEqual([
      c.number,
      b.number,
    ]);
    await tracker.relations.removeSubIssue(other.number, a.id);
    expect(await tracker.relations.listSubIssues(other.number)).toEqual([]);
    // By number instead of id: refused, not silently attached to another issue.
    await expect(tracker.relations.addSubIssue(parent.number, 999_999, false)).rejects.toBeInstanceOf(
      OrchestratorGitError,
    );
  });

  it('refuses a 101st sub-issue and a ninth level, with a message naming the limit', async () => {
    const parent = await issue('full');
    for (let index = 0; index < 100; index += 1)
      await tracker.relations.addSubIssue(parent.number, (await issue(`c${index}`)).id, false);
    await expect(
      tracker.relations.addSubIssue(parent.number, (await issue('c100')).id, false),
    ).rejects.toThrow(/more than 100 sub-issues/);
    const chain = [await issue('level 1')];
    for (let level = 2; level <= 8; level += 1) {
      const next = await issue(`level ${level}`);
      await tracker.relations.addSubIssue(chain[chain.length - 1]?.number ?? 0, next.id, false);
      chain.push(next);
    }
    await expect(
      tracker.relations.addSubIssue(chain[7]?.number ?? 0, (await issue('level 9')).id, false),
    ).rejects.toThrow(/more than 8 levels/);
  });

  it('adds, lists and removes blocked-by by id, counted on the issue', async () => {
    const blocked = await issue('blocked');
    const blocker = await issue('blocker');
    await tracker.relations.addBlockedBy(blocked.number, blocker.id);
    expect((await tracker.relations.listBlockedBy(blocked.number)).map((x) => x.number)).toEqual([
      blocker.number,
    ]);
    expect((await tracker.getIssue(blocked.number))?.relations?.blockedBy).toBe(1);
    await expect(tracker.relations.addBlockedBy(blocked.number, blocker.id)).rejects.toThrow(
      /already blocked/,
    );
    await tracker.relations.removeBlockedBy(blocked.number, blocker.id);
    expect(await tracker.relations.listBlockedBy(blocked.number)).toEqual([]);
    await expect(tracker.relations.removeBlockedBy(blocked.number, blocker.id)).rejects.toBeInstanceOf(
      OrchestratorGitError,
    );
  });

  it('finds every relation exchange valid against api.github.com’s description', () => {
    const relation = [...exchanges, ...gh.requests].filter(
      (r) => r.operation !== undefined && /sub_issue|dependencies|parent/.test(r.operation) && r.status < 500,
    );
    expect(new Set(relation.map((r) => r.operation)).size).toBeGreaterThanOrEqual(6);
    const problems = relation.flatMap((r) =>
      validateExchange(
        {
          method: r.method,
          pathTemplate: (r.operation ?? '').slice((r.operation ?? '').indexOf(' ') + 1),
          requestBody: r.requestBody,
          status: r.status,
          responseBody: r.responseBody,
        },
        { strict: true },
      ),
    );
    expect([...new Set(problems)]).toEqual([]);
  });
});
