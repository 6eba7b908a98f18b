import { deriveDesiredState } from '../../../src/core/desired.js';
import { planSync, type Operation } from '../../../src/core/plan.js';
import { DEFAULT_POLICY } from '../../../src/core/policy.js';
import type { SyncOutcome } from '../../../src/engine/sync.js';
import { emptyStats } from '../../../src/platforms/types.js';
import { planJson, renderSummary } from '../../../src/report/summary.js';
import { feature, orchestratorState, task } from '../../../test-support/builders.js';
import { actualOf, newModel } from '../../../test-support/platform-model.js';

function outcomeFor(dryRun: boolean): SyncOutcome {
  const state = orchestratorState({
    features: [feature('F1', { title: 'Login | SSO <b>now</b>' })],
    tasks: [task('t1', { title: 'Ping @octocat about #12', status: 'in_progress', assignee: 'mallory' })],
  });
  const desired = deriveDesiredState(state, DEFAULT_POLICY);
  const plan = planSync(desired, actualOf(newModel()), {
    policy: DEFAULT_POLICY,
    links: new Map(),
    ownedAssignees: new Map(),
    createMilestones: true,
  });
  const issueOperations: Operation[] = plan.operations.filter(
    (operation) => operation.kind === 'createIssue',
  );
  return {
    runId: '42-1',
    dryRun,
    repository: 'acme/widgets',
    plan,
    results: dryRun
      ? []
      : plan.operations.map((operation) => {
          const index = issueOperations.indexOf(operation);
          return index < 0
            ? { operation, status: 'done' as const, issue: null, error: null }
            : {
                operation,
                status: 'done' as const,
                issue: { number: index + 1, url: `https://github.com/acme/widgets/issues/${index + 1}` },
                error: null,
              };
        }),
    counts: {
      created: dryRun ? 0 : 2,
      updated: 0,
      closed: 0,
      reopened: 0,
      unchanged: 0,
      failed: 0,
      skipped: 0,
      conflicts: 0,
      orphans: 0,
    },
    links: dryRun
      ? []
      : issueOperations.map((operation, index) => ({
          itemKey: operation.kind === 'createIssue' ? operation.itemKey : '',
          number: index + 1,
          url: `https://github.com/acme/widgets/issues/${index + 1}`,
        })),
    stats: { ...emptyStats(), reads: 2, writes: dryRun ? 0 : 9 },
    stoppedBy: null,
    stateSaved: !dryRun,
    items: desired.issues.map(({ itemKey, title, status }) => ({
      itemKey,
      title,
      status: status.replace(/_/g, ' '),
    })),
  };
}

describe('job summary', () => {
  it('renders counts, the progress chart, linked changes, every item and the notes', () => {
    expect(renderSummary(outcomeFor(false))).toMatchSnapshot();
  });

  it('renders a dry run as planned changes', () => {
    const summary = renderSummary(outcomeFor(true));
    expect(summary).toContain('(dry run: nothing was changed)');
    expect(summary).toContain('### Planned changes');
    expect(summary).not.toContain('](https://');
  });

  it('keeps untrusted text inert: no raw HTML, table breaks or mentions', () => {
    const summary = renderSummary(outcomeFor(false));
    expect(summary).not.toContain('<b>');
    expect(summary).toContain('Login &#124; SSO &lt;b&gt;now&lt;/b&gt;');
    expect(summary).not.toMatch(/(^|[^\\])@octocat/);
  });

  it('gives the plan as JSON without bodies', () => {
    const json = JSON.parse(planJson(outcomeFor(true).plan)) as { operations: Record<string, unknown>[] };
    expect(json.operations.some((operation) => 'write' in operation || 'body' in operation)).toBe(false);
    expect(json.operations.filter((operation) => operation.kind === 'createIssue')).toHaveLength(2);
  });
});
