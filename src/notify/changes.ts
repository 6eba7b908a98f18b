/** The small "what changed in this run" model every notification is built from, and its reading from a sync outcome. */
import type { SyncOutcome } from '../engine/sync.js';

/** What happened to one item; board moves and releases come from their own jobs' outcomes. */
export type ChangeKind = 'created' | 'closed' | 'reopened' | 'updated' | 'moved' | 'released';

/** The order (and headings) of the digest's sections. */
export const CHANGE_KINDS: readonly { kind: ChangeKind; heading: string }[] = [
  { kind: 'created', heading: 'Created' },
  { kind: 'closed', heading: 'Closed' },
  { kind: 'reopened', heading: 'Reopened' },
  { kind: 'updated', heading: 'Updated' },
  { kind: 'moved', heading: 'Moved on the board' },
  { kind: 'released', heading: 'Released' },
];

export interface Change {
  kind: ChangeKind;
  /** The issue, card or release title as the orchestrator (or the platform) has it: untrusted text. */
  title: string;
  /** `task:<id>`, `feature:<id>`, a release tag, ...; for the reader, never a link. */
  itemKey: string | null;
  /** `#12`, `v1.2.0`: shown before the title. */
  reference: string | null;
  url: string | null;
  /** A short note: the fields updated, the column moved to. */
  detail: string | null;
}

/** One run's changes, as a notification reports them. */
export interface ChangeDigest {
  /** What ran, e.g. `issue sync`. */
  job: string;
  repository: string;
  /** A link to the run (the workflow run page), if known. */
  runUrl: string | null;
  changes: Change[];
  /** Operations that failed this run: counted, so a digest never reads as a clean run when it was not. */
  failed: number;
}

/** The completed changes of an issue sync (planned-only changes of a dry run are not changes). */
export function changesFromSyncOutcome(outcome: SyncOutcome): Change[] {
  if (outcome.dryRun) return [];
  const changes: Change[] = [];
  for (const result of outcome.results) {
    if (result.status !== 'done') continue;
    const { operation } = result;
    if (operation.kind === 'createIssue') {
      changes.push({
        kind: 'created',
        title: operation.title,
        itemKey: operation.itemKey,
        reference: result.issue ? `#${result.issue.number}` : null,
        url: result.issue?.url ?? null,
        detail: null,
      });
    } else if (operation.kind === 'updateIssue') {
      changes.push({
        kind: operation.change,
        title: operation.title,
        itemKey: operation.itemKey,
        reference: `#${result.issue?.number ?? operation.number}`,
        url: result.issue?.url ?? operation.url,
        detail: operation.change === 'updated' ? operation.fields.join(', ') : null,
      });
    }
  }
  return changes;
}

/** The digest of a GitHub Actions run (its page from GITHUB_SERVER_URL / GITHUB_REPOSITORY / GITHUB_RUN_ID). */
export function runUrlFromEnv(env: NodeJS.ProcessEnv): string | null {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_RUN_ID: run } = env;
  if (server && repository && run) return `${server}/${repository}/actions/runs/${run}`;
  if (env.CI_PIPELINE_URL) return env.CI_PIPELINE_URL;
  return null;
}

/** Changes grouped by kind in digest order, each group's items in run order. */
export function groupChanges(
  changes: readonly Change[],
): { kind: ChangeKind; heading: string; changes: Change[] }[] {
  return CHANGE_KINDS.map(({ kind, heading }) => ({
    kind,
    heading,
    changes: changes.filter((change) => change.kind === kind),
  })).filter((group) => group.changes.length > 0);
}

/** `3 created, 1 closed` — the one-line count of a digest. */
export function countLine(digest: ChangeDigest): string {
  const parts = groupChanges(digest.changes).map(
    (group) => `${group.changes.length} ${group.kind === 'moved' ? 'moved' : group.kind}`,
  );
  if (digest.failed > 0) parts.push(`${digest.failed} failed`);
  return parts.join(', ');
}

/** Only http(s) URLs become links: anything else in the state is shown as text. */
export function safeUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** Untrusted text on one line, bounded. */
export function oneLine(text: string, max: number): string {
  const flat = text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
