import { assembleBlock, deriveDesiredState } from '../../../src/core/desired.js';
import { DEFAULT_POLICY } from '../../../src/core/policy.js';
import { feature, orchestratorState, task } from '../../../test-support/builders.js';

describe('deriveDesiredState', () => {
  const state = orchestratorState({
    features: [
      feature('GIT_V1', {
        title: '🔧 Git integration',
        status: 'approved',
        category: 'Integration & Collaboration',
      }),
      feature('ROUTING', { status: 'proposed' }),
      feature('DONE_V1', { status: 'completed' }),
    ],
    tasks: [
      task('root', {
        title: 'Release 2.1',
        status: 'in_progress',
        featureId: 'GIT_V1',
        priority: 'high',
        assignee: 'alice',
      }),
      task('a', { parentId: 'root', title: 'Issue sync', status: 'completed', position: 0 }),
      task('b', { parentId: 'root', title: 'Board sync', status: 'in_progress', position: 1 }),
      task('b1', { parentId: 'b', title: 'GraphQL batching', status: 'blocked', specialist: 'optimizer' }),
      task('c', { parentId: 'root', title: 'Old spike', status: 'cancelled', position: 2 }),
      task('orphan', { parentId: 'missing-parent', title: 'Lost child' }),
    ],
    milestones: [
      {
        id: 1,
        name: 'v2.1',
        targetDate: '2025-07-21',
        platformMilestoneId: null,
        includedFeatures: ['GIT_V1'],
        status: 'active',
      },
    ],
  });

  it('syncs features from approved on, and top-level tasks with subtasks as a nested checklist', () => {
    const desired = deriveDesiredState(state, DEFAULT_POLICY);
    expect(desired.issues.map((issue) => issue.itemKey)).toEqual([
      'feature:DONE_V1',
      'feature:GIT_V1',
      'task:orphan',
      'task:root',
    ]);
    expect(desired.excluded).toEqual([
      { itemKey: 'feature:ROUTING', reason: 'feature status proposed is not synced' },
    ]);
    const root = desired.issues.find((issue) => issue.itemKey === 'task:root');
    expect(root?.block.tail).toContain(
      [
        '#### Subtasks',
        '- [x] Issue sync · implementer',
        '- [ ] Board sync · implementer · in progress',
        '  - [ ] GraphQL batching · optimizer · blocked',
        '- [ ] Old spike · implementer · cancelled',
      ].join('\n'),
    );
    // Cancelled subtasks do not count towards progress.
    expect(root?.progress).toEqual({ done: 1, total: 3 });
    expect(root?.block.head).toContain('**Progress:** 1 of 3 subtasks completed (33%)');
  });

  it('derives labels, assignees, milestone and state from the item', () => {
    const desired = deriveDesiredState(state, DEFAULT_POLICY);
    const root = desired.issues.find((issue) => issue.itemKey === 'task:root');
    expect(root).toMatchObject({
      title: 'Release 2.1',
      state: 'open',
      assignees: ['alice'],
      milestone: { title: 'v2.1', dueOn: '2025-07-21', state: 'open' },
    });
    expect(root?.labels.map((label) => label.name)).toEqual([
      'orchestrator',
      'type: task',
      'status: in progress',
      'priority: high',
      'specialist: implementer',
    ]);
    const done = desired.issues.find((issue) => issue.itemKey === 'feature:DONE_V1');
    expect(done).toMatchObject({ state: 'closed', stateReason: 'completed' });
    const git = desired.issues.find((issue) => issue.itemKey === 'feature:GIT_V1');
    expect(git?.labels.map((label) => label.name)).toContain('category: integration & collaboration');
    expect(git?.block.tail).toContain('- [ ] Release 2.1 · in progress');
  });

  it('makes every task an issue with tasks: all, each listing only its direct children', () => {
    const desired = deriveDesiredState(state, { ...DEFAULT_POLICY, tasks: 'all' });
    expect(desired.issues.filter((issue) => issue.kind === 'task')).toHaveLength(6);
    const root = desired.issues.find((issue) => issue.itemKey === 'task:root');
    expect(root?.block.tail).not.toContain('GraphQL batching');
  });

  it('maps assignee names and drops values that are not platform logins', () => {
    const mapped = deriveDesiredState(
      orchestratorState({ tasks: [task('x', { assignee: 'Alice Smith' }), task('y', { assignee: 'bob' })] }),
      { ...DEFAULT_POLICY, assigneeMap: { bob: 'bob-gh' } },
    );
    expect(mapped.issues.map((issue) => issue.assignees)).toEqual([[], ['bob-gh']]);
  });

  it('is deterministic: the same state gives byte-identical desired issues', () => {
    expect(JSON.stringify(deriveDesiredState(state, DEFAULT_POLICY))).toBe(
      JSON.stringify(deriveDesiredState(structuredClone(state), DEFAULT_POLICY)),
    );
  });

  it('neutralises mentions in descriptions unless told not to', () => {
    const hostile = orchestratorState({ tasks: [task('t', { description: 'ping @octocat about #12' })] });
    expect(deriveDesiredState(hostile, DEFAULT_POLICY).issues[0]?.block.description).toBe(
      'ping @\u200boctocat about #\u200b12',
    );
    expect(
      deriveDesiredState(hostile, { ...DEFAULT_POLICY, neutraliseMentions: false }).issues[0]?.block
        .description,
    ).toBe('ping @octocat about #12');
  });

  it('shortens a long description with a note so the block fits its budget', () => {
    const long = deriveDesiredState(
      orchestratorState({ tasks: [task('t', { description: 'x'.repeat(100_000) })] }),
      DEFAULT_POLICY,
    ).issues[0];
    if (!long) throw new Error('no issue');
    const block = assembleBlock(long.block, 65_000);
    expect(block.length).toBeLessThanOrEqual(65_000);
    expect(block).toContain('shortened to fit the platform limit');
    expect(assembleBlock(long.block, 5_000).length).toBeLessThanOrEqual(5_000);
  });
});
