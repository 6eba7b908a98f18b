/**
 * plan_release, pure: the completed features and tasks not yet released, grouped by category, the bump they and the
 * commits since the previous release call for, and the version (requested and checked, or suggested).
 */
import { quote, unknownFeaturesError } from '../errors.js';
import type { ReleaseRecord } from '../state/sync-records.js';
import type { FeatureRecord, OrchestratorState, TaskRecord } from '../state/types.js';
import type {
  PlannedFeature,
  PlannedTask,
  ReleaseCommit,
  ReleaseGroup,
  ReleasePlan,
  ReleaseTag,
} from './types.js';
import {
  bumpShortfall,
  checkRequestedVersion,
  countCommits,
  nextVersion,
  suggestBump,
  tagName,
} from './version.js';

export interface PlanReleaseInput {
  state: Pick<OrchestratorState, 'features' | 'tasks' | 'milestones'>;
  /** Every release tag of the repository. */
  tags: readonly ReleaseTag[];
  /** The release commit. */
  head: string;
  tagPrefix: string;
  /** A version already parsed (no prefix), or null to take the suggestion. */
  requestedVersion: string | null;
  /** The previous release (see previousRelease): the commits are those since its tag. */
  previous: ReleaseTag | null;
  commits: readonly ReleaseCommit[];
  /** Features the user named; null: the release milestone's, else every completed feature not yet released. */
  featureIds: readonly string[] | null;
  /** Name of the release_milestones row of this release (default: the tag). */
  milestoneName?: (tag: string) => string;
  /**
   * The releases the tag step recorded for this repository (exactly what each shipped). Items of a release made
   * before the records existed are told apart by completion time instead.
   */
  releases?: readonly ReleaseRecord[];
}

export const UNCATEGORISED = 'Uncategorised';
export const OTHER_TASKS = 'Other';

/** Features of every completed release milestone except `except` (a re-run's own). */
export function releasedFeatureIds(
  milestones: OrchestratorState['milestones'],
  except: string | null,
): Set<string> {
  const released = new Set<string>();
  for (const milestone of milestones) {
    if (milestone.status !== 'completed' || milestone.name === except) continue;
    for (const id of milestone.includedFeatures) released.add(id);
  }
  return released;
}

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function plannedTask(task: TaskRecord): PlannedTask {
  return { id: task.id, title: task.title, featureId: task.featureId, completedAt: task.completedAt };
}

function completedTopLevel(tasks: readonly TaskRecord[]): TaskRecord[] {
  return tasks.filter((task) => task.parentId === null && task.status === 'completed');
}

