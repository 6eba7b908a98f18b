/** The run's report: the Markdown job summary (tables, a mermaid chart of progress) and the plan as JSON. */
import type { Operation, Plan } from '../core/plan.js';
import type { SyncOutcome } from '../engine/sync.js';

/** Text from the orchestrator or the platform, made inert in a Markdown table cell. */
export function cell(text: string): string {
  // Markdown escapes first, then entities: the other order would break the entities' own `#`.
  return text
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/([\\`*_[\]#@])/g, '\\$1')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '&#124;')
    .trim();
}

function operationRow(operation: Operation): {
  item: string;
  action: string;
  title: string;
  number: number | null;
} {
  switch (operation.kind) {
    case 'createLabel':
      return { item: 'label', action: 'create label', title: operation.label.name, number: null };
    case 'createMilestone':
      return {
        item: 'milestone',
        action: 'create milestone',
        title: operation.milestone.title,
        number: null,
      };
    case 'createIssue':
      return { item: operation.itemKey, action: 'create', title: operation.title, number: null };
    case 'updateIssue':
      return {
        item: operation.itemKey,
        action:
          operation.change === 'updated'
            ? `update ${operation.fields.join(', ')}`
            : operation.change.replace(/d$/, ''),
        title: operation.title,
        number: operation.number,
      };
  }
}

/** The plan as JSON for the `plan` output: operations without bodies (they can be 64 KiB each). */
export function planJson(plan: Plan): string {
  return JSON.stringify({
    operations: plan.operations.map((operation) => ({
      ...operationRow(operation),
      kind: operation.kind,
      reason: operation.reason,
    })),
    unchanged: plan.unchanged.length,
    skipped: plan.skipped,
    conflicts: plan.conflicts,
    orphans: plan.orphans,
    warnings: plan.warnings,
  });
}

export function renderSummary(outcome: SyncOutcome): string {
  const { counts, plan } = outcome;
  const lines: string[] = [];
  lines.push(`## orchestrator-git issue sync${outcome.dryRun ? ' (dry run: nothing was changed)' : ''}`, '');
  lines.push(`Repository \`${cell(outcome.repository)}\` · run \`${cell(outcome.runId)}\``, '');
  lines.push(
    '| created | updated | closed | reopened | unchanged | failed | skipped | conflicts | orphans | requests |',
  );
  lines.push('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  const requests = outcome.stats.reads + outcome.stats.writes + outcome.stats.graphql;
  lines.push(
    `| ${counts.created} | ${counts.updated} | ${counts.closed} | ${counts.reopened} | ${counts.unchanged} | ${counts.failed} | ${counts.skipped} | ${counts.conflicts} | ${counts.orphans} | ${requests} (${outcome.stats.writes} writes) |`,
    '',
  );
  if (outcome.stoppedBy) {
    lines.push(
      `> [!WARNING]`,
      `> The run stopped early: ${cell(outcome.stoppedBy.message)}`,
      `> ${cell(outcome.stoppedBy.fix)}`,
      '',
    );
  }

  const byStatus = new Map<string, number>();
  for (const item of outcome.items) byStatus.set(item.status, (byStatus.get(item.status) ?? 0) + 1);
  if (byStatus.size) {
    lines.push('### Progress by status', '', '```mermaid', 'pie showData');
    for (const [status, count] of byStatus) lines.push(`    "${status.replace(/"/g, "'")}" : ${count}`);
    lines.push('```', '');
  }

  const rows = outcome.dryRun
    ? plan.operations.map((operation) => ({
        operation,
        status: 'planned',
        url: null as string | null,
        number: null as number | null,
        error: null as string | null,
      }))
    : outcome.results.map((result) => ({
        operation: result.operation,
        status: result.status,
        url: result.issue?.url ?? null,
        number: result.issue?.number ?? null,
        error: result.error,
      }));
  if (rows.length) {
    lines.push(
      `### ${outcome.dryRun ? 'Planned changes' : 'Changes'}`,
      '',
      '| item | issue | change | result | why |',
      '|---|---|---|---|---|',
    );
    for (const row of rows.slice(0, 500)) {
      const described = operationRow(row.operation);
      const number = row.number ?? described.number;
      const issue = row.url
        ? `[${number !== null ? `#${number}` : 'issue'}](${row.url})`
        : number !== null
          ? `#${number}`
          : '';
      const result = row.error ? `${row.status}: ${cell(row.error)}` : row.status;
      lines.push(
        `| ${cell(described.title)}<br><sub>${cell(described.item)}</sub> | ${issue} | ${cell(described.action)} | ${result} | ${cell(row.operation.reason)} |`,
      );
    }
    if (rows.length > 500) lines.push('', `_… and ${rows.length - 500} more (see the \`plan\` output)._`);
    lines.push('');
  } else {
    lines.push('Everything already matches the orchestrator: no changes.', '');
  }

  if (outcome.items.length) {
    const issues = new Map(outcome.links.map((link) => [link.itemKey, link]));
    lines.push(
      `<details><summary>All ${outcome.items.length} synced items</summary>`,
      '',
      '| item | status | issue |',
      '|---|---|---|',
    );
    for (const item of outcome.items.slice(0, 1000)) {
      const issue = issues.get(item.itemKey);
      lines.push(
        `| ${cell(item.title)}<br><sub>${cell(item.itemKey)}</sub> | ${cell(item.status)} | ${issue ? `[#${issue.number}](${issue.url})` : ''} |`,
      );
    }
    if (outcome.items.length > 1000) lines.push('', `_… and ${outcome.items.length - 1000} more._`);
    lines.push('', '</details>', '');
  }

  const notes = [
    ...plan.conflicts.map((note) => ({ kind: 'conflict', ...note })),
    ...plan.warnings.map((note) => ({ kind: 'warning', ...note })),
    ...plan.orphans.map((note) => ({ kind: 'orphan', ...note })),
    ...plan.skipped.map((note) => ({ kind: 'skipped', ...note })),
  ];
  if (notes.length) {
    lines.push('### Notes', '');
    for (const note of notes.slice(0, 200)) {
      const where = [
        note.itemKey ? `\`${cell(note.itemKey)}\`` : null,
        note.issueNumber ? `#${note.issueNumber}` : null,
      ]
        .filter(Boolean)
        .join(' ');
      lines.push(`- **${note.kind}** ${where}: ${cell(note.message)}`);
    }
    if (notes.length > 200) lines.push(`- … and ${notes.length - 200} more`);
    lines.push('');
  }
  return lines.join('\n');
}
