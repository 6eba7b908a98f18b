/**
 * `orchestrator-git doctor` against emulator setups with each thing missing in turn (state file, token, repository,
 * issues, read-only tokens, GitLab roles and scopes, Bitbucket scopes): every problem is named with its fix, later
 * checks wait for it, nothing is ever written on the platform, and only a ready setup exits 0.
 */
import { runDoctor, formatDoctorReport, type DoctorReport } from '../../src/cli/doctor.js';
import type { RawSettings } from '../../src/config/issue-sync.js';
import { BitbucketEmulator } from '../../test-support/emulators/bitbucket/index.js';
import { GitLabEmulator } from '../../test-support/emulators/gitlab/index.js';
import type { GitHubEmulator } from '../../test-support/emulators/github/index.js';
import {
  FEATURES,
  READ_TOKEN,
  REPO,
  STATE_DB,
  TOKEN,
  Workspace,
  runCli,
  startEmulator,
} from '../../test-support/e2e/harness.js';

let workspace: Workspace;

beforeEach(async () => {
  workspace = await Workspace.create();
  await workspace.copySample('v2-generic');
  await workspace.copyFeatures();
});
afterEach(async () => {
  await workspace.dispose();
});

function doctor(inputs: RawSettings, env: NodeJS.ProcessEnv = {}): Promise<DoctorReport> {
  return runDoctor({
    inputs: { 'state-file': STATE_DB, 'features-dir': FEATURES, ...inputs },
    configPath: null,
    env,
    cwd: workspace.dir,
  });
}

/** Each check as `✓ name` / `✗ name: CODE`. */
function summary(report: DoctorReport): string[] {
  return report.checks.map((check) =>
    check.ok ? `✓ ${check.name}` : `✗ ${check.name}: ${check.detail.split(':')[0] ?? ''}`,
  );
}

