import { deriveDesiredState, taskIssueType } from '../../../src/core/desired.js';
import { fingerprint, planSync } from '../../../src/core/plan.js';
import { fitToPlatform } from '../../../src/core/platform-fit.js';
import { DEFAULT_POLICY } from '../../../src/core/policy.js';
import { emptyActualState } from '../../../src/core/actual.js';
import { feature, orchestratorState, task } from '../../../test-support/builders.js';
import { MODEL_GITHUB } from '../../../test-support/platform-model.js';

const state = orchestratorState({
  features: [feature('F1', { status: 'approved' })],
  tasks: [task('t_build', { specialist: 'implementer' }), task('t_fix', { specialist: 'Debugger' })],
});

function fitted(issueTypes: string[] | null, policy = DEFAULT_POLICY) {
  const { desired } = fitToPlatform(deriveDesiredState(state, policy), MODEL_GITHUB, { issueTypes });
  return new Map(
    desired.issues.map((issue) => [
      issue.itemKey,
      { type: issue.attributes['type'] ?? null, labels: issue.labels.map((label) => label.name) },
    ]),
  );
}

describe('issue types', () => {
  it.each([
    ['implementer', 'Task'],
    ['debugger', 'Bug'],
    [' DEBUGGER ', 'Bug'],
    [null, 'Task'],
  ])('a task of specialist %p is a %s', (specialist, type) => {
    expect(taskIssueType({ specialist })).toBe(type);
  });

  it('takes the repository’s spelling, drops the type label, and keeps the label of a type it lacks', () => {
    const items = fitted(['task', 'BUG']);
    expect(items.get('task:t_build')).toEqual({
      type: 'task',
      labels: expect.not.arrayContaining(['type: task']) as unknown as string[],
    });
    expect(items.get('task:t_fix')?.type).toBe('BUG');
    expect(items.get('task:t_fix')?.labels).not.toContain('type: bug');
    expect(items.get('feature:F1')).toEqual({
      type: null,
      labels: expect.arrayContaining(['type: feature']) as unknown as string[],
    });
  });

  it('without types (null, or none offered) keeps every type label and sets no type', () => {
    for (const types of [null, []]) {
      const items = fitted(types);
      expect(items.get('task:t_build')).toEqual({
        type: null,
        labels: expect.arrayContaining(['type: task']) as unknown as string[],
      });
      expect(items.get('task:t_fix')?.labels).toContain('type: bug');
    }
  });

  it('still sets the type when the type labels are off', () => {
    const policy = { ...DEFAULT_POLICY, labelPrefixes: { ...DEFAULT_POLICY.labelPrefixes, type: null } };
    expect(fitted(['Task', 'Bug', 'Feature'], policy).get('feature:F1')?.type).toBe('Feature');
  });

  it('is an owned field: the plan sets it on create, and the fingerprint holds it (a change by hand is a conflict)', () => {
    const { desired } = fitToPlatform(deriveDesiredState(state, DEFAULT_POLICY), MODEL_GITHUB, {
      issueTypes: ['Task', 'Bug', 'Feature'],
    });
    const context = {
      policy: DEFAULT_POLICY,
      links: new Map<string, number>(),
      ownedAssignees: new Map<string, string[]>(),
      createMilestones: true,
    };
    const created = planSync(desired, emptyActualState([]), context).operations.filter(
      (operation) => operation.kind === 'createIssue',
    );
    expect(
      created.map((operation) => operation.kind === 'createIssue' && operation.write.attributes),
    ).toEqual([{ type: 'Feature' }, { type: 'Task' }, { type: 'Bug' }]);
    expect(
      fingerprint({
        title: 't',
        block: 'b',
        labels: [],
        milestone: null,
        state: 'open',
        attributes: { type: 'Task' },
      }),
    ).not.toBe(
      fingerprint({
        title: 't',
        block: 'b',
        labels: [],
        milestone: null,
        state: 'open',
        attributes: { type: 'Bug' },
      }),
    );
  });
});
