/**
 * tag_release's platform steps, idempotent and resumable: the annotated tag (none at the commit → created; there →
 * nothing; at another commit → an error that explains), the release (missing → created; there → its notes updated when
 * they differ, never a second one), the milestone closed. A run killed between two steps is completed by the next.
 */
import { OrchestratorGitError, quote } from '../errors.js';
import type { Logger } from '../engine/logger.js';
import type { ReleasePublisher } from '../platforms/releases.js';

export interface PublishInput {
  tag: string;
  commit: string;
  /** The annotated tag's message. */
  message: string;
  /** The release title. */
  name: string;
  notes: string;
  prerelease: boolean;
  /** Title of the platform milestone to close, or null. */
  milestone: string | null;
  dryRun: boolean;
}

export interface PublishOutcome {
  tag: 'created' | 'exists' | 'would-create';
  release: 'created' | 'updated' | 'unchanged' | 'not-supported' | 'would-create' | 'would-update';
  releaseUrl: string | null;
  milestone: 'closed' | 'already-closed' | 'missing' | 'not-supported' | 'would-close' | 'none';
  /** Sentences for the summary (what was not possible and why). */
  notes: string[];
}

/** Release bodies compare equal when they differ only in line endings and trailing space. */
function sameText(a: string, b: string): boolean {
  const norm = (text: string): string => text.replace(/\r\n/g, '\n').trim();
  return norm(a) === norm(b);
}

export async function publishRelease(
  publisher: ReleasePublisher,
  input: PublishInput,
  log: Logger,
): Promise<PublishOutcome> {
  const notes: string[] = [];
  const outcome: PublishOutcome = {
    tag: 'exists',
    release: 'unchanged',
    releaseUrl: null,
    milestone: 'none',
    notes,
  };

  const existing = await publisher.getTag(input.tag);
  if (existing && existing.commit !== input.commit) {
    throw new OrchestratorGitError(
      'RELEASE_TAG_CONFLICT',
      `Tag ${quote(input.tag)} already exists on ${publisher.platform} at commit ${existing.commit.slice(0, 12)}, not at the commit being released (${input.commit.slice(0, 12)}).`,
      `A release tag is never moved. If ${input.tag} is released, release the next version instead; if the tag is wrong, delete it on ${publisher.platform} by hand and run again; if the checkout is wrong, run the release on ${existing.commit.slice(0, 12)}.`,
    );
  }
  if (existing) {
    log.info(
      `Tag ${input.tag} exists at ${input.commit.slice(0, 12)}${existing.annotated ? '' : ' (a lightweight tag)'}.`,
    );
  } else if (input.dryRun) {
    outcome.tag = 'would-create';
    log.info(`Would create the annotated tag ${input.tag} at ${input.commit.slice(0, 12)}.`);
  } else {
    const created = await publisher.createTag({
      name: input.tag,
      commit: input.commit,
      message: input.message,
    });
    if (created.commit !== input.commit) {
      throw new OrchestratorGitError(
        'RELEASE_TAG_CONFLICT',
        `Tag ${quote(input.tag)} was created meanwhile by someone else at commit ${created.commit.slice(0, 12)}, not at ${input.commit.slice(0, 12)}.`,
        'Check who else releases this version (two workflows at once?); a tag is never moved.',
      );
    }
    outcome.tag = 'created';
    log.info(`Created the annotated tag ${input.tag} at ${input.commit.slice(0, 12)}.`);
  }

  // The milestone is looked up first: GitLab associates it with the release.
  const milestone = input.milestone === null ? null : await publisher.findMilestone(input.milestone);
  const releaseMilestones =
    milestone && publisher.capabilities.releaseMilestones ? [milestone.title] : undefined;

  if (!publisher.capabilities.releases) {
    outcome.release = 'not-supported';
    notes.push(
      `${publisher.platform} has no releases: the notes are in the CHANGELOG file, and the tag marks the release.`,
    );
  } else {
    const release = await publisher.getRelease(input.tag);
    if (release) {
      outcome.releaseUrl = release.url;
      const milestonesMissing =
        releaseMilestones !== undefined &&
        releaseMilestones.some((title) => !release.milestones.includes(title));
      if (sameText(release.body, input.notes) && release.name === input.name && !milestonesMissing) {
        outcome.release = 'unchanged';
        log.info(`Release ${input.tag} is up to date: ${release.url}`);
      } else if (input.dryRun) {
        outcome.release = 'would-update';
      } else {
        const updated = await publisher.updateRelease(release, {
          name: input.name,
          body: input.notes,
          ...(milestonesMissing && releaseMilestones
            ? { milestones: [...new Set([...release.milestones, ...releaseMilestones])] }
            : {}),
        });
        outcome.release = 'updated';
        outcome.releaseUrl = updated.url;
        log.info(`Updated the notes of release ${input.tag}: ${updated.url}`);
      }
    } else if (input.dryRun) {
      outcome.release = 'would-create';
    } else {
      const created = await publisher.createRelease({
        tag: input.tag,
        name: input.name,
        body: input.notes,
        prerelease: input.prerelease,
        ...(releaseMilestones ? { milestones: releaseMilestones } : {}),
      });
      outcome.release = 'created';
      outcome.releaseUrl = created.url;
      log.info(`Created release ${input.tag}: ${created.url}`);
    }
  }

  if (input.milestone !== null) {
    if (!milestone) {
      outcome.milestone = 'missing';
    } else if (milestone.state === 'closed') {
      outcome.milestone = 'already-closed';
    } else if (!publisher.capabilities.milestones) {
      outcome.milestone = 'not-supported';
      notes.push(
        `${publisher.platform}'s API cannot close milestone ${quote(input.milestone)}: close it by hand.`,
      );
    } else if (input.dryRun) {
      outcome.milestone = 'would-close';
    } else {
      await publisher.updateMilestone(milestone, { state: 'closed' });
      outcome.milestone = 'closed';
      log.info(`Closed milestone ${quote(input.milestone)}.`);
    }
  }
  return outcome;
}