describe('GitHub', () => {
  let emulator: GitHubEmulator;
  beforeEach(async () => {
    emulator = await startEmulator();
    emulator.addRepository('acme/quiet', { hasIssues: false });
    emulator.addToken('ghs_quietToken000000000000000000000', {
      repositories: ['acme/quiet'],
      permissions: { issues: 'write', metadata: 'read' },
    });
  });
  afterEach(async () => {
    await emulator.stop();
  });

  const github = (inputs: RawSettings = {}) => ({ repository: REPO, 'api-url': emulator.url, ...inputs });

  it('a ready setup: every check passes, nothing is written, and the report says so', async () => {
    const report = await doctor(github({ token: TOKEN }));
    expect(summary(report)).toEqual([
      '✓ config file',
      '✓ state file',
      '✓ settings',
      '✓ repository',
      '✓ read issues',
      '✓ write issues',
    ]);
    expect(report.ready).toBe(true);
    expect(emulator.listLabels(REPO)).toEqual([]);
    expect(formatDoctorReport(report)).toContain(
      '✓ state file: task_orchestrator.db: v2-generic, 5 tasks, 4 features (from features)',
    );
    expect(formatDoctorReport(report).trimEnd().endsWith('Ready: the next sync can run.')).toBe(true);
  });

  it.each([
    ['a read-only token', { token: READ_TOKEN }, '✗ write issues: PERMISSION_DENIED', /issues: write/],
    [
      'an unknown token',
      { token: 'ghs_nobodyKnowsThisToken000000000000' },
      '✗ repository: TOKEN_INVALID',
      /token/i,
    ],
    [
      'a missing repository',
      { token: TOKEN, repository: 'acme/nope' },
      '✗ repository: REPOSITORY_NOT_FOUND',
      /\S/,
    ],
    [
      'issues turned off',
      { token: 'ghs_quietToken000000000000000000000', repository: 'acme/quiet' },
      '✗ repository: ISSUES_DISABLED',
      /Settings → General → Features → Issues/,
    ],
    ['no token at all', {}, '✗ settings: TOKEN_MISSING', /GITHUB_TOKEN/],
    ['no state file', { token: TOKEN, 'state-file': 'missing.db' }, '✗ state file: STATE_NOT_FOUND', /\S/],
  ])('%s: named with its fix, and the checks after it wait', async (_name, inputs, failing, fix) => {
    const report = await doctor(github(inputs as RawSettings));
    expect(report.ready).toBe(false);
    const lines = summary(report);
    expect(lines[lines.length - 1]).toBe(failing);
    expect(lines.slice(0, -1).every((line) => line.startsWith('✓'))).toBe(true);
    expect(report.checks[report.checks.length - 1]?.fix).toMatch(fix);
    expect(emulator.listLabels(REPO)).toEqual([]);
    expect(JSON.stringify(report)).not.toContain(TOKEN);
  });

  it('--jobs board-sync and release: the board and the right to push tags, each missing one named with its fix', async () => {
    const PAT = 'ghp_doctorProjectsToken000000000000000';
    emulator.addToken(PAT, {
      login: 'acme',
      repositories: [REPO],
      permissions: { issues: 'write', contents: 'write', metadata: 'read' },
    });
    emulator.projects.grantProjects(PAT, 'write');
    const ready = await runDoctor({
      inputs: { 'state-file': STATE_DB, 'features-dir': FEATURES, ...github({ token: PAT }) },
      jobs: ['issue-sync', 'board-sync', 'release'],
      configPath: null,
      env: {},
      cwd: workspace.dir,
    });
    expect(summary(ready).slice(-3)).toEqual(['✓ board', '✓ read tags', '✓ write tags and releases']);
    expect(ready.checks.find((check) => check.name === 'board')?.detail).toMatch(
      /^no board ".*" yet: board-sync creates it$/,
    );
    expect(emulator.listTags(REPO)).toEqual([]);

    // The workflow token: issues yes, projects no.
    const workflowToken = await runDoctor({
      inputs: { 'state-file': STATE_DB, 'features-dir': FEATURES, ...github({ token: TOKEN }) },
      jobs: ['board-sync'],
      configPath: null,
      env: {},
      cwd: workspace.dir,
    });
    expect(summary(workflowToken).at(-1)).toMatch(/^✗ board: (PERMISSION_DENIED|TOKEN_INVALID)$/);
    expect(workflowToken.checks.at(-1)?.fix).toMatch(/token|App/);
    // Issues: write without any contents permission: tags cannot even be read.
    const noContents = await runDoctor({
      inputs: { 'state-file': STATE_DB, 'features-dir': FEATURES, ...github({ token: TOKEN }) },
      jobs: ['release'],
      configPath: null,
      env: {},
      cwd: workspace.dir,
    });
    expect(summary(noContents).at(-1)).toBe('✗ read tags: PERMISSION_DENIED');
    // contents: read only: tags can be read, not pushed.
    const READ_CONTENTS = 'ghs_doctorContentsRead000000000000000';
    emulator.addToken(READ_CONTENTS, {
      repositories: [REPO],
      permissions: { issues: 'write', contents: 'read', metadata: 'read' },
    });
    const readOnly = await runDoctor({
      inputs: { 'state-file': STATE_DB, 'features-dir': FEATURES, ...github({ token: READ_CONTENTS }) },
      jobs: ['release'],
      configPath: null,
      env: {},
      cwd: workspace.dir,
    });
    expect(summary(readOnly).slice(-2)).toEqual([
      '✓ read tags',
      '✗ write tags and releases: PERMISSION_DENIED',
    ]);
    expect(readOnly.checks.at(-1)?.fix).toMatch(/contents: write/);
    expect(noContents.checks.at(-1)?.fix).toMatch(/contents/);
  });

  it('the CLI prints the report and exits 0 only when ready (1 otherwise)', async () => {
    const args = [
      'doctor',
      '--state',
      STATE_DB,
      '--features-dir',
      FEATURES,
      '--repository',
      REPO,
      '--api-url',
      emulator.url,
    ];
    const ready = await runCli(workspace, args, { GITHUB_TOKEN: TOKEN });
    expect([ready.code, ready.stdout]).toEqual([0, expect.stringContaining('Ready: the next sync can run.')]);
    const readOnly = await runCli(workspace, args, { GITHUB_TOKEN: READ_TOKEN });
    expect(readOnly.code).toBe(1);
    expect(readOnly.stdout).toContain('✗ write issues: PERMISSION_DENIED');
    expect(readOnly.stdout).toMatch(/\n {2}how to fix: \S/);
  });
});

