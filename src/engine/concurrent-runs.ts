/**
 * Two runs at once on one repository (two CI jobs started together) must not leave an item with two issues. Two
 * guards, both cheap:
 *
 * - before creating, a run looks at what changed on the platform since it last looked (one list request, repeated
 *   every RECHECK_MS, and at once when the number of an issue it created skipped a number: issue numbers are handed
 *   out in order, so a gap means someone else created something meanwhile): an issue that another run created for
 *   the item is linked, not created again;
 * - after writing, the run's verification read shows every issue changed during the run; where this run and another
 *   both created an issue for the same item, the newer one (the higher number) is closed, its marker taken off,
 *   and the item linked to the older one. Both runs apply the same rule, so exactly one issue stays.
 */
import type { ActualIssue } from '../core/actual.js';
import { splitBody } from '../core/body.js';
import { readMarker } from '../core/markers.js';
import type { PlannedLink } from '../core/plan.js';
import type { IssueTracker } from '../platforms/types.js';
import type { LinkRecorder } from './links.js';
import { logText, type Logger } from './logger.js';

/** A re-check costs one request; runs that create for longer than this look again. */
export const RECHECK_MS = 10_000;

export class CreateGuard {
  private since: string;
  private lastCheck = 0;
  private readonly seen = new Map<string, ActualIssue>();

  constructor(
    private readonly tracker: IssueTracker,
    readAt: string,
    /** The highest issue number the run's read saw. */
    private highest: number,
  ) {
    this.since = readAt;
  }

  /** An issue carrying the item's marker that appeared since the run read the platform, or null. */
  async existing(itemKey: string): Promise<ActualIssue | null> {
    if (this.lastCheck === 0 || Date.now() - this.lastCheck >= RECHECK_MS) {
      const started = this.tracker.serverTime();
      const changed = await this.tracker.listIssues({ updatedSince: this.since });
      for (const issue of changed) {
        const marker = readMarker(issue.body);
        if (marker.kind !== 'marker') continue;
        const known = this.seen.get(marker.itemKey);
        if (!known || issue.number < known.number) this.seen.set(marker.itemKey, issue);
      }
      this.lastCheck = Date.now();
      // The next look starts where this one did (by the platform's clock, less a tick of its timestamps).
      if (started) {
        this.since = new Date(
          Date.parse(started) - this.tracker.capabilities.timestampPrecisionMs,
        ).toISOString();
      }
    }
    return this.seen.get(itemKey) ?? null;
  }

  /** Issues this run created are its own, never "found" as another run's; a gap in the numbers forces a re-check. */
  created(itemKey: string, number: number): void {
    this.seen.delete(itemKey);
    if (number > this.highest + 1) this.lastCheck = 0;
    this.highest = Math.max(this.highest, number);
  }
}

/** The link of an item to an issue another run made: the fingerprint is the one its marker carries. */
export function linkTo(issue: ActualIssue, itemKey: string, ownedAssignees: string[]): PlannedLink {
  const marker = readMarker(issue.body);
  return {
    itemKey,
    number: issue.number,
    url: issue.url,
    issueId: issue.id,
    hash: marker.kind === 'marker' ? marker.hash : '',
    ownedAssignees,
  };
}

export interface DuplicateResolution {
  itemKey: string;
  kept: number;
  closed: number;
}

/**
 * Closes the issues this run created that another run also created, earlier (a lower number), for the same item;
 * the item is linked to the kept issue. Returns what was resolved.
 */
export async function resolveDuplicates(
  tracker: IssueTracker,
  changed: ActualIssue[],
  created: Map<number, { itemKey: string; ownedAssignees: string[] }>,
  links: LinkRecorder,
  log: Logger,
): Promise<DuplicateResolution[]> {
  const carriers = new Map<string, ActualIssue[]>();
  for (const issue of changed) {
    const marker = readMarker(issue.body);
    if (marker.kind !== 'marker') continue;
    const list = carriers.get(marker.itemKey) ?? [];
    list.push(issue);
    carriers.set(marker.itemKey, list);
  }
  const resolved: DuplicateResolution[] = [];
  for (const [number, { itemKey, ownedAssignees }] of created) {
    const list = carriers.get(itemKey) ?? [];
    const ours = list.find((issue) => issue.number === number);
    const older = list
      .filter((issue) => issue.number < number && !created.has(issue.number))
      .sort((a, b) => a.number - b.number)[0];
    if (!ours || !older) continue;
    const parts = splitBody(ours.body);
    const note = `Duplicate of #${older.number}: two orchestrator-git runs created an issue for this item at the same time; this copy was closed.`;
    try {
      await tracker.updateIssue(number, {
        body: `${parts.before}${note}\n${parts.after ? `\n${parts.after}` : ''}`,
        state: 'closed',
        stateReason: 'not_planned',
      });
    } catch (error) {
      log.warning(
        `#${number} duplicates #${older.number} (${itemKey}) but could not be closed (${error instanceof Error ? error.message : String(error)}); the next run reports it.`,
      );
      continue;
    }
    links.record(linkTo(older, itemKey, ownedAssignees), false);
    log.warning(
      `${logText(itemKey)}: another run created #${older.number} at the same time as this run's #${number}; #${number} was closed as a duplicate.`,
    );
    resolved.push({ itemKey, kept: older.number, closed: number });
  }
  return resolved;
}
