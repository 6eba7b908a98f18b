/**
 * One release-coordinator run, shared by the action and the CLI, as a lifecycle: verify (settings, clone, version) →
 * analyse (tags, commits, state) → plan → the action's step (milestone, changelog, or tag + release + milestone closed +
 * state written back). The pure parts are in plan.ts, notes.ts and changelog-file.ts; git and HTTP stay at the edges.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import semver from 'semver';
import { milestoneRequest, prepareMilestone } from '../cli/milestone.js';
import type { IssueSyncConfig } from '../config/issue-sync.js';
import { executeIssueSync } from '../engine/execute-issue-sync.js';
import type { Logger } from '../engine/logger.js';
import { openRun } from '../engine/open-run.js';
import type { SyncOutcome } from '../engine/sync.js';
import { OrchestratorGitError, quote } from '../errors.js';
import { createReleasePublisher, type ReleasePublisher } from '../platforms/releases.js';
import type { StateStore } from '../state/store.js';
import { entryDate, readEntry, upsertEntry } from './changelog-file.js';
import { withFileDefaults } from '../config/file-keys.js';
import {
  parseReleaseSettings,
  RELEASE_SETTINGS,
  sharedInputs,
  type ReleaseAction,
  type ReleaseSettings,
} from './config.js';
import { generateConventionalEntry, type ConventionalEntry } from './conventional.js';
import { GitRepository } from './git.js';
import {
  changelogEntry,
  checkManualTemplate,
  composeNotes,
  renderFeatureSection,
  type IssueRef,
} from './notes.js';
import { planRelease } from './plan.js';
import { publishRelease, type PublishOutcome } from './publish.js';
import type { ReleasePlan } from './types.js';
import { parseRequestedVersion, previousRelease } from './version.js';

export interface ReleaseRunOptions {
  action: ReleaseAction;
  /** Action inputs or CLI flags: the release settings and the shared platform settings. */
  inputs: Record<string, unknown>;
  configPath: string | null;
  env: NodeJS.ProcessEnv;
  cwd: string;
  log: Logger;
  runId: string;
  /** The clock (today's date for a new changelog entry). */
  now?: () => Date;
  onSecret?: (secret: string) => void;
}

export interface ReleaseOutputs {
  version: string | null;
  tag: string | null;
  previousTag: string | null;
  bump: string | null;
  /** The release notes (without the version heading). */
  notes: string | null;
  releaseUrl: string | null;
  milestone: string | null;
  changelogFile: string | null;
  changelogChanged: boolean;
  stateChanged: boolean;
  features: string[];
}

export type ReleaseRunResult =
  | { kind: 'disabled'; reason: string }
  | {
      kind: 'done';
      action: ReleaseAction;
      dryRun: boolean;
      plan: ReleasePlan;
      outputs: ReleaseOutputs;
      publish: PublishOutcome | null;
      sync: SyncOutcome | null;
      /** Extra lines for the summary (what was done, what could not be). */
      report: string[];
      requests: { reads: number; writes: number };
    };

function today(now: () => Date): string {
  return now().toISOString().slice(0, 10);
}

async function readOptional(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new OrchestratorGitError(
      'CONFIG_INVALID',
      `${quote(file)} could not be read: ${(error as Error).message}.`,
      'Check the path and its permissions.',
      { cause: error },
    );
  }
}

