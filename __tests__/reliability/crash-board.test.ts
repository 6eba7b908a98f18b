/**
 * Crash consistency of a board sync on GitHub Projects v2 (the emulator's GraphQL API). Two mixed plans, each run by the
 * real engine (`runBoardSync`) in-process:
 *
 * - a new board: the project created, its Progress field created, the Status options it lacks added, every card added
 *   with its Status and Progress;
 * - a board a person set up by hand: Status options added (GitHub rewrites the option list and clears every card's
 *   Status, which the sync writes back), cards added, three hand-added cards moved and their Progress changed, beside a
 *   draft, a pull request and a field of the person's own.
 *
 * The process "dies" at every API call k: the emulator drops the connection on call k (`dropped`) or handles it and
 * cuts the answer off (`lost answer`: the mutation lands, the process never learns its result); every later request is
 * answered 401, so nothing after call k lands. Then a fault-free run must converge on what a run without a fault leaves:
 * one project, each issue on it exactly once, every card's Status and Progress as desired, the person's items and
 * values as they were, the state file opening; and a further sync sends no mutation.
 */
import { STATUS_STASH_FIELD } from '../../src/board/plan.js';
import type { GitHubEmulator, RecordedRequest } from '../../test-support/emulators/github/index.js';
import { validateAgainstGitHub } from '../../test-support/emulators/github/graphql/schema.js';
import { validateAgainstOfficialSchema } from '../../test-support/emulators/gitlab/openapi.js';
import {
  boardsOf,
  buildBoardFixture,
  freshBoard,
  readableBoard,
  runBoard,
  withoutHumanStatus,
  type BoardFixture,
  type BoardStart,
  type HumanWork,
  type ReadableBoard,
} from '../../test-support/reliability/board-plan.js';
import {
  GITLAB_PROJECT,
  HUMAN_LABEL,
  buildGitLabBoardFixture,
  freshGitLabBoard,
  readableGitLabBoard,
  runGitLabBoard,
  type GitLabBoardFixture,
} from '../../test-support/reliability/board-gitlab-plan.js';
import { expectStateOpens, forEachConcurrently, messageOf } from '../../test-support/reliability/harness.js';

type Death = 'dropped' | 'lost answer';

function killAt(emulator: GitHubEmulator, k: number, death: Death): void {
  emulator.injectFault(
    death === 'dropped' ? { after: k - 1, kind: 'reset' } : { after: k - 1, kind: 'truncate' },
  );
  emulator.injectFault({
    after: k - 1,
    times: Number.POSITIVE_INFINITY,
    kind: 'status',
    status: 401,
    body: { message: 'Bad credentials (the process is dead)' },
  });
}

function queryOf(request: RecordedRequest): string {
  return String((request.requestBody as { query?: string } | undefined)?.query ?? '');
}

function mutations(emulator: GitHubEmulator): RecordedRequest[] {
  return emulator.requests.filter(
    (request) => request.path === '/graphql' && /^\s*mutation/.test(queryOf(request)),
  );
}

/** Each issue is on the board at most once (exactly once, for those the reference board has). */
function issueCounts(emulator: GitHubEmulator): Map<number, number> {
  const counts = new Map<number, number>();
  for (const project of boardsOf(emulator))
    for (const item of project.items)
      if (item.issue) counts.set(item.issue.number, (counts.get(item.issue.number) ?? 0) + 1);
  return counts;
}

let fixture: BoardFixture;

beforeAll(async () => {
  fixture = await buildBoardFixture();
}, 30_000);

