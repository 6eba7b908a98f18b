import fc from 'fast-check';
import { deriveDesiredState } from '../../../src/core/desired.js';
import { planSync, type Plan, type PlanContext } from '../../../src/core/plan.js';
import { DEFAULT_POLICY, type SyncPolicy } from '../../../src/core/policy.js';
import type { OrchestratorState, TaskStatus } from '../../../src/state/types.js';
import { feature, orchestratorState, task } from '../../../test-support/builders.js';
import { actualOf, applyPlan, newModel, type ModelPlatform } from '../../../test-support/platform-model.js';

function context(policy: SyncPolicy = DEFAULT_POLICY, links = new Map<string, number>()): PlanContext {
  return { policy, links, ownedAssignees: new Map(), createMilestones: true };
}

function sync(model: ModelPlatform, state: OrchestratorState, policy: SyncPolicy = DEFAULT_POLICY): Plan {
  const plan = planSync(deriveDesiredState(state, policy), actualOf(model), context(policy));
  applyPlan(model, plan);
  return plan;
}

const kinds = (plan: Plan) =>
  plan.operations.map((operation) => (operation.kind === 'updateIssue' ? operation.change : operation.kind));

describe('planSync', () => {
  const base = orchestratorState({
    features: [feature('F1')],
    tasks: [
      task('t1', { status: 'in_progress', assignee: 'alice' }),
      task('t1a', { parentId: 't1', status: 'pending' }),
      task('t2', { status: 'pending' }),
    ],
  });

  it('creates labels first, then one issue per desired item, and nothing on the second run', () => {
    const model = newModel();
    const first = sync(model, base);
    expect(kinds(first)).toEqual([
      ...Array(first.operations.filter((operation) => operation.kind === 'createLabel').length).fill(
        'createLabel',
      ),
      'createIssue',
      'createIssue',
      'createIssue',
    ]);
    expect(model.issues).toHaveLength(3);
    const second = sync(model, base);
    expect(second.operations).toEqual([]);
    expect(second.unchanged).toHaveLength(3);
  });

  it('updates exactly the issue whose item changed, closing and reopening it with the right reason', () => {
    const model = newModel();
    sync(model, base);
    const progressed = structuredClone(base);
    const t1a = progressed.tasks.find((item) => item.id === 't1a');
    if (t1a) t1a.status = 'completed';
    const update = sync(model, progressed);
    expect(update.operations).toHaveLength(1);
    expect(update.operations[0]).toMatchObject({
      kind: 'updateIssue',
      itemKey: 'task:t1',
      change: 'updated',
      fields: ['body'],
    });

    const finished = structuredClone(progressed);
    for (const item of finished.tasks) if (item.id === 't2') item.status = 'completed';
    const close = sync(model, finished);
    const issueOperations = (plan: Plan) =>
      plan.operations.filter((operation) => operation.kind === 'updateIssue');
    expect(issueOperations(close)).toMatchObject([
      {
        kind: 'updateIssue',
        itemKey: 'task:t2',
        change: 'closed',
        patch: { state: 'closed', stateReason: 'completed' },
      },
    ]);
    const reopened = sync(model, progressed);
    expect(issueOperations(reopened)).toMatchObject([
      {
        kind: 'updateIssue',
        itemKey: 'task:t2',
        change: 'reopened',
        patch: { state: 'open', stateReason: 'reopened' },
      },
    ]);
  });

  it('keeps human labels, assignees and free text, and replaces only its own status label', () => {
    const model = newModel();
    sync(model, base);
    const issue = model.issues.find((item) => item.title === 'Task t2');
    if (!issue) throw new Error('no issue');
    issue.labels.push('needs-triage');
    issue.assignees.push('bob');
    issue.body += '\nHuman notes stay.';
    expect(sync(model, base).operations).toEqual([]);

    const started = structuredClone(base);
    for (const item of started.tasks) if (item.id === 't2') item.status = 'in_progress';
    const plan = sync(model, started);
    expect(plan.operations).toHaveLength(1);
    expect(issue.labels).toContain('needs-triage');
    expect(issue.labels).toContain('status: in progress');
    expect(issue.labels).not.toContain('status: pending');
    expect(issue.assignees).toEqual(['bob']);
    expect(issue.body.endsWith('\nHuman notes stay.')).toBe(true);
  });

  it('restores owned fields a human changed by default, and only reports them under conflict-policy report', () => {
    const model = newModel();
    sync(model, base);
    const issue = model.issues.find((item) => item.title === 'Task t2');
    if (!issue) throw new Error('no issue');
    issue.state = 'closed';
    const reporting = { ...DEFAULT_POLICY, conflictPolicy: 'report' as const };
    const reported = planSync(deriveDesiredState(base, reporting), actualOf(model), context(reporting));
    expect(reported.operations).toEqual([]);
    expect(reported.conflicts).toMatchObject([{ itemKey: 'task:t2', issueNumber: issue.number }]);
    const restored = sync(model, base);
    expect(restored.operations).toMatchObject([
      { change: 'reopened', reason: expect.stringContaining('a human changed') },
    ]);
  });

  it('never creates a duplicate: markers are found without links, and copies of a marker are reported', () => {
    const model = newModel();
    sync(model, base);
    const original = model.issues[1];
    if (!original) throw new Error('no issue');
    model.issues.push({ ...structuredClone(original), number: 99, title: 'Pasted copy' });
    const plan = planSync(deriveDesiredState(base, DEFAULT_POLICY), actualOf(model), context());
    expect(plan.operations).toEqual([]);
    expect(plan.warnings).toMatchObject([
      { issueNumber: 99, message: expect.stringContaining('also carries the marker') },
    ]);
    // With a link naming the copy, the linked issue wins (its title is restored) and the original is reported.
    const linked = planSync(
      deriveDesiredState(base, DEFAULT_POLICY),
      actualOf(model),
      context(DEFAULT_POLICY, new Map([[plan.unchanged[1]?.itemKey ?? '', 99]])),
    );
    expect(linked.operations).toMatchObject([{ kind: 'updateIssue', number: 99, fields: ['title'] }]);
    expect(linked.warnings).toMatchObject([{ issueNumber: original.number }]);
  });

  it('skips items finished before their first sync unless create-completed is on', () => {
    const state = orchestratorState({
      tasks: [task('done', { status: 'completed' }), task('gone', { status: 'cancelled' })],
    });
    const skipped = planSync(deriveDesiredState(state, DEFAULT_POLICY), actualOf(newModel()), context());
    expect(skipped.operations).toEqual([]);
    expect(skipped.skipped).toHaveLength(2);
    const policy = { ...DEFAULT_POLICY, createCompleted: true };
    const created = planSync(deriveDesiredState(state, policy), actualOf(newModel()), context(policy));
    expect(created.operations.filter((operation) => operation.kind === 'createIssue')).toMatchObject([
      { itemKey: 'task:done', thenClose: 'completed' },
      { itemKey: 'task:gone', thenClose: 'not_planned' },
    ]);
  });

  it('reports unassignable logins and still syncs the rest of the issue', () => {
    const state = orchestratorState({ tasks: [task('t', { assignee: 'mallory' })] });
    const plan = planSync(deriveDesiredState(state, DEFAULT_POLICY), actualOf(newModel()), context());
    expect(plan.operations.find((operation) => operation.kind === 'createIssue')).toMatchObject({
      write: { assignees: [] },
    });
    expect(plan.warnings).toMatchObject([
      { itemKey: 'task:t', message: expect.stringContaining('mallory cannot be assigned') },
    ]);
  });

  it('asks for the reads it needs before the plan is final', () => {
    const state = orchestratorState({
      tasks: [task('t', { assignee: 'carol', featureId: 'F' })],
      milestones: [
        {
          id: 1,
          name: 'v1',
          targetDate: null,
          platformMilestoneId: null,
          includedFeatures: ['F'],
          status: 'planning',
        },
      ],
    });
    const plan = planSync(
      deriveDesiredState(state, DEFAULT_POLICY),
      { issues: [], labels: null, milestones: null, assignable: new Map() },
      context(),
    );
    expect(plan.lookups).toEqual({ labels: true, milestones: true, assignees: ['carol'] });
  });

  it('leaves orphans by default and closes them as not planned with orphans: close', () => {
    const model = newModel();
    sync(model, base);
    const without = orchestratorState({
      features: base.features,
      tasks: base.tasks.filter((item) => item.id !== 't2'),
    });
    const left = planSync(deriveDesiredState(without, DEFAULT_POLICY), actualOf(model), context());
    expect(left.operations).toEqual([]);
    expect(left.orphans).toMatchObject([{ itemKey: 'task:t2' }]);
    const policy = { ...DEFAULT_POLICY, orphans: 'close' as const };
    const closed = planSync(deriveDesiredState(without, policy), actualOf(model), context(policy));
    expect(closed.operations).toMatchObject([
      { itemKey: 'task:t2', change: 'closed', patch: { stateReason: 'not_planned' } },
    ]);
  });
});

