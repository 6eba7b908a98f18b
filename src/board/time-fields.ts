/**
 * The board's time-tracking fields (the time-tracking setting): number fields Estimate and Spent, in hours, beside
 * Progress, and each card's values for them from the orchestrator (core/time-tracking.ts).
 */
import { hoursOf, type TimeFacts } from '../core/time-tracking.js';
import type { BoardFieldSpec, BoardTemplate } from './templates.js';

export const ESTIMATE_FIELD: BoardFieldSpec = {
  role: 'estimate',
  name: 'Estimate',
  kind: 'number',
  create: true,
  description:
    "Hours of work the orchestrator's estimated_effort stands for (a range counts as its upper bound; 1 day = 8 hours, 1 week = 5 days). Empty when the estimate is not a duration.",
};

export const SPENT_FIELD: BoardFieldSpec = {
  role: 'spent',
  name: 'Spent',
  kind: 'number',
  create: true,
  description:
    "Hours spent: the task's actual_effort, else the working time from started_at to completed_at (each full day counts 8 hours). Empty until the task is finished.",
};

/** The template with Estimate and Spent after its own fields (created when missing, like Progress). */
export function withTimeFields(template: BoardTemplate): BoardTemplate {
  return { ...template, fields: [...template.fields, ESTIMATE_FIELD, SPENT_FIELD] };
}

/** A card's Estimate and Spent in hours; null leaves the field as it is. */
export function cardTime(facts: TimeFacts): { estimateHours: number | null; spentHours: number | null } {
  return {
    estimateHours: facts.estimateSeconds === null ? null : hoursOf(facts.estimateSeconds),
    spentHours: facts.spentSeconds === null ? null : hoursOf(facts.spentSeconds),
  };
}
