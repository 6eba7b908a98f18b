import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { OrchestratorGitError } from '../../../src/errors.js';
import {
  featureTitle,
  parseFeatureFile,
  readFeatures,
  toFeatureStatus,
} from '../../../src/state/features.js';
import type { FeatureRecord, StateWarning } from '../../../src/state/types.js';
import { SAMPLE_FEATURES_DIR, writeFixture } from '../../../test-support/fixtures/build-db.js';

describe('the orchestrator sample feature files', () => {
  let features: FeatureRecord[];
  let warnings: StateWarning[];
  beforeAll(async () => {
    ({ features, warnings } = await readFeatures(SAMPLE_FEATURES_DIR));
  });

  it('reads every file, in path order, without warnings', () => {
    expect(features.map((f) => f.file)).toEqual([
      'approved/[APPROVED]_git_integration_issue_management.md',
      'completed/[COMPLETED]_automation_maintenance.md',
      'in-progress/[IN-PROGRESS]_session_management.md',
      'proposed/[RESEARCH]_smart_task_routing.md',
    ]);
    expect(warnings).toEqual([]);
  });

  it.each([
    [
      'GIT_INTEGRATION_V1',
      '🔧 Git Integration & Issue Management',
      'approved',
      '[APPROVED]',
      'medium',
      'Medium (High for team environments)',
    ],
    [
      'AUTOMATION_MAINTENANCE_V1',
      '✅ Automation & Maintenance Enhancement',
      'completed',
      '[COMPLETED] - shipped in 1.4.0',
      'high',
      'High ⭐',
    ],
    [
      'SESSION_MANAGEMENT_V2',
      '🏗️ Enhanced Session Management Architecture',
      'in_progress',
      'In-Progress',
      'critical',
      'Critical',
    ],
    [
      'SMART_TASK_ROUTING',
      '🧭 Smart Task Routing',
      'proposed',
      '[RESEARCH] - evaluating approaches',
      'low',
      'Low',
    ],
  ])('reads %s', (id, title, status, rawStatus, priority, rawPriority) => {
    expect(features.find((f) => f.id === id)).toMatchObject({
      title,
      status,
      rawStatus,
      priority,
      rawPriority,
    });
  });

  it('reads the bold header fields despite trailing double spaces', () => {
    expect(features.find((f) => f.id === 'GIT_INTEGRATION_V1')).toMatchObject({
      category: 'Integration & Collaboration',
      estimatedEffort: '2-3 weeks',
      createdAt: '2025-05-30T00:00:00.000Z',
      dependencies: [],
    });
  });

  it('takes the body after the header as the summary, without the empty # placeholder', () => {
    const summaries = Object.fromEntries(features.map((f) => [f.id, f.summary]));
    expect(summaries).toEqual({
      GIT_INTEGRATION_V1:
        '# 📋 Overview\n\nAutomated integration with Git platforms to sync feature development with issue tracking.',
      AUTOMATION_MAINTENANCE_V1: 'Stale task detection and cleanup.',
      SESSION_MANAGEMENT_V2: 'Session-first architecture with a single active session.',
      SMART_TASK_ROUTING: 'Route tasks to the specialist with the best match.',
    });
  });

  it('reads the front matter fields', () => {
    expect(features.find((f) => f.id === 'SESSION_MANAGEMENT_V2')).toMatchObject({
      category: 'Core Infrastructure',
      dependencies: [],
      estimatedEffort: null,
    });
  });
});

