/**
 * orchestrator_release_coordinator's plan_release, generate_changelog and tag_release on the release engine
 * (executeRelease), the way `orchestrator-git release plan|changelog|tag` runs them, reported with the version, tag,
 * bump, the whole release notes (structured; the text shows their beginning) and the release URL.
 */
import { executeRelease, type ReleaseRunResult } from '../release/engine.js';
import type { ReleaseAction as EngineReleaseAction } from '../release/config.js';
import type { CallContext, ReleaseRequest } from './capabilities.js';
import { withNotes, type ToolReport } from './results.js';
import type { ReleaseAction } from './tools.js';

/** The release engine's step for each tool action served here (create_milestone is milestone-call.ts's). */
export const RELEASE_STEPS: Readonly<Partial<Record<ReleaseAction, EngineReleaseAction>>> = {
  plan_release: 'plan',
  generate_changelog: 'changelog',
  tag_release: 'tag',
};

/** How much of the release notes the text shows: structuredContent.releaseNotes has them whole. */
const NOTES_TEXT_LINES = 40;
const NOTES_TEXT_CHARS = 2000;

export async function runReleaseAction(request: ReleaseRequest, context: CallContext): Promise<ToolReport> {
  const step = RELEASE_STEPS[request.action];
  if (!step) throw new Error(`${request.action} is not a release engine step`);
  const notes: string[] = [];
  if (request.dueOn !== null && step !== 'tag')
    notes.push(
      `due_on was not used: it dates the release milestone (create_milestone, or tag_release when the release has no date yet), not ${request.action}.`,
    );
  if (request.notesTemplate !== null && step === 'plan')
    notes.push(
      'release_notes_template was not used: it shapes generate_changelog and tag_release, not the plan.',
    );
  const inputs: Record<string, unknown> = {
    ...context.inputs,
    ...(request.version !== null ? { 'release-version': request.version } : {}),
    ...(request.includedFeatures !== null ? { features: request.includedFeatures.join(',') } : {}),
    ...(request.notesTemplate !== null ? { 'release-notes-template': request.notesTemplate } : {}),
    ...(request.dueOn !== null ? { 'due-on': request.dueOn } : {}),
  };
  const result = await executeRelease({
    action: step,
    inputs,
    configPath: context.configPath,
    env: context.env,
    cwd: context.cwd,
    log: context.log,
    runId: context.runId,
    onSecret: context.onSecret,
  });
  if (result.kind === 'disabled') {
    return {
      summary: `orchestrator-git is disabled (${result.reason}): nothing was done.`,
      data: { action: request.action, disabled: true, reason: result.reason },
    };
  }
  return withNotes(releaseReport(request.action, result), notes);
}

type DoneRelease = Extract<ReleaseRunResult, { kind: 'done' }>;

export function releaseReport(action: ReleaseAction, result: DoneRelease): ToolReport {
  const { plan, outputs, publish } = result;
  const data: Record<string, unknown> = {
    action,
    dryRun: result.dryRun,
    version: outputs.version,
    tag: outputs.tag,
    previousTag: outputs.previousTag,
    bump: outputs.bump,
    bumpReasons: plan.bumpReasons,
    requested: plan.requestedVersion !== null,
    alreadyTagged: plan.alreadyTagged,
    commit: plan.commit,
    features: plan.features.map((feature) => ({
      id: feature.id,
      title: feature.title,
      status: feature.status,
      tasks: feature.tasks.length,
    })),
    otherTasks: plan.tasks.map((task) => ({ id: task.id, title: task.title })),
    commits: plan.commits,
    // Named releaseNotes: `notes` is the tool's own list of remarks (withNotes).
    releaseNotes: outputs.notes,
    releaseUrl: outputs.releaseUrl,
    milestone: outputs.milestone,
    changelog: outputs.changelogFile
      ? { file: outputs.changelogFile, changed: outputs.changelogChanged }
      : null,
    publish: publish ? { tag: publish.tag, release: publish.release, milestone: publish.milestone } : null,
    stateChanged: outputs.stateChanged,
    warnings: plan.warnings,
    report: result.report,
    requests: result.requests,
  };
  const lines: string[] = [];
  const dry = result.dryRun ? ' (dry run: nothing was changed)' : '';
  if (plan.version === null) {
    lines.push(`${action}${dry}: nothing to release since ${plan.previousTag ?? 'the first commit'}.`);
  } else {
    lines.push(
      `${action}${dry}: ${plan.tag} (${plan.requestedVersion ? 'requested' : 'suggested'}${plan.suggestedBump ? `, bump ${plan.suggestedBump}` : ''}; previous ${plan.previousTag ?? 'none'}${plan.alreadyTagged ? '; already tagged at this commit' : ''}).`,
    );
  }
  if (plan.bumpReasons.length > 0) lines.push(`Why: ${plan.bumpReasons.join('; ')}.`);
  const c = plan.commits;
  lines.push(
    `Features ${plan.features.length ? plan.features.map((feature) => feature.id).join(', ') : 'none'}; other tasks ${plan.tasks.length}; commits ${c.total} (${c.features} feat, ${c.fixes} fix, ${c.breaking} breaking, ${c.other} other).`,
  );
  if (outputs.changelogFile)
    lines.push(
      `${outputs.changelogFile}: ${outputs.changelogChanged ? (result.dryRun ? 'would be updated' : 'updated') : 'already has this entry'}.`,
    );
  if (publish)
    lines.push(
      `Tag ${publish.tag}, release ${publish.release}${publish.milestone !== 'none' ? `, milestone ${publish.milestone}` : ''}.`,
    );
  if (outputs.releaseUrl) lines.push(`Release: ${outputs.releaseUrl}`);
  lines.push(...result.report);
  if (outputs.notes !== null) lines.push('Release notes:', truncateNotes(outputs.notes));
  return { summary: lines.join('\n'), data };
}

/** The beginning of the notes, cut at a line, saying how much is left out. */
export function truncateNotes(
  notes: string,
  maxLines = NOTES_TEXT_LINES,
  maxChars = NOTES_TEXT_CHARS,
): string {
  const text = notes.trimEnd();
  const kept: string[] = [];
  let length = 0;
  for (const line of text.split('\n')) {
    if (kept.length >= maxLines || length + line.length + 1 > maxChars) break;
    kept.push(line);
    length += line.length + 1;
  }
  const shown = kept.join('\n');
  const left = text.length - shown.length;
  if (left <= 0) return shown;
  return `${shown}\n… (${left} more characters: structuredContent.releaseNotes has the whole notes)`;
}
