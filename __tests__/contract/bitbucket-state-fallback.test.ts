/**
 * Contract tests of the Bitbucket adapter's state fallback, over real HTTP against emulators whose PUT does not take
 * `state` (option `putState`: dropped, or refused with a 400): an update still lands in the asked-for workflow state,
 * through `POST …/changes`, and once the adapter has seen that, later updates set the state there directly.
 */

import { BitbucketIssueTracker } from '../../src/platforms/bitbucket/issues.js';
import { BitbucketEmulator, type RecordedRequest } from '../../test-support/emulators/bitbucket/index.js';
import { validateExchange } from '../../test-support/openapi-bitbucket/index.js';

const ISSUE = (n: number): string => `/repositories/acme/app/issues/${n}`;

async function start(putState: 'ignored' | 'refused'): Promise<BitbucketEmulator> {
  const bb = await BitbucketEmulator.start({ rateLimit: false, putState });
  bb.addRepository('acme/app');
  bb.addToken('wat-secret-token', { kind: 'workspace', workspace: 'acme', scopes: ['issue:write'] });
  return bb;
}

function tracker(bb: BitbucketEmulator, logged: string[]): BitbucketIssueTracker {
  return new BitbucketIssueTracker('acme/app', {
    auth: { kind: 'bearer', token: 'wat-secret-token' },
    baseUrl: bb.url,
    retryBaseMs: 1,
    log: (message) => logged.push(message),
  });
}

const sent = (requests: RecordedRequest[]): Array<[string, string, unknown]> =>
  requests.map((r) => [r.method, r.path, r.requestBody]);

/** Every successful exchange fits the documented operations. */
function schemaProblems(bb: BitbucketEmulator): string[] {
  return bb.requests
    .filter((r) => r.status < 300)
    .flatMap((r) =>
      validateExchange({
        method: r.method,
        pathTemplate: (r.operation ?? '').slice((r.operation ?? '').indexOf(' ') + 1),
        requestBody: r.requestBody,
        status: r.status,
        responseBody: r.responseBody,
      }),
    );
}

describe('Bitbucket adapter, when a PUT does not set the workflow state', () => {
  it('dropped: sets it through POST …/changes, reads the issue back, and goes there directly afterwards', async () => {
    const bb = await start('ignored');
    try {
      const logged: string[] = [];
      const t = tracker(bb, logged);
      const empty = { body: '', labels: [], assignees: [], milestone: null };
      const first = await t.createIssue({ title: 'One', ...empty });
      const second = await t.createIssue({ title: 'Two', ...empty });

      let mark = bb.requests.length;
      const closed = await t.updateIssue(first.number, {
        state: 'closed',
        stateReason: 'completed',
        body: 'Done',
      });
      expect(sent(bb.requests.slice(mark))).toEqual([
        ['PUT', ISSUE(first.number), { content: { raw: 'Done' }, state: 'resolved' }],
        ['POST', `${ISSUE(first.number)}/changes`, { changes: { state: { new: 'resolved' } } }],
        ['GET', ISSUE(first.number), undefined],
      ]);
      expect([closed.state, closed.stateReason, closed.body, closed.attributes?.['state']]).toEqual([
        'closed',
        'completed',
        'Done',
        'resolved',
      ]);
      expect(logged).toEqual([
        `Bitbucket: an edit left issue #${first.number} in state "new" instead of "resolved"; states are set through POST …/changes from now on.`,
      ]);

      mark = bb.requests.length;
      const held = await t.updateIssue(second.number, {
        attributes: { state: 'on hold' },
        title: 'Two, held',
      });
      expect(sent(bb.requests.slice(mark))).toEqual([
        ['POST', `${ISSUE(second.number)}/changes`, { changes: { state: { new: 'on hold' } } }],
        ['PUT', ISSUE(second.number), { title: 'Two, held' }],
      ]);
      expect([held.state, held.title, held.attributes?.['state']]).toEqual(['open', 'Two, held', 'on hold']);
      expect(logged).toHaveLength(1);
      expect(schemaProblems(bb)).toEqual([]);
    } finally {
      await bb.stop();
    }
  });

  it('refused (400 naming state): sets it through POST …/changes, then writes the other fields', async () => {
    const bb = await start('refused');
    try {
      const logged: string[] = [];
      const t = tracker(bb, logged);
      const issue = await t.createIssue({
        title: 'One',
        body: '',
        labels: [],
        assignees: [],
        milestone: null,
      });

      const mark = bb.requests.length;
      const closed = await t.updateIssue(issue.number, {
        state: 'closed',
        stateReason: 'not_planned',
        title: 'One, dropped',
      });
      expect(bb.requests.slice(mark).map((r) => [r.method, r.path, r.status])).toEqual([
        ['PUT', ISSUE(issue.number), 400],
        ['POST', `${ISSUE(issue.number)}/changes`, 201],
        ['PUT', ISSUE(issue.number), 200],
      ]);
      expect(bb.requests.at(-1)?.requestBody).toEqual({ title: 'One, dropped' });
      expect([closed.state, closed.stateReason, closed.title, closed.attributes?.['state']]).toEqual([
        'closed',
        'not_planned',
        'One, dropped',
        'wontfix',
      ]);
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatch(
        /may not set its state .*; states are set through POST …\/changes from now on\.$/,
      );
      expect(schemaProblems(bb)).toEqual([]);
    } finally {
      await bb.stop();
    }
  });
});