describe('planSync properties', () => {
  const statuses: TaskStatus[] = ['pending', 'in_progress', 'completed', 'failed', 'blocked', 'cancelled'];
  const taskArbitrary = fc.record({
    id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
    parent: fc.option(fc.constantFrom('a', 'b', 'c'), { nil: null }),
    status: fc.constantFrom(...statuses),
    title: fc.string({ maxLength: 40 }),
    description: fc.string({ maxLength: 200 }),
    assignee: fc.option(fc.constantFrom('alice', 'bob', 'mallory'), { nil: null }),
  });
  const stateArbitrary = fc
    .uniqueArray(taskArbitrary, { selector: (item) => item.id, maxLength: 6 })
    .map((items) =>
      orchestratorState({
        tasks: items.map((item) =>
          task(item.id, {
            parentId: item.parent === item.id ? null : item.parent,
            status: item.status,
            title: item.title,
            description: item.description,
            assignee: item.assignee,
          }),
        ),
      }),
    );
  const humanEdit = fc.record({
    target: fc.nat(),
    label: fc.option(fc.constantFrom('bug', 'status: bogus', 'Orchestrator'), { nil: null }),
    close: fc.boolean(),
    text: fc.option(fc.string({ maxLength: 30 }), { nil: null }),
  });

  it('converges: after any sequence of state changes and human edits, one sync makes a second sync empty', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(stateArbitrary, fc.array(humanEdit, { maxLength: 3 })), {
          minLength: 1,
          maxLength: 4,
        }),
        (steps) => {
          const model = newModel();
          const policy = { ...DEFAULT_POLICY, createCompleted: true };
          for (const [state, edits] of steps) {
            for (const edit of edits) {
              const issue = model.issues[edit.target % Math.max(1, model.issues.length)];
              if (!issue) continue;
              if (edit.label) issue.labels.push(edit.label);
              if (edit.close) issue.state = issue.state === 'open' ? 'closed' : 'open';
              if (edit.text !== null) issue.body += `\n${edit.text}`;
            }
            const humanText = new Map(
              model.issues.map((issue) => [
                issue.number,
                issue.body.split('<!-- /orchestrator-git -->\n')[1],
              ]),
            );
            sync(model, state, policy);
            // Free text below the block survives every sync.
            for (const issue of model.issues) {
              expect(issue.body.split('<!-- /orchestrator-git -->\n')[1]).toBe(
                humanText.get(issue.number) ?? '',
              );
            }
            const again = planSync(deriveDesiredState(state, policy), actualOf(model), context(policy));
            expect(again.operations).toEqual([]);
            // Exactly one issue per item: never a duplicate.
            const markers = model.issues.map((issue) => /id=(\S+)/.exec(issue.body)?.[1]);
            expect(new Set(markers).size).toBe(markers.length);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
