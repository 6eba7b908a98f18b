/** A pure in-memory model of a platform's issues, applying a Plan as the platform would: used by property tests. */
import type { ActualIssue, ActualState } from '../src/core/actual.js';
import type { Plan } from '../src/core/plan.js';
import type { PlatformCapabilities } from '../src/core/platform-fit.js';

export interface ModelPlatform {
  issues: ActualIssue[];
  labels: Set<string>;
  milestones: Map<string, number>;
  nextNumber: number;
  /** What the modelled platform keeps: a field it lacks is dropped on write, as the real one would. */
  capabilities: PlatformCapabilities;
}

/** GitHub's capabilities (the default model). */
export const MODEL_GITHUB: PlatformCapabilities = {
  stateReason: true,
  labels: true,
  createMilestones: true,
  maxAssignees: 10,
  titleLimit: 256,
  timestampPrecisionMs: 1000,
  attributes: [],
};

export function newModel(capabilities: PlatformCapabilities = MODEL_GITHUB): ModelPlatform {
  return { issues: [], labels: new Set(), milestones: new Map(), nextNumber: 1, capabilities };
}

/** Bitbucket's workflow states that count as closed, and their reason. */
const CLOSED_STATES: Record<string, 'completed' | 'not_planned'> = {
  resolved: 'completed',
  closed: 'completed',
  wontfix: 'not_planned',
  invalid: 'not_planned',
  duplicate: 'not_planned',
};

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
        if (!model.capabilities.createMilestones) throw new Error('milestones cannot be created here');
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
          labels: model.capabilities.labels ? [...operation.write.labels] : [],
          assignees: operation.write.assignees.slice(0, model.capabilities.maxAssignees),
          milestone: milestone(operation.write.milestone),
          author: 'github-actions[bot]',
          updatedAt: '2025-01-01T00:00:00Z',
          ...(operation.write.attributes ? { attributes: { ...operation.write.attributes } } : {}),
        });
        const created = model.issues[model.issues.length - 1];
        if (created) settleState(model, created);
        if (model.capabilities.labels)
          for (const label of operation.write.labels) model.labels.add(label.toLowerCase());
        break;
      }
      case 'updateIssue': {
        const issue = model.issues.find((candidate) => candidate.number === operation.number);
        if (!issue) throw new Error(`no issue #${operation.number}`);
        const { patch } = operation;
        if (patch.title !== undefined) issue.title = patch.title;
        if (patch.body !== undefined) issue.body = patch.body;
        if (patch.labels !== undefined && model.capabilities.labels) issue.labels = [...patch.labels];
        if (patch.assignees !== undefined)
          issue.assignees = patch.assignees.slice(0, model.capabilities.maxAssignees);
        if (patch.milestone !== undefined) issue.milestone = milestone(patch.milestone);
        if (patch.state !== undefined) issue.state = patch.state;
        if (patch.stateReason !== undefined) issue.stateReason = patch.stateReason;
        if (patch.attributes !== undefined) issue.attributes = { ...issue.attributes, ...patch.attributes };
        else if (patch.state !== undefined && model.capabilities.attributes.includes('state'))
          issue.attributes = {
            ...issue.attributes,
            state:
              patch.state === 'open' ? 'open' : patch.stateReason === 'not_planned' ? 'wontfix' : 'resolved',
          };
        settleState(model, issue);
        if (model.capabilities.labels)
          for (const label of patch.labels ?? []) model.labels.add(label.toLowerCase());
        break;
      }
    }
  }
}

/** What the platform keeps of the state: no reason without state_reason; Bitbucket's workflow state decides both. */
function settleState(model: ModelPlatform, issue: ActualIssue): void {
  const workflow = model.capabilities.attributes.includes('state') ? issue.attributes?.state : undefined;
  if (workflow !== undefined) {
    const reason = CLOSED_STATES[workflow];
    issue.state = reason ? 'closed' : 'open';
    issue.stateReason = reason ?? null;
  }
  if (!model.capabilities.stateReason) issue.stateReason = null;
}
