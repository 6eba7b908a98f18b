/** The progress report from a state: counts, burn-up, specialists, links; its Markdown, and an HTML page that needs nothing else. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { addReportCommand, writeProgressReport } from '../../../src/cli/report-command.js';
import { renderProgressHtml } from '../../../src/report/html.js';
import { buildProgressReport, renderProgressMarkdown, samplePoints } from '../../../src/report/progress.js';
import type { OrchestratorState, TaskRecord } from '../../../src/state/types.js';
import { SAMPLES_DIR, SAMPLE_FEATURES_DIR } from '../../../test-support/fixtures/build-db.js';

function task(id: string, overrides: Partial<TaskRecord> = {}): TaskRecord {
  return {
    id,
    parentId: null,
    title: `Task ${id}`,
    description: '',
    status: 'pending',
    rawStatus: 'pending',
    specialist: null,
    priority: null,
    complexity: null,
    estimatedEffort: null,
    assignee: null,
    featureId: null,
    position: 0,
    createdAt: '2025-03-01T09:00:00Z',
    updatedAt: null,
    completedAt: null,
    dueDate: null,
    dependencies: [],
    ...overrides,
  };
}

function state(tasks: TaskRecord[], extra: Partial<OrchestratorState> = {}): OrchestratorState {
  return {
    generation: 'json-export',
    tasks,
    features: [],
    milestones: [],
    links: [],
    config: null,
    warnings: [],
    ...extra,
  };
}

const NOW = new Date('2025-03-05T12:00:00Z');

describe('buildProgressReport', () => {
  it('burn-up: scope by created_at, completed by completed_at (else updated_at), cancelled out of scope', () => {
    const report = buildProgressReport(
      state([
        task('a', {
          createdAt: '2025-03-01T10:00:00Z',
          status: 'completed',
          completedAt: '2025-03-03T08:00:00Z',
        }),
        task('b', {
          createdAt: '2025-03-02T10:00:00Z',
          status: 'completed',
          updatedAt: '2025-03-04T08:00:00Z',
        }),
        task('c', { createdAt: '2025-03-03T10:00:00Z', status: 'in_progress' }),
        task('d', { createdAt: '2025-03-02T10:00:00Z', status: 'cancelled' }),
        task('e', { createdAt: null, status: 'completed' }),
      ]),
      { now: NOW },
    );
    expect(report.burnUp).toEqual([
      { date: '2025-03-01', scope: 2, completed: 0 },
      { date: '2025-03-02', scope: 3, completed: 0 },
      { date: '2025-03-03', scope: 4, completed: 1 },
      { date: '2025-03-04', scope: 4, completed: 2 },
      { date: '2025-03-05', scope: 4, completed: 2 },
    ]);
    expect(report.undatedCompleted).toBe(1);
    expect(report.byStatus).toEqual({
      pending: 0,
      in_progress: 1,
      completed: 3,
      blocked: 0,
      failed: 0,
      cancelled: 1,
    });
  });

  it('samples a long burn-up to the point limit, keeping the last day', () => {
    const report = buildProgressReport(state([task('a', { createdAt: '2024-01-01T00:00:00Z' })]), {
      now: new Date('2025-01-01T00:00:00Z'),
      maxBurnUpPoints: 50,
    });
    expect(report.burnUp.length).toBeLessThanOrEqual(50);
    expect(report.burnUp.at(-1)?.date).toBe('2025-01-01');
    expect(samplePoints([1, 2, 3, 4, 5, 6, 7], 3)).toEqual([1, 4, 7]);
  });

  it('per specialist, most tasks first, and tasks in tree order with their issue links (http(s) only)', () => {
    const report = buildProgressReport(
      state(
        [
          task('p', { specialist: 'implementer', position: 1 }),
          task('c2', { parentId: 'p', specialist: 'tester', position: 2 }),
          task('c1', { parentId: 'p', specialist: 'implementer', status: 'completed', position: 1 }),
          task('q', { position: 0 }),
        ],
        {
          links: [
            {
              featureId: null,
              taskId: 'p',
              platform: 'github',
              repository: 'acme/widgets',
              issueNumber: 7,
              issueUrl: 'https://github.com/acme/widgets/issues/7',
              syncStatus: 'synced',
              lastSynced: null,
            },
            {
              featureId: null,
              taskId: 'q',
              platform: 'github',
              repository: 'acme/widgets',
              issueNumber: 8,
              issueUrl: 'javascript:alert(1)',
              syncStatus: 'synced',
              lastSynced: null,
            },
          ],
        },
      ),
      { now: NOW },
    );
    expect(report.specialists.map((row) => [row.name, row.total, row.byStatus.completed])).toEqual([
      ['implementer', 2, 1],
      ['tester', 1, 0],
      ['unassigned', 1, 0],
    ]);
    expect(report.tasks.map((row) => [row.itemKey, row.depth, row.url])).toEqual([
      ['task:q', 0, null],
      ['task:p', 0, 'https://github.com/acme/widgets/issues/7'],
      ['task:c1', 1, null],
      ['task:c2', 1, null],
    ]);
  });
});

describe('rendering', () => {
  const hostile = state(
    [
      task('x', {
        title: '</td><script>alert(1)</script> | @team #12',
        specialist: '<img src=x onerror=alert(1)>',
      }),
      task('y', { status: 'completed', completedAt: '2025-03-02T00:00:00Z' }),
    ],
    { warnings: [{ code: 'W', message: 'bad <b>row</b>' }] },
  );

  it('Markdown: the job summary’s sections, snapshot of the sample state', async () => {
    const sample = buildProgressReport(
      await import('../../../src/state/store.js').then(({ readState }) =>
        readState({ stateFile: path.join(SAMPLES_DIR, 'v2-generic.db'), featuresDir: SAMPLE_FEATURES_DIR }),
      ),
      { now: new Date('2025-07-10T00:00:00Z') },
    );
    const markdown = renderProgressMarkdown(sample);
    expect(markdown).toMatchSnapshot();
    for (const heading of [
      '### Progress by status',
      '### Burn-up',
      '### By specialist',
      '### Features',
      'All 5 tasks',
    ])
      expect(markdown).toContain(heading);
  });

  it('Markdown: untrusted text is inert in table cells', () => {
    const markdown = renderProgressMarkdown(buildProgressReport(hostile, { now: NOW }));
    expect(markdown).not.toContain('<script>');
    expect(markdown).toContain('&lt;/td&gt;&lt;script&gt;alert(1)&lt;/script&gt; &#124; \\@team \\#12');
  });

  it('HTML: self-contained (no script, no external resource, a CSP that forbids fetches) and escaped', () => {
    const html = renderProgressHtml(buildProgressReport(hostile, { now: NOW }));
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    expect(html).not.toMatch(
      /<(script|link|iframe|img|object|embed)\b|@import|url\(|\bsrc="|href="(?!https?:)/i,
    );
    expect(html).toContain('&lt;/td&gt;&lt;script&gt;alert(1)&lt;/script&gt; | @team #12');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('bad &lt;b&gt;row&lt;/b&gt;');
    // Three charts, each an inline SVG with a title for screen readers.
    expect(html.match(/<svg [^>]*role="img"/g)).toHaveLength(3);
  });
});

describe('orchestrator-git report', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'og-report-cli-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes both files from the state alone, through the command', async () => {
    let exitCode = -1;
    const program = new Command('orchestrator-git').exitOverride();
    addReportCommand(program, (code) => {
      exitCode = code;
    });
    const cwd = process.cwd();
    const markdown = path.join(dir, 'out', 'report.md');
    const html = path.join(dir, 'out', 'report.html');
    await program.parseAsync(
      [
        'report',
        '--state',
        path.join(SAMPLES_DIR, 'v1.db'),
        '--features-dir',
        SAMPLE_FEATURES_DIR,
        '--markdown',
        markdown,
        '--html',
        html,
        '--title',
        'Widgets <progress>',
      ],
      { from: 'user' },
    );
    expect(process.cwd()).toBe(cwd);
    expect(exitCode).toBe(0);
    expect(await readFile(markdown, 'utf8')).toMatch(/^## Widgets &lt;progress&gt;\n/);
    expect(await readFile(html, 'utf8')).toContain('<title>Widgets &lt;progress&gt;</title>');
  });

  it('--format markdown writes only the Markdown; a bad format is a catalogue error', async () => {
    const files = await writeProgressReport(
      { state: path.join(SAMPLES_DIR, 'v2-tasks.db'), featuresDir: SAMPLE_FEATURES_DIR, format: 'markdown' },
      dir,
    );
    expect(files).toEqual({ markdown: 'orchestrator-report.md', html: null, tasks: 4, features: 4 });
    await expect(readFile(path.join(dir, 'orchestrator-report.html'))).rejects.toThrow();
    await expect(
      writeProgressReport({ state: path.join(SAMPLES_DIR, 'v1.db'), format: 'pdf' }, dir),
    ).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
    });
  });
});
