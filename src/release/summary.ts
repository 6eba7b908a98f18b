/** The release plan as Markdown (job summary, `--summary`) and as JSON (the `plan` output), pure. */
import type { ReleasePlan } from './types.js';

function cell(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/\|/g, '\\|');
}

export function renderPlanSummary(plan: ReleasePlan, extra: string[] = []): string {
  const lines: string[] = [];
  lines.push(
    plan.version === null
      ? `## Release plan: nothing to release${plan.previousTag ? ` since ${plan.previousTag}` : ''}`
      : `## Release plan: ${plan.tag ?? plan.version}${plan.alreadyTagged ? ' (already tagged at this commit)' : ''}`,
    '',
  );
  lines.push('| | |', '|---|---|');
  lines.push(`| previous release | ${plan.previousTag ?? 'none (first release)'} |`);
  lines.push(
    `| suggested bump | ${plan.suggestedBump ?? 'none'}${plan.suggestedVersion ? ` → ${plan.suggestedVersion}` : ''} |`,
  );
  if (plan.requestedVersion) lines.push(`| requested version | ${plan.requestedVersion} |`);
  lines.push(`| commit | \`${plan.commit.slice(0, 12)}\` |`);
  const c = plan.commits;
  lines.push(
    `| commits since | ${c.total} (${c.features} features, ${c.fixes} fixes, ${c.breaking} breaking, ${c.reverts} reverts, ${c.total - c.conventional} not conventional) |`,
  );
  lines.push(`| features | ${plan.features.length} |`, `| other tasks | ${plan.tasks.length} |`, '');
  if (plan.bumpReasons.length > 0) lines.push(`Why: ${plan.bumpReasons.join(', ')}.`, '');
  if (plan.groups.length > 0) {
    lines.push('| category | feature or task | id |', '|---|---|---|');
    for (const group of plan.groups) {
      for (const feature of group.features)
        lines.push(
          `| ${cell(group.category)} | **${cell(feature.title)}** (${feature.tasks.length} tasks) | \`${cell(feature.id)}\` |`,
        );
      for (const task of group.tasks)
        lines.push(`| ${cell(group.category)} | ${cell(task.title)} | \`${cell(task.id)}\` |`);
    }
    lines.push('');
  }
  for (const note of plan.basis) lines.push(`> [!NOTE]\n> ${cell(note)}`, '');
  for (const warning of plan.warnings) lines.push(`> [!WARNING]\n> ${cell(warning)}`, '');
  for (const line of extra) lines.push(line, '');
  return `${lines.join('\n').trimEnd()}\n`;
}

/** The plan for machines: what a deployment job or a later step reads. */
export function planJson(plan: ReleasePlan): string {
  return JSON.stringify({
    version: plan.version,
    tag: plan.tag,
    previousTag: plan.previousTag,
    suggestedBump: plan.suggestedBump,
    suggestedVersion: plan.suggestedVersion,
    bumpReasons: plan.bumpReasons,
    alreadyTagged: plan.alreadyTagged,
    commit: plan.commit,
    commits: plan.commits,
    groups: plan.groups.map((group) => ({
      category: group.category,
      features: group.features.map((feature) => ({
        id: feature.id,
        title: feature.title,
        tasks: feature.tasks.map((task) => ({ id: task.id, title: task.title })),
      })),
      tasks: group.tasks.map((task) => ({ id: task.id, title: task.title })),
    })),
    basis: plan.basis,
    warnings: plan.warnings,
  });
}