describe.each<BoardStart>(['new', 'existing'])(
  'a board sync (%s board) killed at every API call',
  (start) => {
    /** What a fault-free sync leaves. */
    let reference: ReadableBoard;
    /** API calls of the sync when nothing fails. */
    let calls: number;
    /** 1-based call number of the Status options rewrite on the hand-made board (null on a new board). */
    let rewrite: number | null = null;

    /**
     * The call at whose death the person's Status values are lost (BUG 11): the rewrite itself when its answer is lost,
     * the write-back after it when that is dropped.
     */
    const lossAt = (death: Death): number | null =>
      rewrite === null ? null : death === 'lost answer' ? rewrite : rewrite + 1;

    beforeAll(async () => {
      const { emulator, scenario, dispose } = await freshBoard(fixture, start);
      try {
        const outcome = await runBoard(emulator, scenario);
        expect(outcome.counts.failed).toBe(0);
        expect(outcome.created).toBe(start === 'new');
        // The plan really is mixed.
        expect(outcome.counts.added).toBeGreaterThanOrEqual(start === 'new' ? 4 : 1);
        if (start === 'existing') {
          expect(outcome.counts.moved).toBeGreaterThanOrEqual(2);
          expect(outcome.plan.cards.filter((card) => card.kind === 'updateCard')).toHaveLength(3);
        }
        expect(emulator.requests.every((request) => request.status >= 200 && request.status < 300)).toBe(
          true,
        );
        for (const request of emulator.requests.filter((r) => r.path === '/graphql'))
          expect(validateAgainstGitHub(queryOf(request)).map((error) => error.message)).toEqual([]);
        const setUp = mutations(emulator).map((request) => queryOf(request));
        const created = mutations(emulator)
          .filter((request) => queryOf(request).includes('createProjectV2Field('))
          .map((request) => (request.requestBody as { variables?: { name?: string } }).variables?.name);
        // A new board gets the template's fields; the hand-made one only the temporary Status stash (BUG 11), which
        // a new board, whose cards have no Status yet, does without.
        expect(created.some((name) => name !== STATUS_STASH_FIELD)).toBe(start === 'new');
        expect(created.includes(STATUS_STASH_FIELD)).toBe(start === 'existing');
        // GitHub's default Status options lack Backlog and Blocked: added on both boards.
        expect(setUp.some((query) => query.includes('updateProjectV2Field('))).toBe(true);
        calls = emulator.requests.length;
        if (start === 'existing') {
          rewrite =
            1 + emulator.requests.findIndex((request) => queryOf(request).includes('updateProjectV2Field('));
          // The write-back of the cleared Status values follows the rewrite at once.
          expect(queryOf(emulator.requests[rewrite] as RecordedRequest)).toContain(
            'updateProjectV2ItemFieldValue(',
          );
        }
        const [project, ...others] = boardsOf(emulator);
        expect(others).toEqual([]);
        if (!project) throw new Error('no board');
        reference = readableBoard(emulator, project);
        expect([...issueCounts(emulator).values()].every((count) => count === 1)).toBe(true);
        emulator.clearRequests();
        const again = await runBoard(emulator, scenario);
        expect(again.counts).toMatchObject({ added: 0, moved: 0, updated: 0, failed: 0 });
        expect(mutations(emulator)).toEqual([]);
      } finally {
        await dispose();
      }
    }, 30_000);

    /** Kills the sync at call k, checks what the killed run left, runs the fault-free re-run and a further sync. */
    async function killAndRecover(
      k: number,
      death: Death,
    ): Promise<{ board: ReadableBoard; human: HumanWork | null; further: string[] }> {
      const { emulator, scenario, human, dispose } = await freshBoard(fixture, start);
      try {
        killAt(emulator, k, death);
        await runBoard(emulator, scenario).catch(() => null);
        expect(emulator.requests[k - 1]?.fault).toBe(death === 'dropped' ? 'reset' : 'truncate');
        expect(emulator.requests.slice(k).every((request) => request.status === 401)).toBe(true);
        expect(boardsOf(emulator).length).toBeLessThanOrEqual(1);
        expect([...issueCounts(emulator).values()].filter((count) => count > 1)).toEqual([]);
        await expectStateOpens(scenario.stateFile);

        emulator.clearFaults();
        const recovery = await runBoard(emulator, scenario);
        expect(recovery.results.filter((result) => result.status !== 'done')).toEqual([]);
        const [project, ...others] = boardsOf(emulator);
        expect(others).toEqual([]);
        if (!project) throw new Error('no board after the re-run');
        expect([...issueCounts(emulator).values()].filter((count) => count !== 1)).toEqual([]);
        await expectStateOpens(scenario.stateFile);
        const board = readableBoard(emulator, project);

        emulator.clearRequests();
        await runBoard(emulator, scenario);
        return { board, human, further: mutations(emulator).map((request) => queryOf(request).slice(0, 80)) };
      } finally {
        await dispose();
      }
    }

    it.each<Death>(['dropped', 'lost answer'])(
      'the process dies at call k (%s): for every k, a re-run converges and a further one sends no mutation',
      async (death) => {
        const ks = Array.from({ length: calls }, (_, i) => i + 1);
        const failures: string[] = [];
        await forEachConcurrently(ks, 4, async (k) => {
          try {
            const { board, human, further } = await killAndRecover(k, death);
            // At the one call where BUG 11 loses the person's Status values, everything else must still hold (the
            // values themselves are checked by the failing test below).
            if (k === lossAt(death) && human)
              expect(withoutHumanStatus(board, human)).toEqual(withoutHumanStatus(reference, human));
            else expect(board).toEqual(reference);
            expect(further).toEqual([]);
          } catch (error) {
            failures.push(`k=${k}: ${messageOf(error)}`);
          }
        });
        expect(failures).toEqual([]);
      },
      60_000,
    );

    if (start === 'existing') {
      // BUG 11 (docs/reliability.md): GitHub has no "add an option" mutation; updateProjectV2Field replaces the Status
      // options and clears every card's Status, and the adapter writes the values back from memory right after
      // (src/platforms/github/projects.ts, applySetup). A process that dies in between (the rewrite's answer lost, or
      // the write-back dropped) leaves the person's own items (a draft, a pull request) without their Status for good:
      // the managed cards get theirs from the plan, nothing remembers the others'.
      it.each<Death>(['dropped', 'lost answer'])(
        'the process dies between the Status options rewrite and the write-back (%s): the person’s Status values survive',
        async (death) => {
          const k = lossAt(death);
          if (k === null) throw new Error('no rewrite');
          const { board } = await killAndRecover(k, death);
          expect(board).toEqual(reference);
        },
        30_000,
      );
    }
  },
);