describe('feature files', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'og-features-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('the header wins over the file prefix and folder, and the disagreement is reported', async () => {
    await writeFixture(
      path.join(dir, 'proposed'),
      '[APPROVED]_thing.md',
      '# Thing\n\n**Feature ID**: `THING`\n**Status**: Completed\n\nBody.\n',
    );
    const { features, warnings } = await readFeatures(dir);
    expect(features[0]).toMatchObject({ id: 'THING', status: 'completed', rawStatus: 'Completed' });
    expect(warnings).toEqual([
      expect.objectContaining({
        code: 'FEATURE_STATUS_DISAGREES',
        subject: 'THING',
        message: expect.stringContaining(
          'header says completed ("Completed"), file prefix says approved ("[APPROVED]"), folder says proposed ("proposed")',
        ),
      }),
    ]);
  });

  it('without a header status, the prefix wins over the folder (with a warning), then the folder', async () => {
    await writeFixture(path.join(dir, 'archived'), '[APPROVED]_a.md', '# A\n**Feature ID**: A\n');
    await writeFixture(path.join(dir, 'in-progress'), 'b.md', '# B\n**Feature ID**: B\n');
    const { features, warnings } = await readFeatures(dir);
    expect(features.map((f) => [f.id, f.status, f.rawStatus])).toEqual([
      ['A', 'approved', '[APPROVED]'],
      ['B', 'in_progress', 'in-progress'],
    ]);
    expect(warnings.map((w) => [w.code, w.subject])).toEqual([['FEATURE_STATUS_DISAGREES', 'A']]);
  });

  it('skips a file without a feature id, with a warning', async () => {
    await writeFixture(dir, 'notes.md', '# Notes\n\nJust notes.\n');
    const { features, warnings } = await readFeatures(dir);
    expect(features).toEqual([]);
    expect(warnings).toEqual([expect.objectContaining({ code: 'FEATURE_ID_MISSING', subject: 'notes.md' })]);
  });

  it('keeps the first file by path when two share a feature id', async () => {
    await writeFixture(
      path.join(dir, 'b'),
      'x.md',
      '# Second\n**Feature ID**: `DUP`\n**Status**: Proposed\n',
    );
    await writeFixture(path.join(dir, 'a'), 'x.md', '# First\n**Feature ID**: `DUP`\n**Status**: Proposed\n');
    const { features, warnings } = await readFeatures(dir);
    expect(features.map((f) => [f.title, f.file])).toEqual([['First', 'a/x.md']]);
    expect(warnings).toEqual([
      expect.objectContaining({
        code: 'FEATURE_DUPLICATE_ID',
        subject: 'b/x.md',
        message: expect.stringContaining('"a/x.md"'),
      }),
    ]);
  });

  it('ignores README.md, dot-folders and other files', async () => {
    await writeFixture(dir, 'README.md', '# Features\n');
    await writeFixture(path.join(dir, '.drafts'), 'x.md', '# X\n**Feature ID**: X\n');
    await writeFixture(dir, 'y.txt', '**Feature ID**: Y\n');
    expect(await readFeatures(dir)).toEqual({ features: [], warnings: [] });
  });

  it('reads front matter (which wins over bold lines) with dependencies and CRLF line ends', async () => {
    await writeFixture(
      dir,
      'fm.md',
      '---\r\nfeature_id: FM_1\r\nstatus: "[APPROVED]"\r\npriority: High\r\ndependencies: [A, B]\r\ncreated: 2025-03-04\r\n---\r\n# 🚀 Feature Specification: Rocket\r\n**Feature ID**: `OTHER`\r\n\r\nText.\r\n',
    );
    const { features } = await readFeatures(dir);
    expect(features[0]).toMatchObject({
      id: 'FM_1',
      title: '🚀 Rocket',
      status: 'approved',
      priority: 'high',
      dependencies: ['A', 'B'],
      createdAt: '2025-03-04T00:00:00.000Z',
      summary: 'Text.',
    });
  });

  it('warns about invalid front matter and still reads bold lines', async () => {
    await writeFixture(dir, 'bad.md', '---\nfeature_id: [unclosed\n---\n# T\n**Feature ID**: BAD_FM\n');
    const { features, warnings } = await readFeatures(dir);
    expect(features.map((f) => f.id)).toEqual(['BAD_FM']);
    expect(warnings.map((w) => w.code)).toEqual(['FEATURE_FRONT_MATTER_INVALID', 'FEATURE_STATUS_UNKNOWN']);
  });

  it('a missing folder is FEATURES_DIR_NOT_FOUND', async () => {
    await expect(readFeatures(path.join(dir, 'missing'))).rejects.toMatchObject({
      code: 'FEATURES_DIR_NOT_FOUND',
      message: expect.stringContaining('missing'),
    });
    await expect(readFeatures(path.join(dir, 'missing'))).rejects.toBeInstanceOf(OrchestratorGitError);
  });
});

describe('feature header parsing', () => {
  it.each([
    ['Proposed', 'proposed'],
    ['[RESEARCH]', 'proposed'],
    ['[APPROVED]', 'approved'],
    ['In-Progress', 'in_progress'],
    ['In Progress', 'in_progress'],
    ['[IN-PROGRESS]', 'in_progress'],
    ['[COMPLETED] - Comprehensive automation in place', 'completed'],
    ['Archived', 'archived'],
    ['Approved - implementation in progress', 'approved'],
    ['Inactive', undefined],
    ['???', undefined],
  ])('status %j → %s', (text, expected) => {
    expect(toFeatureStatus(text)).toBe(expected);
  });

  it.each([
    ['🔧 Feature Specification: Git Integration & Issue Management', '🔧 Git Integration & Issue Management'],
    ['Feature Specification: Plain', 'Plain'],
    ['🏗️ Enhanced Session Management Architecture', '🏗️ Enhanced Session Management Architecture'],
    ['Title with closing hashes ##', 'Title with closing hashes'],
    ['Feature Specification:', 'Feature Specification:'],
  ])('title %j → %j', (heading, expected) => {
    expect(featureTitle(heading)).toBe(expected);
  });

  it('accepts the colon inside the bold key and a list bullet', () => {
    const warnings: StateWarning[] = [];
    const feature = parseFeatureFile(
      '# T\n- **Feature ID:** `X1`\n- **Status:** Proposed\n',
      'x.md',
      warnings,
    );
    expect(feature).toMatchObject({ id: 'X1', status: 'proposed' });
  });

  it('falls back to the feature id for a file without a # title', () => {
    const warnings: StateWarning[] = [];
    const feature = parseFeatureFile('#\n**Feature ID**: NO_TITLE\n**Status**: Proposed\n', 'x.md', warnings);
    expect(feature?.title).toBe('NO_TITLE');
    expect(warnings.map((w) => w.code)).toEqual(['FEATURE_TITLE_MISSING']);
  });
});