export async function executeRelease(options: ReleaseRunOptions): Promise<ReleaseRunResult> {
  const { inputs, env, cwd, log, action } = options;
  const now = options.now ?? (() => new Date());
  const opened = await openRun({
    shared: sharedInputs(inputs),
    configPath: options.configPath,
    env,
    cwd,
    log,
    ...(options.onSecret ? { onSecret: options.onSecret } : {}),
    job: 'release',
  });
  if (opened.kind === 'disabled') return opened;
  const { store, config, fileSettings, stateFile, statePath } = opened;
  const settings = parseReleaseSettings(
    withFileDefaults(inputs, fileSettings, Object.keys(RELEASE_SETTINGS)),
  );
  let storeOpen = true;
  const closeStore = (): void => {
    if (storeOpen) store.close();
    storeOpen = false;
  };
  try {
    const dryRun = config.dryRun;

    // verify: the clone, then the version against its tags.
    const gitDir = path.resolve(cwd, settings.workingDirectory ?? '.');
    const git = await GitRepository.open(gitDir);
    await git.verifyReleasable({ clean: action === 'tag' && !dryRun, ignore: [statePath] });
    const head = await git.head();
    const tags = await git.releaseTags(settings.tagPrefix);
    const requested =
      settings.version === null ? null : parseRequestedVersion(settings.version, settings.tagPrefix);
    const previous = previousRelease(tags, requested);
    const manualTemplate = await loadManualTemplate(settings, cwd);

    // analyse + plan: the commits since the previous release (one pass of conventional-changelog).
    const publisher = await createReleasePublisher(config, (message) => log.warning(message));
    const changelogPath = path.resolve(gitDir, settings.changelogFile);
    const changelogText = await readOptional(changelogPath);
    const entryFor = async (version: string, tag: string, date: string): Promise<ConventionalEntry> =>
      generateConventionalEntry({
        dir: gitDir,
        platform: config.platform,
        web: publisher.webRepository(),
        version,
        tag,
        previousTag: previous?.name ?? null,
        date,
        tagPrefix: settings.tagPrefix,
        warn: (message) => log.debug(message),
      });
    const dateFor = (version: string): string =>
      settings.date ?? entryDate(readEntry(changelogText ?? '', version) ?? '') ?? today(now);
    const firstVersion = requested ?? '0.0.0';
    let entry = await entryFor(firstVersion, `${settings.tagPrefix}${firstVersion}`, dateFor(firstVersion));
    const plan = planRelease({
      state: store.state,
      tags,
      head,
      tagPrefix: settings.tagPrefix,
      requestedVersion: requested,
      previous,
      commits: entry.commits,
      featureIds: settings.featureIds,
      milestoneName: (tag) => settings.milestone ?? tag,
      releases: store.releases(config.platform, config.repository),
    });
    for (const note of plan.basis) log.info(note);
    for (const warning of plan.warnings) log.warning(warning);
    log.info(
      plan.version === null
        ? `Nothing to release since ${plan.previousTag ?? 'the first commit'}.`
        : `Release ${plan.tag} (${plan.requestedVersion ? 'requested' : 'suggested'}; previous ${plan.previousTag ?? 'none'}; bump ${plan.suggestedBump ?? 'none'}): ${plan.features.length} features, ${plan.tasks.length} other tasks, ${plan.commits.total} commits.`,
    );

    const outputs: ReleaseOutputs = {
      version: plan.version,
      tag: plan.tag,
      previousTag: plan.previousTag,
      bump: plan.suggestedBump,
      notes: null,
      releaseUrl: null,
      milestone: plan.tag === null ? null : (settings.milestone ?? plan.tag),
      changelogFile: null,
      changelogChanged: false,
      stateChanged: false,
      features: plan.features.map((feature) => feature.id),
    };
    const report: string[] = [];
    const done = (extra: { publish?: PublishOutcome; sync?: SyncOutcome } = {}): ReleaseRunResult => {
      const stats = publisher.stats();
      return {
        kind: 'done',
        action,
        dryRun,
        plan,
        outputs,
        publish: extra.publish ?? null,
        sync: extra.sync ?? null,
        report,
        requests: { reads: stats.reads, writes: stats.writes },
      };
    };
    if (action === 'plan') return done();
    if (plan.version === null || plan.tag === null) {
      throw new OrchestratorGitError(
        'RELEASE_NOTHING_TO_RELEASE',
        `There is nothing to release since ${plan.previousTag ?? 'the first commit'}: no commits, completed features or tasks, and no release-version was given.`,
        'Give `release-version` to release anyway, or complete work first.',
      );
    }
    const version = plan.version;
    const tag = plan.tag;
    const milestoneName = settings.milestone ?? tag;

    if (action === 'milestone') {
      const completed =
        store.state.milestones.find((milestone) => milestone.name === milestoneName)?.status === 'completed';
      closeStore();
      const sync = await runMilestone({
        options,
        config,
        publisher,
        settings,
        plan,
        milestoneName,
        dryRun,
        report,
        completed,
      });
      outputs.stateChanged = sync?.stateSaved ?? false;
      return done(sync ? { sync } : {});
    }

    // changelog and tag: the notes.
    const date = dateFor(version);
    if (version !== firstVersion || date !== dateFor(firstVersion))
      entry = await entryFor(version, tag, date);
    const links = new Map(
      store.state.links
        .filter((link) => link.platform === config.platform && link.repository === config.repository)
        .map((link) => [
          link.taskId !== null ? `task:${link.taskId}` : `feature:${link.featureId ?? ''}`,
          link,
        ]),
    );
    const issueRef: IssueRef = ({ kind, id }) => {
      const link = links.get(`${kind}:${id}`);
      return link && link.issueUrl ? { number: link.issueNumber, url: link.issueUrl } : null;
    };
    const existingEntry = readEntry(changelogText ?? '', version);
    const existingRelease =
      action === 'tag' && settings.notesTemplate !== 'automated' && publisher.capabilities.releases
        ? await publisher.getRelease(tag)
        : null;
    const notes = composeNotes({
      template: settings.notesTemplate,
      manualTemplate,
      earlier: [existingRelease?.body ?? '', existingEntry ?? ''].filter((text) => text !== ''),
      context: {
        version,
        tag,
        previousTag: plan.previousTag,
        date,
        heading: entry.heading,
        changes: entry.changes,
        features: renderFeatureSection(plan, issueRef),
        compareUrl: entry.compareUrl,
        repository: config.repository,
      },
    });
    outputs.notes = notes;

    if (action === 'changelog') {
      const updated = upsertEntry(changelogText, version, changelogEntry(entry.heading, notes));
      outputs.changelogFile = path.relative(cwd, changelogPath) || settings.changelogFile;
      outputs.changelogChanged = updated !== changelogText;
      if (!outputs.changelogChanged)
        log.info(`${settings.changelogFile} already has this entry for ${version}.`);
      else if (dryRun) log.info(`Would write the ${version} entry to ${settings.changelogFile} (dry run).`);
      else {
        await writeFile(changelogPath, updated);
        log.info(`Wrote the ${version} entry to ${settings.changelogFile}.`);
      }
      return done();
    }

    // tag: the annotated tag, the release, the milestone closed, the features marked released in the state.
    const publish = await publishRelease(
      publisher,
      {
        tag,
        commit: head,
        message: `Release ${tag}`,
        name: tag,
        notes,
        prerelease: settings.prerelease ?? semver.prerelease(version) !== null,
        milestone: milestoneName,
        dryRun,
      },
      log,
    );
    outputs.releaseUrl = publish.releaseUrl;
    report.push(...publish.notes);
    for (const note of publish.notes) log.info(note);
    if (!dryRun) {
      const row = store.state.milestones.find((milestone) => milestone.name === milestoneName);
      store.upsertReleaseMilestone({
        name: milestoneName,
        status: 'completed',
        includedFeatures: plan.features.map((feature) => feature.id),
        ...(row?.targetDate || !settings.dueOn ? {} : { targetDate: settings.dueOn }),
      });
      // Exactly what this release shipped, so the next plan leaves out these items and nothing else.
      store.recordRelease({
        platform: config.platform,
        repository: config.repository,
        tag,
        version,
        commit: head,
        previousTag: plan.previousTag,
        milestone: milestoneName,
        releaseUrl: publish.releaseUrl,
        releasedAt: now().toISOString(),
        items: [
          ...plan.features.map((feature) => `feature:${feature.id}`),
          ...plan.tasks.map((task) => `task:${task.id}`),
        ].sort(),
      });
      outputs.stateChanged = await store.save();
      if (outputs.stateChanged)
        log.info(
          `Marked ${plan.features.length} feature(s) released in ${stateFile} (milestone ${quote(milestoneName)}).`,
        );
    }
    return done({ publish });
  } finally {
    closeStore();
  }
}

