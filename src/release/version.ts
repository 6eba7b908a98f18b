/** Pure semantic-version rules of a release: which tags are releases, the previous release, the bump, validation. */
import semver from 'semver';
import { OrchestratorGitError, quote } from '../errors.js';
import type { Bump, CommitCounts, ReleaseCommit, ReleaseTag } from './types.js';

/** The version a tag names (`v1.2.0` → `1.2.0` with prefix `v`), or null when it is not a release tag. */
export function tagVersion(name: string, prefix: string): string | null {
  if (!name.startsWith(prefix)) return null;
  const rest = name.slice(prefix.length);
  return semver.valid(rest) === rest ? rest : null;
}

export function tagName(version: string, prefix: string): string {
  return `${prefix}${version}`;
}

/** `1.2.0` or `v1.2.0` (with the configured prefix) → `1.2.0`; throws a catalogue error naming the bad value. */
export function parseRequestedVersion(requested: string, prefix: string): string {
  const text = requested.trim();
  const bare = prefix !== '' && text.startsWith(prefix) ? text.slice(prefix.length) : text;
  const withoutV = bare.startsWith('v') ? bare.slice(1) : bare;
  for (const candidate of [bare, withoutV]) {
    if (semver.valid(candidate) === candidate) return candidate;
  }
  throw new OrchestratorGitError(
    'RELEASE_VERSION_INVALID',
    `release-version ${quote(requested)} is not a semantic version.`,
    'Give MAJOR.MINOR.PATCH, optionally with a pre-release, e.g. 1.4.0 or 2.0.0-rc.1 (a leading tag prefix such as v is accepted).',
  );
}

/** The highest release reachable from the release commit, leaving out the tag of the version being released. */
export function previousRelease(tags: readonly ReleaseTag[], releasing: string | null): ReleaseTag | null {
  let best: ReleaseTag | null = null;
  for (const tag of tags) {
    if (!tag.reachable) continue;
    if (releasing !== null && semver.eq(tag.version, releasing)) continue;
    if (!best || semver.gt(tag.version, best.version)) best = tag;
  }
  return best;
}

export interface VersionCheck {
  /** The version's tag is already at the release commit: a re-run of this release. */
  alreadyTagged: boolean;
}

/**
 * A requested version must be new (no tag names it at another commit) and greater than the previous release
 * reachable from the release commit.
 */
export function checkRequestedVersion(
  version: string,
  tags: readonly ReleaseTag[],
  head: string,
): VersionCheck {
  const same = tags.find((tag) => semver.eq(tag.version, version));
  if (same && same.commit !== head) {
    throw new OrchestratorGitError(
      'RELEASE_VERSION_INVALID',
      `Version ${version} is already released: tag ${quote(same.name)} points at commit ${same.commit.slice(0, 12)}, not at the commit being released (${head.slice(0, 12)}).`,
      `Choose a version greater than the last release, or check out the commit of ${same.name} to complete that release. A tag is never moved.`,
    );
  }
  const previous = previousRelease(tags, version);
  if (previous && !semver.gt(version, previous.version)) {
    throw new OrchestratorGitError(
      'RELEASE_VERSION_INVALID',
      `Version ${version} is not greater than the last release, ${previous.version} (tag ${quote(previous.name)}).`,
      `Choose a version greater than ${previous.version}, e.g. ${semver.inc(previous.version, 'patch') ?? ''} or ${semver.inc(previous.version, 'minor') ?? ''}.`,
    );
  }
  return { alreadyTagged: same !== undefined };
}

const FIX_TYPES = new Set(['fix', 'perf']);

export function countCommits(commits: readonly ReleaseCommit[]): CommitCounts {
  const counts: CommitCounts = {
    total: commits.length,
    conventional: 0,
    breaking: 0,
    features: 0,
    fixes: 0,
    reverts: 0,
    other: 0,
  };
  for (const commit of commits) {
    if (commit.type !== null) counts.conventional += 1;
    if (commit.breaking) counts.breaking += 1;
    if (commit.revert) counts.reverts += 1;
    if (commit.type === 'feat' || commit.type === 'feature') counts.features += 1;
    else if (commit.type !== null && FIX_TYPES.has(commit.type)) counts.fixes += 1;
    else if (!commit.breaking && !commit.revert) counts.other += 1;
  }
  return counts;
}

export interface BumpSuggestion {
  bump: Bump | null;
  reasons: string[];
}

/**
 * The bump the changes call for: a breaking change → major (minor before 1.0.0, where anything may change), a
 * feature commit or a completed orchestrator feature → minor, any other commit or a completed task → patch.
 */
export function suggestBump(
  counts: CommitCounts,
  features: number,
  tasks: number,
  previousVersion: string | null,
): BumpSuggestion {
  const reasons: string[] = [];
  let bump: Bump | null = null;
  const raise = (to: Bump): void => {
    const order: Bump[] = ['patch', 'minor', 'major'];
    if (bump === null || order.indexOf(to) > order.indexOf(bump)) bump = to;
  };
  if (counts.breaking > 0) {
    const preMajor = previousVersion !== null && semver.major(previousVersion) === 0;
    raise(preMajor ? 'minor' : 'major');
    reasons.push(
      `${counts.breaking} breaking change${counts.breaking === 1 ? '' : 's'}${preMajor ? ' (before 1.0.0: minor)' : ''}`,
    );
  }
  if (counts.features > 0) {
    raise('minor');
    reasons.push(`${counts.features} feature commit${counts.features === 1 ? '' : 's'}`);
  }
  if (features > 0) {
    raise('minor');
    reasons.push(`${features} completed orchestrator feature${features === 1 ? '' : 's'}`);
  }
  const patchCommits = counts.total - counts.features - counts.breaking;
  if (patchCommits > 0) {
    raise('patch');
    reasons.push(`${patchCommits} other commit${patchCommits === 1 ? '' : 's'}`);
  }
  if (tasks > 0) {
    raise('patch');
    reasons.push(`${tasks} completed task${tasks === 1 ? '' : 's'}`);
  }
  return { bump, reasons };
}

/** The version after `previous` for a bump; the first release is 1.0.0. */
export function nextVersion(previous: string | null, bump: Bump): string {
  if (previous === null) return '1.0.0';
  // A pre-release of the next version (1.3.0-rc.1) is followed by that version itself for a minor/patch bump.
  return semver.inc(previous, bump) ?? previous;
}

/** Words for the summary when a requested version bumps less than the changes call for. */
export function bumpShortfall(
  previous: string | null,
  version: string,
  suggested: Bump | null,
): string | null {
  if (previous === null || suggested === null) return null;
  const actual = semver.diff(previous, version);
  const order = ['patch', 'minor', 'major'];
  const rank = (bump: string | null): number =>
    bump === null
      ? -1
      : order.indexOf(bump.replace(/^pre/, '')) === -1
        ? 0
        : order.indexOf(bump.replace(/^pre/, ''));
  if (rank(actual) >= order.indexOf(suggested)) return null;
  return `Version ${version} is a ${actual ?? 'no'} change from ${previous}, but the changes since call for a ${suggested} release.`;
}
