/** Progress notifications: a digest of each run's changes, sent to Slack and Microsoft Teams when they are configured. */
import type { Logger } from '../engine/logger.js';
import type { SyncOutcome } from '../engine/sync.js';
import { changesFromSyncOutcome, runUrlFromEnv, type ChangeDigest } from './changes.js';
import {
  deliverDigest,
  hasNotificationTargets,
  type DeliveryResult,
  type NotificationTargets,
} from './deliver.js';

export type { Change, ChangeDigest, ChangeKind } from './changes.js';
export type { DeliveryResult, NotificationTargets } from './deliver.js';
export { changesFromSyncOutcome, runUrlFromEnv } from './changes.js';
export { deliverDigest, hasNotificationTargets } from './deliver.js';
export { buildSlackMessage } from './slack.js';
export { buildTeamsMessage } from './teams.js';

/**
 * Notifies the configured services of an issue sync's changes (none for a dry run or a run that changed nothing).
 * Never throws: a notifier's failure is logged as a warning and returned.
 */
export async function notifyIssueSync(
  outcome: SyncOutcome,
  targets: NotificationTargets,
  env: NodeJS.ProcessEnv,
  log: Logger,
  options: { timeoutMs?: number } = {},
): Promise<DeliveryResult[]> {
  if (!hasNotificationTargets(targets)) return [];
  const digest: ChangeDigest = {
    job: 'issue sync',
    repository: outcome.repository,
    runUrl: runUrlFromEnv(env),
    changes: changesFromSyncOutcome(outcome),
    failed: outcome.counts.failed,
  };
  try {
    return await deliverDigest(digest, targets, log, options);
  } catch (error) {
    // Building or sending the digest must never fail the sync; the message names no URL.
    log.warning(
      `Notifications were not sent: ${error instanceof Error ? error.name : 'unexpected error'}. The sync itself is unaffected.`,
    );
    return [];
  }
}
