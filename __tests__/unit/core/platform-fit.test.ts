import { deriveDesiredState } from '../../../src/core/desired.js';
import { planSync, type Plan } from '../../../src/core/plan.js';
import { fitToPlatform, type PlatformCapabilities } from '../../../src/core/platform-fit.js';
import { DEFAULT_POLICY } from '../../../src/core/policy.js';
import type { OrchestratorState, TaskStatus } from '../../../src/state/types.js';
import { feature, orchestratorState, task } from '../../../test-support/builders.js';
import {
  actualOf,
  applyPlan,
  MODEL_GITHUB,
  newModel,
  type ModelPlatform,
} from '../../../test-support/platform-model.js';

const GITLAB: PlatformCapabilities = {
  ...MODEL_GITHUB,
  stateReason: false,
  maxAssignees: 1,
  titleLimit: 255,
};
const BITBUCKET: PlatformCapabilities = {
  stateReason: true,
  labels: false,
  createMilestones: false,
  maxAssignees: 1,
  titleLimit: 255,
  timestampPrecisionMs: 1,
  attributes: ['kind', 'priority', 'state'],
};

function sync(model: ModelPlatform, state: OrchestratorState): Plan {
  const { desired, notes } = fitToPlatform(deriveDesiredState(state, DEFAULT_POLICY), model.capabilities);
  const plan = planSync(desired, actualOf(model), {
    policy: DEFAULT_POLICY,
    links: new Map(),
    ownedAssignees: new Map(),
    createMilestones: model.capabilities.createMilestones,
  });
  plan.warnings.push(...notes.map((note) => ({ ...note, issueNumber: null })));
  applyPlan(model, plan);
  return plan;
}

function withStatus(state: OrchestratorState, id: string, status: TaskStatus): OrchestratorState {
  const next = structuredClone(state);
  const found = next.tasks.find((item) => item.id === id);
  if (!found) throw new Error(`no task ${id}`);
  found.status = status;
  return next;
}

const issueOf = (model: ModelPlatform, title: string) => {
  const issue = model.issues.find((item) => item.title === title);
  if (!issue) throw new Error(`no issue ${title}`);
  return issue;
};

describe('fitToPlatform', () => {
  const state = orchestratorState({
    features: [feature('F1', { title: 'Checkout', priority: 'high' })],
    tasks: [
      task('t1', { title: 'Build it', status: 'in_progress', priority: 'critical', assignee: 'alice' }),
    ],
  });

  it('leaves GitHub items as derived, with no attributes', () => {
    const derived = deriveDesiredState(state, DEFAULT_POLICY);
    const { desired, notes } = fitToPlatform(derived, MODEL_GITHUB);
    expect(desired).toEqual(derived);
    expect(notes).toEqual([]);
  });

  it("maps Bitbucket's kind, priority and workflow state, and drops labels", () => {
    const { desired } = fitToPlatform(deriveDesiredState(state, DEFAULT_POLICY), BITBUCKET);
    expect(desired.issues.map((item) => [item.itemKey, item.attributes, item.labels])).toEqual([
      ['feature:F1', { kind: 'enhancement', priority: 'major', state: 'new' }, []],
      ['task:t1', { kind: 'task', priority: 'critical', state: 'open' }, []],
    ]);
  });

  it('maps every orchestrator status to a Bitbucket workflow state', () => {
    const statuses: [TaskStatus, string][] = [
      ['pending', 'new'],
      ['in_progress', 'open'],
      ['blocked', 'on hold'],
      ['failed', 'open'],
      ['completed', 'resolved'],
      ['cancelled', 'wontfix'],
    ];
    for (const [status, expected] of statuses) {
      const { desired } = fitToPlatform(
        deriveDesiredState(orchestratorState({ tasks: [task('t', { status })] }), DEFAULT_POLICY),
        BITBUCKET,
      );
      expect([status, desired.issues[0]?.attributes.state]).toEqual([status, expected]);
    }
  });

  it('cuts titles to the platform limit and keeps only as many assignees as it holds, with a note', () => {
    const long = orchestratorState({ tasks: [task('t', { title: 'x'.repeat(300) })] });
    const { desired, notes } = fitToPlatform(deriveDesiredState(long, DEFAULT_POLICY), GITLAB);
    expect(desired.issues[0]?.title).toHaveLength(255);
    expect(notes).toEqual([]);
    const many = deriveDesiredState(orchestratorState({ tasks: [task('t')] }), DEFAULT_POLICY);
    const item = many.issues[0];
    if (!item) throw new Error('no item');
    item.assignees = ['alice', 'bob'];
    const fitted = fitToPlatform(many, GITLAB);
    expect(fitted.desired.issues[0]?.assignees).toEqual(['alice']);
    expect(fitted.notes).toEqual([
      { itemKey: 'task:t', message: 'the platform keeps one assignee per issue; bob left off' },
    ]);
  });
});