export function planRelease(input: PlanReleaseInput): ReleasePlan {
  const { state, previous } = input;
  const warnings: string[] = [];
  const check =
    input.requestedVersion !== null
      ? checkRequestedVersion(input.requestedVersion, input.tags, input.head)
      : { alreadyTagged: false };

  const counts = countCommits(input.commits);
  const featuresById = new Map(state.features.map((feature) => [feature.id, feature]));
  const tentativeVersion = input.requestedVersion;
  const milestoneOf = (version: string | null): string | null =>
    version === null ? null : (input.milestoneName ?? ((tag) => tag))(tagName(version, input.tagPrefix));

  // Which features: named, else this release's milestone row, else every completed one not yet released.
  const ownMilestoneName = milestoneOf(tentativeVersion);
  const ownTag = tentativeVersion === null ? null : tagName(tentativeVersion, input.tagPrefix);
  const records = input.releases ?? [];
  const ownRecord = records.find((record) => record.tag === ownTag) ?? null;
  const recordedItems = new Set(
    records.filter((record) => record.tag !== ownTag).flatMap((record) => record.items),
  );
  const released = releasedFeatureIds(state.milestones, ownMilestoneName);
  for (const item of recordedItems) if (item.startsWith('feature:')) released.add(item.slice(8));
  let selected: FeatureRecord[];
  if (input.featureIds !== null) {
    const unknown = unknownFeaturesError(
      input.featureIds,
      state.features.map((feature) => feature.id),
    );
    if (unknown) throw unknown;
    selected = [...new Set(input.featureIds)].map((id) => featuresById.get(id) as FeatureRecord);
  } else {
    const row = state.milestones.find((milestone) => milestone.name === ownMilestoneName);
    const recordedFeatures = ownRecord?.items.filter((item) => item.startsWith('feature:')) ?? [];
    selected =
      recordedFeatures.length > 0
        ? recordedFeatures.flatMap((key) => {
            const feature = featuresById.get(key.slice(8));
            return feature ? [feature] : [];
          })
        : row && row.includedFeatures.length > 0
          ? row.includedFeatures.flatMap((id) => {
              const feature = featuresById.get(id);
              if (!feature)
                warnings.push(
                  `Milestone ${quote(row.name)} includes feature ${quote(id)}, which the state no longer has.`,
                );
              return feature ? [feature] : [];
            })
          : state.features.filter((feature) => feature.status === 'completed' && !released.has(feature.id));
  }
  for (const feature of selected) {
    if (feature.status !== 'completed' && feature.status !== 'archived')
      warnings.push(`Feature ${quote(feature.id)} is in the release but its status is ${feature.status}.`);
    if (released.has(feature.id))
      warnings.push(`Feature ${quote(feature.id)} was already released in an earlier milestone.`);
  }
  const selectedIds = new Set(selected.map((feature) => feature.id));

  const topLevel = completedTopLevel(state.tasks);
  const features: PlannedFeature[] = selected
    .map((feature) => ({
      id: feature.id,
      title: feature.title,
      category: feature.category?.trim() || UNCATEGORISED,
      status: feature.status,
      tasks: topLevel
        .filter((task) => task.featureId === feature.id)
        .map(plannedTask)
        .sort((a, b) => byText(a.title, b.title) || byText(a.id, b.id)),
    }))
    .sort((a, b) => byText(a.category, b.category) || byText(a.title, b.title) || byText(a.id, b.id));

  // Tasks outside the included features, not part of a released feature: exactly those no recorded release shipped
  // (this release's own record, on a re-run); for a previous release made before the records existed, those
  // completed after its tag was made (an approximation, said so in the plan).
  const basis: string[] = [];
  const previousRecorded = previous === null || records.some((record) => record.tag === previous.name);
  const since = previousRecorded ? null : (previous?.date ?? null);
  if (ownRecord) {
    basis.push(`${ownRecord.tag} was recorded when it was tagged: the plan lists exactly what it shipped.`);
  } else if (previous !== null && !previousRecorded) {
    basis.push(
      `${previous.name} was released before orchestrator-git recorded releases: tasks completed after its tag was made (${previous.date ?? 'date unknown'}) count as unreleased; later releases are recorded exactly.`,
    );
  } else if (records.length > 0) {
    basis.push(`Released items come from the release records (${records.length} release(s)).`);
  }
  const ownTasks = ownRecord
    ? new Set(ownRecord.items.filter((item) => item.startsWith('task:')).map((item) => item.slice(5)))
    : null;
  const tasks = topLevel
    .filter(
      (task) =>
        task.featureId === null || (!selectedIds.has(task.featureId) && !released.has(task.featureId)),
    )
    .filter((task) => (ownTasks ? ownTasks.has(task.id) : !recordedItems.has(`task:${task.id}`)))
    .filter(
      (task) =>
        ownTasks !== null ||
        since === null ||
        (task.completedAt !== null && Date.parse(task.completedAt) > Date.parse(since)),
    )
    .map(plannedTask)
    .sort((a, b) => byText(a.title, b.title) || byText(a.id, b.id));

  const groups = new Map<string, ReleaseGroup>();
  const group = (category: string): ReleaseGroup => {
    let found = groups.get(category);
    if (!found) {
      found = { category, features: [], tasks: [] };
      groups.set(category, found);
    }
    return found;
  };
  for (const feature of features) group(feature.category).features.push(feature);
  for (const task of tasks) {
    const feature = task.featureId === null ? undefined : featuresById.get(task.featureId);
    group(feature ? feature.category?.trim() || UNCATEGORISED : OTHER_TASKS).tasks.push(task);
  }

  const suggestion = suggestBump(counts, features.length, tasks.length, previous?.version ?? null);
  const suggestedVersion =
    suggestion.bump === null ? null : nextVersion(previous?.version ?? null, suggestion.bump);
  const version = input.requestedVersion ?? suggestedVersion;
  if (input.requestedVersion !== null) {
    const shortfall = bumpShortfall(previous?.version ?? null, input.requestedVersion, suggestion.bump);
    if (shortfall) warnings.push(shortfall);
  }
  return {
    version,
    tag: version === null ? null : tagName(version, input.tagPrefix),
    previousTag: previous?.name ?? null,
    previousVersion: previous?.version ?? null,
    suggestedBump: suggestion.bump,
    suggestedVersion,
    bumpReasons: suggestion.reasons,
    requestedVersion: input.requestedVersion,
    alreadyTagged: check.alreadyTagged,
    commit: input.head,
    features,
    tasks,
    groups: [...groups.values()].sort((a, b) =>
      a.category === OTHER_TASKS ? 1 : b.category === OTHER_TASKS ? -1 : byText(a.category, b.category),
    ),
    commits: counts,
    basis,
    warnings,
  };
}
