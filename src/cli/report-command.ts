/** `orchestrator-git report`: the progress report (Markdown and a self-contained HTML page) from the state alone. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { locateFeaturesDir, locateStateFile } from '../config/file.js';
import { OrchestratorGitError, quote } from '../errors.js';
import { renderProgressHtml } from '../report/html.js';
import { buildProgressReport, renderProgressMarkdown } from '../report/progress.js';
import { readState } from '../state/store.js';

export interface ReportCommandOptions {
  state?: string;
  featuresDir?: string;
  markdown?: string;
  html?: string;
  format?: string;
  title?: string;
  json?: boolean;
}

export interface ReportFiles {
  markdown: string | null;
  html: string | null;
  tasks: number;
  features: number;
}

/** Reads the state (no platform, no token) and writes the report files; returns what it wrote. */
export async function writeProgressReport(
  options: ReportCommandOptions,
  cwd: string,
  now: Date = new Date(),
): Promise<ReportFiles> {
  const format = (options.format ?? 'both').trim();
  if (!['both', 'markdown', 'html'].includes(format)) {
    throw new OrchestratorGitError(
      'CONFIG_INVALID',
      `Report format ${quote(format)} is not markdown, html or both.`,
      'Pass --format markdown, --format html, or leave it out for both.',
    );
  }
  const stateFile = locateStateFile(options.state ?? null, cwd);
  const featuresDir = locateFeaturesDir(options.featuresDir ?? null, cwd);
  const state = await readState({
    stateFile: path.resolve(cwd, stateFile),
    featuresDir: featuresDir ? path.resolve(cwd, featuresDir) : null,
  });
  const report = buildProgressReport(state, { now, ...(options.title ? { title: options.title } : {}) });
  const written: ReportFiles = {
    markdown: null,
    html: null,
    tasks: state.tasks.length,
    features: state.features.length,
  };
  const write = async (file: string, text: string) => {
    const target = path.resolve(cwd, file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, text);
  };
  if (format !== 'html') {
    written.markdown = options.markdown ?? 'orchestrator-report.md';
    await write(written.markdown, renderProgressMarkdown(report));
  }
  if (format !== 'markdown') {
    written.html = options.html ?? 'orchestrator-report.html';
    await write(written.html, renderProgressHtml(report));
  }
  return written;
}

export function addReportCommand(program: Command, setExitCode: (code: number) => void): Command {
  return program
    .command('report')
    .description(
      'Write a progress report from the orchestrator state alone: Markdown, and an HTML page with charts (no JavaScript, no network)',
    )
    .option('--state <path>', "The orchestrator's database or JSON export (default: its usual places)")
    .option('--features-dir <path>', 'Folder of feature specification files (default: the usual places)')
    .option('--markdown <path>', 'Where to write the Markdown report', 'orchestrator-report.md')
    .option('--html <path>', 'Where to write the HTML report', 'orchestrator-report.html')
    .option('--format <format>', 'markdown, html or both', 'both')
    .option('--title <text>', 'Title of the report', 'Orchestrator progress')
    .option('--json', 'Print what was written as JSON on stdout')
    .action(async (options: ReportCommandOptions) => {
      const written = await writeProgressReport(options, process.cwd());
      if (options.json) process.stdout.write(`${JSON.stringify(written)}\n`);
      for (const file of [written.markdown, written.html]) if (file) process.stderr.write(`Wrote ${file}\n`);
      process.stderr.write(`${written.tasks} tasks, ${written.features} features.\n`);
      setExitCode(0);
    });
}
