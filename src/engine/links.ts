/** Records each managed item's issue back into the state: the seed's links table and the tool's own item records. */
import type { DesiredIssue } from '../core/desired.js';
import type { PlannedLink } from '../core/plan.js';
import type { IssueTracker } from '../platforms/types.js';
import type { StateStore, SyncedItemRecord } from '../state/store.js';
import { linkItemKey, type IssueLink } from '../state/types.js';

/**
 * Writes a row only when something a reader would see changed (a new or moved issue, a write): a no-op run
 * leaves the state file byte-identical, so nothing needs committing.
 */
export class LinkRecorder {
  readonly recorded: { itemKey: string; number: number; url: string }[] = [];
  private readonly links: Map<string, IssueLink>;
  private readonly items: Map<string, SyncedItemRecord>;
  private readonly featureOf: Map<string, string | null>;

  constructor(
    private readonly store: StateStore,
    private readonly tracker: IssueTracker,
    desired: DesiredIssue[],
    private readonly now: () => Date,
  ) {
    this.links = new Map(
      store.state.links
        .filter((link) => link.platform === tracker.platform && link.repository === tracker.repository)
        .map((link) => [linkItemKey(link), link]),
    );
    this.items = store.syncedItems(tracker.platform, tracker.repository);
    this.featureOf = new Map(desired.map((issue) => [issue.itemKey, issue.featureId]));
  }

  /** `wrote`: the run just wrote this issue, so its sync time moves on. */
  record(issue: PlannedLink, wrote: boolean): void {
    const { itemKey, number, url } = issue;
    this.recorded.push({ itemKey, number, url });
    const timestamp = this.now().toISOString();
    const link = this.links.get(itemKey);
    if (
      wrote ||
      !link ||
      link.issueNumber !== number ||
      link.issueUrl !== url ||
      link.syncStatus !== 'synced'
    ) {
      const [kind, ...rest] = itemKey.split(':');
      const id = rest.join(':');
      this.store.upsertLink({
        featureId: kind === 'feature' ? id : (this.featureOf.get(itemKey) ?? null),
        taskId: kind === 'task' ? id : null,
        platform: this.tracker.platform,
        repository: this.tracker.repository,
        issueNumber: number,
        issueUrl: url,
        syncStatus: 'synced',
        lastSynced: timestamp,
      });
    }
    const item = this.items.get(itemKey);
    if (wrote || !item || item.issueNumber !== number || item.contentHash !== issue.hash) {
      this.store.upsertSyncedItem({
        itemKey,
        platform: this.tracker.platform,
        repository: this.tracker.repository,
        issueNumber: number,
        issueId: issue.issueId,
        contentHash: issue.hash,
        ownedAssignees: issue.ownedAssignees,
        syncedAt: wrote || !item ? timestamp : item.syncedAt,
      });
    }
  }

  /** An update that failed leaves the issue behind the orchestrator: the link says so until a run succeeds. */
  markFailed(itemKey: string): void {
    const link = this.links.get(itemKey);
    if (link && link.syncStatus !== 'failed') this.store.upsertLink({ ...link, syncStatus: 'failed' });
  }
}