describe('GitLab', () => {
  let gitlab: GitLabEmulator;
  beforeEach(async () => {
    gitlab = await GitLabEmulator.start({ rateLimit: false });
    gitlab.addGroup('acme', { name: 'ACME' });
    gitlab.addProject('acme/widgets');
    gitlab.addProject('acme/quiet', { issuesEnabled: false });
    gitlab.addUser('reporter');
    gitlab.addUser('guest');
    gitlab.addMember('acme', 'reporter', 20, { target: 'group' });
    gitlab.addMember('acme/widgets', 'guest', 10);
    gitlab.addToken('glpat-reporter', { user: 'reporter', scopes: ['api'] });
    gitlab.addToken('glpat-readapi', { user: 'reporter', scopes: ['read_api'] });
    gitlab.addToken('glpat-guest', { user: 'guest', scopes: ['api'] });
  });
  afterEach(async () => {
    await gitlab.stop();
  });

  const inputs = (token: string, repository = 'acme/widgets'): RawSettings => ({
    platform: 'gitlab',
    repository,
    'api-url': gitlab.url,
    token,
  });

  it('--jobs board-sync checks the board the run would use: a group board needs gitlab-group', async () => {
    // Board settings travel with the shared ones, as the CLI's flags do.
    const run = (extra: Record<string, string>) =>
      runDoctor({
        inputs: {
          'state-file': STATE_DB,
          'features-dir': FEATURES,
          ...inputs('glpat-reporter'),
          ...(extra as RawSettings),
        },
        configPath: null,
        env: {},
        cwd: workspace.dir,
        jobs: ['board-sync'],
      });
    const grouped = await run({ 'board-scope': 'group', 'gitlab-group': 'acme' });
    expect(summary(grouped).at(-1)).toBe('✓ board');
    expect(gitlab.requests.some((request) => request.path === '/groups/acme/boards')).toBe(true);
    const ungrouped = await run({ 'board-scope': 'group' });
    expect(summary(ungrouped).at(-1)).toBe('✗ board: CONFIG_INVALID');
    expect(ungrouped.checks.at(-1)?.fix).toMatch(/Set gitlab-group/);
  });

  it('ready with an api-scoped Reporter token, and nothing is created by the write probe', async () => {
    const report = await doctor(inputs('glpat-reporter'));
    expect(summary(report)).toEqual([
      '✓ config file',
      '✓ state file',
      '✓ settings',
      '✓ project',
      '✓ role',
      '✓ write issues',
    ]);
    expect(gitlab.listIssues('acme/widgets')).toEqual([]);
  });

  it.each([
    [
      'a read_api token',
      'glpat-readapi',
      'acme/widgets',
      '✗ write issues: PERMISSION_DENIED',
      /api scope|`api`/,
    ],
    ['a Guest', 'glpat-guest', 'acme/widgets', '✗ role: PERMISSION_DENIED', /Reporter role/],
    ['issues turned off', 'glpat-reporter', 'acme/quiet', '✗ project: ISSUES_DISABLED', /Issues/],
  ])('%s', async (_name, token, repository, failing, fix) => {
    const report = await doctor(inputs(token, repository));
    expect(summary(report).at(-1)).toBe(failing);
    expect(report.checks.at(-1)?.fix).toMatch(fix);
    expect(report.ready).toBe(false);
  });

  it('explains that CI_JOB_TOKEN cannot write issues when it is the only token', async () => {
    const report = await doctor(
      { platform: 'gitlab', repository: 'acme/widgets', 'api-url': gitlab.url },
      { GITLAB_CI: 'true', CI_JOB_TOKEN: 'job-token' },
    );
    expect(summary(report).at(-1)).toBe('✗ settings: TOKEN_MISSING');
    expect(report.checks.at(-1)?.detail).toContain('does not let a job token create or edit issues');
  });
});

describe('Bitbucket', () => {
  let bitbucket: BitbucketEmulator;
  beforeEach(async () => {
    bitbucket = await BitbucketEmulator.start({ rateLimit: false });
    bitbucket.addRepository('acme/widgets');
    bitbucket.addRepository('acme/quiet', { hasIssues: false });
    bitbucket.addToken('bb-write', { kind: 'workspace', workspace: 'acme', scopes: ['issue:write'] });
    bitbucket.addToken('bb-read', { kind: 'workspace', workspace: 'acme', scopes: ['issue'] });
  });
  afterEach(async () => {
    await bitbucket.stop();
  });

  const inputs = (token: string, repository = 'acme/widgets'): RawSettings => ({
    platform: 'bitbucket',
    repository,
    'api-url': bitbucket.url,
    token,
  });

  it('ready with an issue:write token; the write probe creates nothing', async () => {
    const report = await doctor(inputs('bb-write'));
    expect(report.ready).toBe(true);
    expect(summary(report).slice(3)).toEqual(['✓ read issues', '✓ write issues']);
    expect(bitbucket.listIssues('acme/widgets')).toEqual([]);
  });

  it.each([
    ['a read-only token', 'bb-read', 'acme/widgets', '✗ write issues: PERMISSION_DENIED', /issue:write/],
    ['the issue tracker off', 'bb-write', 'acme/quiet', '✗ read issues: ISSUES_DISABLED', /Issue tracker/i],
    ['a missing repository', 'bb-write', 'acme/nope', '✗ read issues: REPOSITORY_NOT_FOUND', /\S/],
  ])('%s', async (_name, token, repository, failing, fix) => {
    const report = await doctor(inputs(token, repository));
    expect(summary(report).at(-1)).toBe(failing);
    expect(report.checks.at(-1)?.fix).toMatch(fix);
  });
});
