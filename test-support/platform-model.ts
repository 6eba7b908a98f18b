/** A pure in-memory model of a platform's issues, applying a Plan as the platform would: used by property tests. */
import type { ActualIssue, ActualState } from '../src/core/actual.js';
import type { Plan } from '../src/core/plan.js';

export interface ModelPlatform {
  issues: ActualIssue[];
  labels: Set<string>;
  milestones: Map<string, number>;
  nextNumber: number;
}

export function newModel(): ModelPlatform {
  return { issues: [], labels: new Set(), milestones: new Map(), nextNumber: 1 };
}

export function actualOf(model: ModelPlatform): ActualState {
  return {
    issues: structuredClone(model.issues),
    labels: new Set(model.labels),
    milestones: [...model.milestones].map(([title, number]) => ({
      number,
      title,
      state: 'open',
      dueOn: null,
    })),
    assignable: new Map([
      ['alice', true],
      ['bob', true],
      ['mallory', false],
    ]),
  };
}

export function applyPlan(model: ModelPlatform, plan: Plan): void {
  const milestone = (title: string | null) =>
    title === null ? null : { number: model.milestones.get(title) ?? -1, title };
  for (const operation of plan.operations) {
    switch (operation.kind) {
      case 'createLabel':
        model.labels.add(operation.label.name);
        break;
      case 'createMilestone':
        model.milestones.set(operation.milestone.title, model.milestones.size + 1);
        break;
      case 'createIssue': {
        const number = model.nextNumber++;
        model.issues.push({
          number,
          id: `I_${number}`,
          url: `https://example.test/issues/${number}`,
          title: operation.write.title,
          body: operation.write.body,
          state: operation.thenClose ? 'closed' : 'open',
          stateReason: operation.thenClose,
          labels: [...operation.write.labels],
          assignees: [...operation.write.assignees],
          milestone: milestone(operation.write.milestone),
          author: 'github-actions[bot]',
          updatedAt: '2025-01-01T00:00:00Z',
        });
        for (const label of operation.write.labels) model.labels.add(label.toLowerCase());
        break;
      }
      case 'updateIssue': {
        const issue = model.issues.find((candidate) => candidate.number === operation.number);
        if (!issue) throw new Error(`no issue #${operation.number}`);
        const { patch } = operation;
        if (patch.title !== undefined) issue.title = patch.title;
        if (patch.body !== undefined) issue.body = patch.body;
        if (patch.labels !== undefined) issue.labels = [...patch.labels];
        if (patch.assignees !== undefined) issue.assignees = [...patch.assignees];
        if (patch.milestone !== undefined) issue.milestone = milestone(patch.milestone);
        if (patch.state !== undefined) issue.state = patch.state;
        if (patch.stateReason !== undefined) issue.stateReason = patch.stateReason;
        for (const label of patch.labels ?? []) model.labels.add(label.toLowerCase());
        break;
      }
    }
  }
}