async function loadManualTemplate(settings: ReleaseSettings, cwd: string): Promise<string | null> {
  if (settings.notesTemplate !== 'manual') return null;
  if (settings.notesTemplateFile === null) {
    throw new OrchestratorGitError(
      'CONFIG_INVALID',
      'release-notes-template is manual, but notes-template-file is not set.',
      'Set `notes-template-file` to a Markdown file with placeholders such as {{changes}} and {{features}} (see docs/release.md), or use release-notes-template: automated or hybrid.',
    );
  }
  const file = path.resolve(cwd, settings.notesTemplateFile);
  const text = await readOptional(file);
  if (text === null) {
    throw new OrchestratorGitError(
      'CONFIG_INVALID',
      `The release notes template ${quote(settings.notesTemplateFile)} does not exist.`,
      'Set `notes-template-file` to a file of the repository (relative to the working directory).',
    );
  }
  checkManualTemplate(text, settings.notesTemplateFile);
  return text;
}

interface MilestoneStep {
  options: ReleaseRunOptions;
  config: IssueSyncConfig;
  publisher: ReleasePublisher;
  settings: ReleaseSettings;
  plan: ReleasePlan;
  milestoneName: string;
  dryRun: boolean;
  report: string[];
  /** The state already records this release as completed (tagged): nothing to plan any more. */
  completed: boolean;
}

