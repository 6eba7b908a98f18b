/** sync_milestones' pure plan, and finding an item's issue by its marker. */
import { desiredMilestone, planMilestones } from '../../../src/board/milestones.js';
import type { ActualIssue } from '../../../src/core/actual.js';
import { formatMarker } from '../../../src/core/markers.js';
import { issuesByMarker } from '../../../src/engine/board-sync.js';
import type { BoardNote } from '../../../src/board/plan.js';
import type { ReleaseMilestone } from '../../../src/state/types.js';

const row = (over: Partial<ReleaseMilestone>): ReleaseMilestone => ({
  id: 1,
  name: 'v1.0',
  targetDate: '2025-10-01',
  platformMilestoneId: null,
  includedFeatures: [],
  status: 'active',
  ...over,
});

describe('planMilestones', () => {
  it.each([
    ['planning', 'open'],
    ['active', 'open'],
    ['completed', 'closed'],
    ['cancelled', 'closed'],
  ] as const)('a %s release wants an %s milestone', (status, state) => {
    expect(desiredMilestone(row({ status })).state).toBe(state);
  });

  it('creates the missing, updates due date and state, and leaves a matching one alone', () => {
    const plan = planMilestones(
      [
        row({ id: 1, name: 'v1.0', targetDate: '2025-11-15 00:00:00', status: 'completed' }),
        row({ id: 2, name: 'v2.0', targetDate: '2026-03-01' }),
        row({ id: 3, name: 'v0.9', targetDate: '2025-01-01' }),
      ],
      [
        { number: 7, title: 'v1.0', state: 'open', dueOn: '2025-10-01' },
        { number: 8, title: 'V0.9', state: 'open', dueOn: '2025-01-01' },
      ],
    );
    expect(plan.create).toEqual([{ title: 'v2.0', dueOn: '2026-03-01', state: 'open' }]);
    expect(plan.update).toEqual([
      {
        number: 7,
        title: 'v1.0',
        patch: { dueOn: '2025-11-15', state: 'closed' },
        reason: 'due 2025-10-01 → 2025-11-15, open → closed',
      },
    ]);
    expect(plan.unchanged).toEqual(['V0.9']);
  });

  it('never clears a due date a row does not set', () => {
    const plan = planMilestones(
      [row({ targetDate: null })],
      [{ number: 1, title: 'v1.0', state: 'open', dueOn: '2025-10-01' }],
    );
    expect(plan.update).toEqual([]);
    expect(plan.unchanged).toEqual(['v1.0']);
  });
});

describe('issuesByMarker', () => {
  const issue = (number: number, body: string, author: string): ActualIssue => ({
    number,
    id: `I_${number}`,
    url: '',
    title: `#${number}`,
    body,
    state: 'open',
    stateReason: null,
    labels: [],
    assignees: [],
    milestone: null,
    author,
    updatedAt: '2025-01-01T00:00:00Z',
  });
  const marker = (key: string) => `text\n${formatMarker(key, '0123456789abcdef')}\n`;

  it('maps each marker to its issue, prefers the tool’s copy, and reports what it cannot tell apart', () => {
    const notes: BoardNote[] = [];
    const found = issuesByMarker(
      [
        issue(1, marker('task:a'), 'bot'),
        issue(2, marker('task:b'), 'bot'),
        issue(3, marker('task:b'), 'mallory'),
        issue(4, marker('task:c'), 'alice'),
        issue(5, marker('task:c'), 'carol'),
        issue(6, 'no marker', 'bot'),
      ],
      notes,
    );
    expect(found.get('task:a')?.number).toBe(1);
    expect(found.get('task:b')?.number).toBe(2);
    expect(found.has('task:c')).toBe(false);
    expect(notes).toEqual([expect.objectContaining({ itemKey: 'task:c' })]);
    expect(notes[0]?.message).toContain('#4, #5');
  });
});
