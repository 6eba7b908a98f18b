/** The release-coordinator's vocabulary: commits, tags, the release plan and its notes, as plain typed records. */

export type Bump = 'major' | 'minor' | 'patch';

/** A commit since the previous release, as conventional-commits-parser read its message. */
export interface ReleaseCommit {
  hash: string;
  /** `feat`, `fix`, … ; null when the header is not a conventional one. */
  type: string | null;
  scope: string | null;
  /** The first line of the message. */
  header: string;
  /** A `!` after the type, or a `BREAKING CHANGE:` footer. */
  breaking: boolean;
  /** A `revert:` commit (or git's own "Revert "…"" message). */
  revert: boolean;
}

/** A git tag that names a release: the tag prefix followed by a semantic version. */
export interface ReleaseTag {
  name: string;
  /** The version without the prefix, e.g. `1.2.0`. */
  version: string;
  /** The commit the tag points at (peeled through an annotated tag). */
  commit: string;
  /** Whether the commit is an ancestor of (or is) the commit being released. */
  reachable: boolean;
  /** When the tag was made (ISO 8601): tasks completed later are not in that release. */
  date: string | null;
}

export interface PlannedTask {
  id: string;
  title: string;
  featureId: string | null;
  completedAt: string | null;
}

export interface PlannedFeature {
  id: string;
  title: string;
  category: string;
  status: string;
  /** Its completed tasks. */
  tasks: PlannedTask[];
}

/** Features and tasks of one category, for the notes and the summary. */
export interface ReleaseGroup {
  category: string;
  features: PlannedFeature[];
  /** Completed tasks of this category that belong to no included feature. */
  tasks: PlannedTask[];
}

export interface CommitCounts {
  total: number;
  conventional: number;
  breaking: number;
  features: number;
  fixes: number;
  reverts: number;
  other: number;
}

export interface ReleasePlan {
  /** The version released: the one requested, else the suggestion; null when there is nothing to release. */
  version: string | null;
  tag: string | null;
  /** The release before this one (reachable from the release commit), if any. */
  previousTag: string | null;
  previousVersion: string | null;
  suggestedBump: Bump | null;
  suggestedVersion: string | null;
  /** Why that bump, in words, for the summary. */
  bumpReasons: string[];
  requestedVersion: string | null;
  /** The version's tag already exists at the release commit: this run completes or repeats that release. */
  alreadyTagged: boolean;
  /** The commit released (HEAD of the checkout). */
  commit: string;
  features: PlannedFeature[];
  /** Completed tasks that belong to no included feature. */
  tasks: PlannedTask[];
  groups: ReleaseGroup[];
  commits: CommitCounts;
  /** How the plan told released items apart (release records, or completion time for releases made before them). */
  basis: string[];
  warnings: string[];
}

export type NotesTemplate = 'automated' | 'manual' | 'hybrid';

/** What a notes template can use; each is a documented placeholder of the manual template. */
export interface NotesContext {
  version: string;
  tag: string;
  previousTag: string | null;
  /** YYYY-MM-DD */
  date: string;
  /** The conventional-changelog heading line, e.g. `## [1.2.0](…/compare/v1.1.0...v1.2.0) (2026-01-31)`. */
  heading: string;
  /** The conventional-changelog sections below the heading (may be empty). */
  changes: string;
  /** The orchestrator features section (may be empty). */
  features: string;
  compareUrl: string | null;
  repository: string;
}