/**
 * create_milestone: the release_milestones row and the platform milestone kept in step (due date, state), then a sync
 * that assigns the included features' issues (and their tasks') to it — the CLI's create-milestone, reused.
 */
async function runMilestone(step: MilestoneStep): Promise<SyncOutcome | null> {
  const { options, publisher, settings, plan, milestoneName, dryRun, report } = step;
  const features = plan.features.map((feature) => feature.id);
  if (step.completed) {
    report.push(
      `Release ${plan.tag ?? ''} is already completed (milestone ${quote(milestoneName)}): the milestone step changes nothing.`,
    );
    options.log.info(report[report.length - 1] ?? '');
    return null;
  }
  const request = milestoneRequest(milestoneName, {
    ...(settings.dueOn ? { dueOn: settings.dueOn } : {}),
    milestoneStatus: settings.milestoneStatus,
  });
  request.features = features;
  if (dryRun) {
    const existing = await publisher.findMilestone(milestoneName);
    report.push(
      `Would ${existing ? 'keep' : 'create'} milestone ${quote(milestoneName)}${settings.dueOn ? ` due ${settings.dueOn}` : ''} with ${features.length} feature(s), and assign their issues (dry run).`,
    );
    options.log.info(report[report.length - 1] ?? '');
    return null;
  }
  const result = await executeIssueSync({
    inputs: { ...sharedInputs(options.inputs) },
    configPath: options.configPath,
    env: options.env,
    cwd: options.cwd,
    log: options.log,
    runId: options.runId,
    ...(options.onSecret ? { onSecret: options.onSecret } : {}),
    scope: { itemKeys: null, createIssues: false },
    prepare: async (store: StateStore, tracker, log) => {
      const existing = await publisher.findMilestone(milestoneName);
      if (existing && publisher.capabilities.milestones) {
        const dueChanged = settings.dueOn !== null && existing.dueOn !== settings.dueOn;
        if (dueChanged || existing.state !== 'open') {
          await publisher.updateMilestone(existing, {
            ...(dueChanged ? { dueOn: settings.dueOn } : {}),
            ...(existing.state !== 'open' ? { state: 'open' } : {}),
          });
          log.info(
            `Milestone ${quote(milestoneName)} brought in step (${dueChanged ? `due ${settings.dueOn}` : 'reopened'}).`,
          );
        }
      }
      await prepareMilestone(store, tracker, request, log);
    },
  });
  if (result.kind === 'disabled') return null;
  return result.outcome;
}
