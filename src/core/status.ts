/** Orchestrator statuses as the platform sees them: display text and whether the issue is open or closed. */
import type { FeatureStatus, TaskStatus } from '../state/types.js';

export type ItemStatus = TaskStatus | FeatureStatus;

export interface IssueStateWanted {
  state: 'open' | 'closed';
  stateReason: 'completed' | 'not_planned' | null;
}

export function issueStateFor(status: ItemStatus): IssueStateWanted {
  switch (status) {
    case 'completed':
    case 'archived':
      return { state: 'closed', stateReason: 'completed' };
    case 'cancelled':
      return { state: 'closed', stateReason: 'not_planned' };
    default:
      return { state: 'open', stateReason: null };
  }
}

export function isTerminal(status: ItemStatus): boolean {
  return issueStateFor(status).state === 'closed';
}

const DISPLAY: Record<ItemStatus, string> = {
  proposed: 'Proposed',
  approved: 'Approved',
  pending: 'Pending',
  in_progress: 'In progress',
  completed: 'Completed',
  archived: 'Archived',
  failed: 'Failed',
  blocked: 'Blocked',
  cancelled: 'Cancelled',
};

export function displayStatus(status: ItemStatus): string {
  return DISPLAY[status];
}