describe('planning for platforms with fewer fields', () => {
  const base = orchestratorState({
    features: [feature('F1', { priority: 'medium' })],
    tasks: [
      task('t1', { title: 'First', status: 'in_progress', assignee: 'alice' }),
      task('t2', { title: 'Second', status: 'pending' }),
    ],
  });

  it.each([
    ['GitLab', GITLAB],
    ['Bitbucket', BITBUCKET],
  ])('%s: converges after every status change and never re-writes a field it cannot keep', (_name, caps) => {
    const model = newModel(caps);
    sync(model, base);
    expect(sync(model, base).operations).toEqual([]);
    let state = base;
    for (const status of ['completed', 'pending', 'cancelled', 'in_progress', 'blocked'] as TaskStatus[]) {
      state = withStatus(state, 't2', status);
      const change = sync(model, state);
      const issueWrites = change.operations.filter((operation) => operation.kind !== 'createLabel');
      expect(issueWrites.map((operation) => operation.kind)).toEqual(['updateIssue']);
      expect(sync(model, state).operations).toEqual([]);
    }
  });

  it('Bitbucket: a workflow state changed by a person is restored, and its kind and priority follow the item', () => {
    const model = newModel(BITBUCKET);
    sync(model, base);
    const first = issueOf(model, 'First');
    expect(first.attributes).toEqual({ kind: 'task', state: 'open' });
    expect(first.labels).toEqual([]);
    first.attributes = { ...first.attributes, state: 'on hold' };
    const restore = sync(model, base);
    expect(restore.operations).toMatchObject([
      { kind: 'updateIssue', number: first.number, patch: { attributes: { state: 'open' } } },
    ]);
    expect(issueOf(model, 'First').attributes?.state).toBe('open');
    const done = sync(model, withStatus(base, 't1', 'completed'));
    expect(done.operations).toMatchObject([
      {
        kind: 'updateIssue',
        change: 'closed',
        patch: { state: 'closed', attributes: { state: 'resolved' } },
      },
    ]);
    expect(issueOf(model, 'First')).toMatchObject({ state: 'closed', stateReason: 'completed' });
  });

  it('GitLab: a closed issue is not re-written for a state reason the platform does not keep', () => {
    const model = newModel(GITLAB);
    const cancelled = withStatus(base, 't2', 'cancelled');
    sync(model, base);
    const close = sync(model, cancelled);
    expect(close.operations.filter((operation) => operation.kind === 'updateIssue')).toMatchObject([
      { kind: 'updateIssue', change: 'closed' },
    ]);
    expect(issueOf(model, 'Second')).toMatchObject({ state: 'closed', stateReason: null });
    expect(sync(model, cancelled).operations).toEqual([]);
  });

  it('Bitbucket: milestones are never created; an existing one is used, a missing one is reported', () => {
    const withMilestones = orchestratorState({
      ...base,
      milestones: [
        {
          id: 1,
          name: 'v1.0',
          targetDate: null,
          platformMilestoneId: null,
          includedFeatures: ['F1'],
          status: 'active',
        },
      ],
    });
    const model = newModel(BITBUCKET);
    const first = sync(model, withMilestones);
    expect(first.operations.some((operation) => operation.kind === 'createMilestone')).toBe(false);
    expect(first.warnings.map((note) => note.message)).toContain(
      'milestone "v1.0" does not exist and this platform\'s API cannot create it; create it by hand (Bitbucket: Repository settings → Issues → Milestones) and the next run assigns it',
    );
    expect(model.issues.every((issue) => issue.milestone === null)).toBe(true);
    model.milestones.set('v1.0', 7);
    const second = sync(model, withMilestones);
    expect(second.operations).toMatchObject([
      { kind: 'updateIssue', patch: { milestone: 'v1.0' }, fields: ['milestone'] },
    ]);
    expect(model.issues.find((issue) => issue.milestone !== null)?.milestone).toEqual({
      number: 7,
      title: 'v1.0',
    });
    expect(sync(model, withMilestones).operations).toEqual([]);
  });
});
