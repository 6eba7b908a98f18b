/**
 * Time tracking in the issue plan, against the in-memory platform model: GitLab-like capabilities get the estimate and
 * spent time as owned attributes; a value owned only from now on (a task that just finished) is not a human's
 * change; a platform without time tracking gets one note; with the setting off nothing changes.
 */
import { deriveDesiredState } from '../../../src/core/desired.js';
import { planSync, type Plan } from '../../../src/core/plan.js';
import { fitToPlatform, type PlatformCapabilities } from '../../../src/core/platform-fit.js';
import { DEFAULT_POLICY, type SyncPolicy } from '../../../src/core/policy.js';
import type { OrchestratorState } from '../../../src/state/types.js';
import { orchestratorState, task } from '../../../test-support/builders.js';
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
  attributes: ['time-estimate', 'time-spent'],
  timeTracking: 'issue',
};
const BITBUCKET_LIKE: PlatformCapabilities = { ...MODEL_GITHUB, labels: false };

const ON: SyncPolicy = { ...DEFAULT_POLICY, timeTracking: true, conflictPolicy: 'report' };

function sync(model: ModelPlatform, state: OrchestratorState, policy: SyncPolicy): Plan {
  const { desired, notes } = fitToPlatform(deriveDesiredState(state, policy), model.capabilities);
  const plan = planSync(desired, actualOf(model), {
    policy,
    links: new Map(),
    ownedAssignees: new Map(),
    createMilestones: true,
  });
  plan.warnings.push(...notes.map((note) => ({ ...note, issueNumber: null })));
  applyPlan(model, plan);
  return plan;
}

const started = orchestratorState({
  tasks: [
    task('t1', { status: 'in_progress', estimatedEffort: '3-4 days', startedAt: '2025-06-02T09:00:00Z' }),
  ],
});
const finished = orchestratorState({
  tasks: [
    task('t1', {
      status: 'completed',
      estimatedEffort: '3-4 days',
      startedAt: '2025-06-02T09:00:00Z',
      completedAt: '2025-06-02T12:00:00Z',
    }),
  ],
});

it('owns the estimate, then the spent time once the task is done, without calling that a conflict', () => {
  const model = newModel(GITLAB);
  sync(model, started, ON);
  expect(model.issues[0]?.attributes).toEqual({ 'time-estimate': String(4 * 8 * 3600) });
  expect(sync(model, started, ON).operations).toEqual([]);

  const plan = sync(model, finished, ON);
  expect(plan.conflicts).toEqual([]);
  const update = plan.operations.find((operation) => operation.kind === 'updateIssue');
  expect(update?.kind === 'updateIssue' ? update.patch.attributes : undefined).toEqual({
    'time-spent': '10800',
  });
  expect(model.issues[0]?.attributes).toEqual({ 'time-estimate': '115200', 'time-spent': '10800' });
  expect(sync(model, finished, ON).operations).toEqual([]);
});

it('reports a person’s change of an owned time under conflict-policy report', () => {
  const model = newModel(GITLAB);
  const policy = { ...ON, createCompleted: true };
  sync(model, finished, policy);
  const issue = model.issues[0];
  if (!issue) throw new Error('no issue');
  issue.attributes = { ...issue.attributes, 'time-spent': '14400' };
  const plan = sync(model, finished, policy);
  expect(plan.conflicts).toHaveLength(1);
  expect(plan.operations.filter((operation) => operation.kind === 'updateIssue')).toEqual([]);
});

it('notes once that a platform without time tracking gets none, and says nothing when the setting is off', () => {
  const model = newModel(BITBUCKET_LIKE);
  const plan = sync(model, finished, ON);
  expect(plan.warnings.filter((note) => /time-tracking is not supported/.test(note.message))).toHaveLength(1);
  expect(model.issues[0]?.attributes ?? {}).toEqual({});

  const off = newModel(GITLAB);
  const quiet = sync(off, finished, DEFAULT_POLICY);
  expect(quiet.warnings).toEqual([]);
  expect(off.issues[0]?.attributes ?? {}).toEqual({});
});
