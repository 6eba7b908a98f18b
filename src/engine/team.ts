/**
 * Team assignment: a new issue whose item the orchestrator assigned to no one goes to a person of its specialist's
 * team (the `team` setting), the one with the fewest open issues, ties by name. The person is added like a human
 * assignee would be (not owned by the tool), so a later reassignment on the platform is never undone, and an item
 * is only ever assigned once: when its issue is created.
 */
import type { ActualState } from '../core/actual.js';
import type { Plan } from '../core/plan.js';
import type { IssueTracker } from '../platforms/types.js';
import type { TaskRecord } from '../state/types.js';
import { logText, type Logger } from './logger.js';

/** The member of `members` with the fewest open issues (`load`), ties broken by name; null when none is left. */
export function leastLoaded(members: readonly string[], load: ReadonlyMap<string, number>): string | null {
  let chosen: string | null = null;
  for (const member of members) {
    const count = load.get(member.toLowerCase()) ?? 0;
    const best = chosen === null ? Infinity : (load.get(chosen.toLowerCase()) ?? 0);
    if (count < best || (count === best && chosen !== null && member.toLowerCase() < chosen.toLowerCase()))
      chosen = member;
  }
  return chosen;
}

/**
 * Adds a team member to each planned create of a task that has a specialist with a team and no assignee. Load is
 * counted from the open issues the run read (all of them after a full read; those updated since the last run after
 * an incremental one) plus the assignments made here.
 */
export async function assignTeams(
  plan: Plan,
  tasks: readonly TaskRecord[],
  team: Readonly<Record<string, readonly string[]>>,
  actual: ActualState,
  tracker: IssueTracker,
  log: Logger,
): Promise<void> {
  if (Object.keys(team).length === 0) return;
  const specialistOf = new Map(tasks.map((task) => [`task:${task.id}`, task.specialist]));
  const load = new Map<string, number>();
  for (const issue of actual.issues) {
    if (issue.state !== 'open') continue;
    for (const login of issue.assignees)
      load.set(login.toLowerCase(), (load.get(login.toLowerCase()) ?? 0) + 1);
  }
  const refused = new Set<string>();
  for (const operation of plan.operations) {
    if (operation.kind !== 'createIssue' || operation.write.assignees.length > 0) continue;
    if (operation.thenClose) continue;
    const specialist = specialistOf.get(operation.itemKey);
    const members = specialist ? team[specialist.toLowerCase()] : undefined;
    if (!members || members.length === 0) continue;
    let candidates = members.filter((member) => !refused.has(member.toLowerCase()));
    while (candidates.length > 0) {
      const member = leastLoaded(candidates, load);
      if (member === null) break;
      const key = member.toLowerCase();
      let assignable = actual.assignable.get(key);
      if (assignable === undefined) {
        assignable = await tracker.isAssignable(member);
        actual.assignable.set(key, assignable);
      }
      if (!assignable) {
        refused.add(key);
        log.warning(
          `Team member ${logText(member)} (${logText(specialist ?? '')}) cannot be assigned in this repository; the next member is used.`,
        );
        candidates = candidates.filter((candidate) => candidate.toLowerCase() !== key);
        continue;
      }
      operation.write.assignees.push(member);
      load.set(key, (load.get(key) ?? 0) + 1);
      break;
    }
  }
}