describe('a lost answer to the Status options rewrite while the process lives', () => {
  it.each<'truncate' | 'reset'>(['truncate', 'reset'])(
    'the sync completes (%s) and every card keeps its Status, the person’s included',
    async (kind) => {
      const reference = await freshBoard(fixture, 'existing');
      let expected: ReadableBoard;
      try {
        await runBoard(reference.emulator, reference.scenario);
        const [project] = boardsOf(reference.emulator);
        if (!project) throw new Error('no board');
        expected = readableBoard(reference.emulator, project);
      } finally {
        await reference.dispose();
      }
      const { emulator, scenario, dispose } = await freshBoard(fixture, 'existing');
      try {
        // The rewrite is the fifth GraphQL request (board lookup, card read, stash field, stashed values, rewrite).
        emulator.injectFault({ path: /^\/graphql$/, after: 4, kind });
        const outcome = await runBoard(emulator, scenario);
        expect(emulator.requests.filter((request) => request.fault !== undefined)).toHaveLength(1);
        expect(queryOf(emulator.requests.find((request) => request.fault) as RecordedRequest)).toContain(
          'updateProjectV2Field(',
        );
        // The client sent the rewrite again (the same list: idempotent), then wrote the values back.
        expect(
          emulator.requests.filter((request) => queryOf(request).includes('updateProjectV2Field(')),
        ).toHaveLength(2);
        expect(outcome.results.filter((result) => result.status !== 'done')).toEqual([]);
        const [project] = boardsOf(emulator);
        if (!project) throw new Error('no board');
        expect(readableBoard(emulator, project)).toEqual(expected);
      } finally {
        await dispose();
      }
    },
    30_000,
  );
});

describe.each<BoardStart>(['new', 'existing'])(
  'a GitLab board sync (%s board) killed at every API call',
  (start) => {
    let gitlab: GitLabBoardFixture;
    let reference: ReturnType<typeof readableGitLabBoard>;
    let calls: number;

    beforeAll(async () => {
      gitlab = await buildGitLabBoardFixture();
      const { emulator, dir, dispose } = await freshGitLabBoard(gitlab, start);
      try {
        const outcome = await runGitLabBoard(emulator, dir);
        expect(outcome.counts.failed).toBe(0);
        expect(outcome.created).toBe(start === 'new');
        if (start === 'new') expect(outcome.counts.added).toBeGreaterThanOrEqual(3);
        else expect(outcome.counts.moved).toBe(2);
        expect(emulator.requests.every((request) => request.status >= 200 && request.status < 300)).toBe(
          true,
        );
        calls = emulator.requests.length;
        expect(
          emulator.requests.flatMap((exchange) => validateAgainstOfficialSchema(exchange) ?? []),
        ).toEqual([]);
        reference = readableGitLabBoard(emulator);
        expect(reference.boards).toHaveLength(1);
        for (const labels of Object.values(reference.labels))
          expect(labels.filter((label) => label.startsWith('status::'))).toHaveLength(1);
        if (start === 'existing') expect(Object.values(reference.labels).flat()).toContain(HUMAN_LABEL);
        emulator.clearRequests();
        await runGitLabBoard(emulator, dir);
        expect(emulator.requests.filter((request) => request.method !== 'GET')).toEqual([]);
      } finally {
        await dispose();
      }
    }, 30_000);

    afterAll(async () => {
      await gitlab.dispose();
    });

    it.each<Death>(['dropped', 'lost answer'])(
      'the process dies at call k (%s): for every k, a re-run converges and a further one writes nothing',
      async (death) => {
        const ks = Array.from({ length: calls }, (_, i) => i + 1);
        const failures: string[] = [];
        await forEachConcurrently(ks, 4, async (k) => {
          const { emulator, dir, dispose } = await freshGitLabBoard(gitlab, start);
          try {
            emulator.injectFault(
              death === 'dropped' ? { after: k - 1, kind: 'reset' } : { after: k - 1, kind: 'truncate' },
            );
            emulator.injectFault({
              after: k - 1,
              times: Number.POSITIVE_INFINITY,
              kind: 'status',
              status: 401,
              body: { message: '401 Unauthorized' },
            });
            await runGitLabBoard(emulator, dir).catch(() => null);
            expect(emulator.requests[k - 1]?.fault).toBe(death === 'dropped' ? 'reset' : 'truncate');
            expect(emulator.requests.slice(k).every((request) => request.status === 401)).toBe(true);
            expect(emulator.listBoards(GITLAB_PROJECT).length).toBeLessThanOrEqual(1);

            emulator.clearFaults();
            const recovery = await runGitLabBoard(emulator, dir);
            expect(recovery.results.filter((result) => result.status !== 'done')).toEqual([]);
            expect(readableGitLabBoard(emulator)).toEqual(reference);
            emulator.clearRequests();
            await runGitLabBoard(emulator, dir);
            expect(
              emulator.requests
                .filter((request) => request.method !== 'GET')
                .map((request) => `${request.method} ${request.path}`),
            ).toEqual([]);
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
  },
);
