/** The pure hierarchy core: relations from the orchestrator's tree, limits, and the fewest reorder moves. */
import { deriveDesiredState } from '../../../src/core/desired.js';
import {
  deriveRelations,
  effectiveHierarchy,
  planBlockedBy,
  reorderMoves,
} from '../../../src/core/hierarchy.js';
import { DEFAULT_POLICY } from '../../../src/core/policy.js';
import type { OrchestratorState, TaskRecord } from '../../../src/state/types.js';

function task(id: string, parentId: string | null, position = 0, dependencies: string[] = []): TaskRecord {
  return {
    id,
    parentId,
    title: `T ${id}`,
    description: '',
    status: 'pending',
    rawStatus: 'pending',
    specialist: null,
    priority: null,
    complexity: null,
    estimatedEffort: null,
    assignee: null,
    featureId: null,
    position,
    createdAt: null,
    updatedAt: null,
    completedAt: null,
    dueDate: null,
    dependencies,
  };
}
function state(tasks: TaskRecord[]): OrchestratorState {
  return {
    generation: 'v2-generic',
    tasks,
    features: [],
    milestones: [],
    links: [],
    config: null,
    warnings: [],
  };
}

describe('reorderMoves', () => {
  it.each([
    [[1, 2, 3], [1, 2, 3], []],
    [[1, 2, 3], [3, 1, 2], [{ id: 3, afterId: null, beforeId: 1 }]],
    [[1, 2, 3], [2, 3, 1], [{ id: 1, afterId: 3, beforeId: null }]],
    [
      [3, 2, 1],
      [1, 2, 3],
      [
        { id: 2, afterId: 1, beforeId: null },
        { id: 3, afterId: 2, beforeId: null },
      ],
    ],
  ])('%j → %j', (current, desired, moves) => {
    expect(reorderMoves(current, desired)).toEqual(moves);
  });
});

describe('deriveRelations', () => {
  it('follows positions, links dependencies between issues only, and detaches a ninth level with a note', () => {
    const chain = Array.from({ length: 9 }, (_, i) => task(`c${i}`, i === 0 ? null : `c${i - 1}`));
    const s = state([task('r', null), task('b', 'r', 2), task('a', 'r', 1, ['b', 'gone']), ...chain]);
    const desired = deriveDesiredState(
      s,
      { ...DEFAULT_POLICY, hierarchy: 'sub-issues' },
      { nativeRelations: true },
    );
    const relations = deriveRelations(s, desired);
    expect(relations.children.get('task:r')).toEqual(['task:a', 'task:b']);
    expect(relations.blockedBy.get('task:a')).toEqual(['task:b']);
    expect(relations.parentOf.has('task:c8')).toBe(false);
    expect(relations.parentOf.get('task:c7')).toBe('task:c6');
    expect(relations.notes).toEqual([
      { itemKey: 'task:c8', message: expect.stringMatching(/9 levels deep, more than the 8 levels/) },
    ]);
  });
});

describe('the hierarchy setting in the block', () => {
  const s = state([task('r', null), task('a', 'r', 0, ['b']), task('b', 'r', 1)]);
  it('checklist (absent) is today’s block, byte for byte', () => {
    const before = deriveDesiredState(s, DEFAULT_POLICY);
    expect(
      deriveDesiredState(s, { ...DEFAULT_POLICY, hierarchy: 'checklist' }, { nativeRelations: true }),
    ).toEqual(before);
    expect(effectiveHierarchy(undefined, true)).toEqual({
      hierarchy: 'checklist',
      dependencyLine: false,
      dependencyNote: false,
    });
  });
  it('without native relations (Bitbucket): the checklist and a Depends on line that says so', () => {
    const desired = deriveDesiredState(s, { ...DEFAULT_POLICY, hierarchy: 'sub-issues' });
    expect(desired.issues.map((issue) => issue.itemKey)).toEqual(['task:r']);
    expect(desired.issues[0]?.block.tail).toMatch(
      /#### Subtasks\n- \[ \] T a · pending\n- \[ \] T b · pending/,
    );
    const all = deriveDesiredState(s, { ...DEFAULT_POLICY, tasks: 'all', hierarchy: 'both' });
    expect(all.issues.find((issue) => issue.itemKey === 'task:a')?.block.tail).toMatch(
      /\*\*Depends on:\*\* T b _\(this platform has no issue dependencies of its own: the list is kept here only\)_\n/,
    );
  });
  it('with native dependencies but no sub-issues (GitLab): the checklist and a plain Depends on line', () => {
    const all = deriveDesiredState(
      s,
      { ...DEFAULT_POLICY, tasks: 'all', hierarchy: 'sub-issues' },
      { nativeRelations: false, nativeDependencies: true },
    );
    const tail = all.issues.find((issue) => issue.itemKey === 'task:r')?.block.tail ?? '';
    expect(tail).toMatch(/#### Subtasks\n/);
    expect(tail).not.toMatch(/#### Sub-issues/);
    expect(all.issues.find((issue) => issue.itemKey === 'task:a')?.block.tail).toMatch(
      /\*\*Depends on:\*\* T b\n/,
    );
    expect(effectiveHierarchy('sub-issues', false, true)).toEqual({
      hierarchy: 'checklist',
      dependencyLine: true,
      dependencyNote: false,
    });
  });
  it('both: the checklist and the sub-issue list', () => {
    const desired = deriveDesiredState(
      s,
      { ...DEFAULT_POLICY, hierarchy: 'both' },
      { nativeRelations: true },
    );
    const tail = desired.issues.find((issue) => issue.itemKey === 'task:r')?.block.tail ?? '';
    expect(tail).toMatch(/#### Subtasks[\s\S]*#### Sub-issues\n1\. T a · pending\n2\. T b · pending/);
  });
});

describe('planBlockedBy', () => {
  it('adds the missing, removes only managed blockers no longer wanted', () => {
    const issue = { number: 1, id: 11, itemKey: 'task:x' };
    const kept = { number: 2, id: 12, itemKey: 'task:k' };
    const old = { number: 3, id: 13, itemKey: 'task:o' };
    const human = { number: 4, id: 14, itemKey: null };
    const added = { number: 5, id: 15, itemKey: 'task:n' };
    expect(
      planBlockedBy(issue, [kept, added], [kept, old, human]).map((op) => [
        op.kind,
        'blocker' in op ? op.blocker.number : 0,
      ]),
    ).toEqual([
      ['addBlockedBy', 5],
      ['removeBlockedBy', 3],
    ]);
  });
});
