import {
  checkFileSettings,
  parseRepositoryUrl,
  resolveIssueSyncConfig,
  settingsFromConfigRow,
  type RawSettings,
} from '../../../src/config/issue-sync.js';
import { OrchestratorGitError } from '../../../src/errors.js';

const base: RawSettings = { 'state-file': 'state.db', repository: 'acme/widgets', token: 't0ken' };

function resolve(
  inputs: RawSettings,
  file: RawSettings = {},
  configRow: RawSettings = {},
  env: NodeJS.ProcessEnv = {},
) {
  return resolveIssueSyncConfig({ inputs: { ...base, ...inputs }, configRow, file, env });
}

function errorOf(action: () => unknown): OrchestratorGitError {
  try {
    action();
  } catch (error) {
    if (error instanceof OrchestratorGitError) return error;
    throw error;
  }
  throw new Error('no error thrown');
}

describe('resolveIssueSyncConfig', () => {
  it('applies defaults', () => {
    const config = resolve({});
    expect(config).toMatchObject({
      enabled: true,
      dryRun: false,
      apiUrl: 'https://api.github.com',
      writeDelayMs: null,
    });
    expect(config.policy).toMatchObject({
      tasks: 'top-level',
      conflictPolicy: 'orchestrator-wins',
      orphans: 'leave',
    });
  });

  it('takes inputs over the config row over the config file', () => {
    const file = { tasks: 'none', labels: ['from-file'], orphans: 'close' };
    const row = { labels: ['from-row'], tasks: 'all' };
    expect(resolve({}, file, row).policy).toMatchObject({
      tasks: 'all',
      defaultLabels: ['from-row'],
      orphans: 'close',
    });
    expect(resolve({ tasks: 'top-level' }, file, row).policy.tasks).toBe('top-level');
  });

  it('treats empty inputs as not given (the action passes every input, set or not)', () => {
    expect(resolve({ tasks: '', 'dry-run': '' }, { tasks: 'all' }).policy.tasks).toBe('all');
  });

  it.each([
    [{ 'dry-run': 'maybe' }, 'CONFIG_INVALID', /"dry-run".*"maybe".*true or false/],
    [{ tasks: 'some' }, 'CONFIG_INVALID', /one of top-level, all, none/],
    [{ 'feature-statuses': 'approved, shipped' }, 'CONFIG_INVALID', /"shipped"/],
    [{ 'label-prefixes': 'colour=c: ' }, 'CONFIG_INVALID', /"colour"/],
    [{ 'write-delay-ms': 'fast' }, 'CONFIG_INVALID', /whole number/],
    [{ token: '' }, 'TOKEN_MISSING', /No token/],
    [{ 'state-file': '' }, 'CONFIG_INVALID', /No state file/],
  ] as const)('rejects %j with %s', (inputs, code, message) => {
    const error = errorOf(() => resolve(inputs));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(error.fix).not.toBe('');
  });

  it('takes the token and repository from the environment when not given', () => {
    const config = resolveIssueSyncConfig({
      inputs: { 'state-file': 's.db' },
      configRow: {},
      file: {},
      env: {
        GITHUB_TOKEN: 'env-token',
        GITHUB_REPOSITORY: 'o/r',
        GITHUB_API_URL: 'https://ghe.example/api/v3/',
      },
    });
    expect(config).toMatchObject({
      token: 'env-token',
      repository: 'o/r',
      apiUrl: 'https://ghe.example/api/v3',
    });
  });

  it('parses label prefixes and assignee maps from key=value input lines', () => {
    const config = resolve({
      'label-prefixes': 'specialist=\ncategory=area: ',
      'assignee-map': 'alice = alice-gh',
    });
    expect(config.policy.labelPrefixes).toMatchObject({
      specialist: null,
      category: 'area: ',
      status: 'status: ',
    });
    expect(config.policy.assigneeMap).toEqual({ alice: 'alice-gh' });
  });
});

describe('config file keys', () => {
  it('names an unknown key and the closest known one', () => {
    const error = errorOf(() => checkFileSettings({ 'dry-rn': true }, '.github/orchestrator-git.yml'));
    expect(error.code).toBe('CONFIG_UNKNOWN_KEY');
    expect(error.message).toContain('"dry-rn"');
    expect(error.message).toContain('Did you mean "dry-run"?');
  });

  it('refuses a token in a committed file', () => {
    expect(errorOf(() => checkFileSettings({ token: 'ghp_x' }, 'c.yml')).message).toContain(
      'never be committed',
    );
  });

  it('refuses a file that is not a mapping', () => {
    expect(errorOf(() => checkFileSettings(['a'], 'c.yml')).code).toBe('CONFIG_INVALID');
  });
});

describe('config row', () => {
  it.each([
    [
      'https://github.com/acme/widgets.git',
      null,
      { repository: 'acme/widgets', platform: 'github', apiUrl: null },
    ],
    [
      'git@github.com:acme/widgets.git',
      null,
      { repository: 'acme/widgets', platform: 'github', apiUrl: null },
    ],
    [
      'https://ghe.example.com/acme/widgets',
      null,
      { repository: 'acme/widgets', platform: null, apiUrl: 'https://ghe.example.com/api/v3' },
    ],
    ['acme/widgets', null, { repository: 'acme/widgets', platform: null, apiUrl: null }],
    ['acme.github.io/site', null, { repository: 'acme.github.io/site', platform: null, apiUrl: null }],
    [
      'https://gitlab.com/acme/tools/widgets.git',
      null,
      { repository: 'acme/tools/widgets', platform: 'gitlab', apiUrl: null },
    ],
    [
      'git@gitlab.example.com:acme/widgets.git',
      'gitlab',
      { repository: 'acme/widgets', platform: 'gitlab', apiUrl: 'https://gitlab.example.com' },
    ],
    [
      'https://code.example.com/acme/tools/widgets',
      'gitlab',
      { repository: 'acme/tools/widgets', platform: 'gitlab', apiUrl: 'https://code.example.com' },
    ],
    ['acme/tools/widgets', 'gitlab', { repository: 'acme/tools/widgets', platform: 'gitlab', apiUrl: null }],
    ['acme/tools/widgets', null, null],
    [
      'https://bitbucket.org/acme/widgets',
      null,
      { repository: 'acme/widgets', platform: 'bitbucket', apiUrl: null },
    ],
    ['not a url', null, null],
  ] as const)('reads repository_url %s (platform %s)', (url, platform, expected) => {
    expect(parseRepositoryUrl(url, platform)).toEqual(expected);
  });

  it('reads the token from the variable the row names, never from the row', () => {
    const row = {
      platform: 'github' as const,
      repositoryUrl: 'https://github.com/acme/widgets',
      apiTokenName: 'ORCH_TOKEN',
      defaultLabels: ['orch'],
      autoSyncEnabled: false,
      issueTemplate: null,
    };
    expect(settingsFromConfigRow(row, { ORCH_TOKEN: 'secret' })).toEqual({
      enabled: false,
      platform: 'github',
      labels: ['orch'],
      repository: 'acme/widgets',
      token: 'secret',
    });
  });
});

describe('platforms', () => {
  const resolve = (env: NodeJS.ProcessEnv, inputs: Record<string, string> = {}) =>
    resolveIssueSyncConfig({ inputs: { 'state-file': 's.db', ...inputs }, configRow: {}, file: {}, env });

  it('takes GitLab CI variables in a GitLab pipeline', () => {
    const config = resolve({
      GITLAB_CI: 'true',
      CI_PROJECT_PATH: 'acme/tools/widgets',
      CI_SERVER_URL: 'https://gitlab.example.com',
      GITLAB_TOKEN: 'glpat-x',
    });
    expect(config).toMatchObject({
      platform: 'gitlab',
      repository: 'acme/tools/widgets',
      apiUrl: 'https://gitlab.example.com',
      token: 'glpat-x',
      username: null,
      multipleAssignees: false,
    });
  });

  it('explains that CI_JOB_TOKEN cannot write issues', () => {
    const error = errorOf(() =>
      resolve({ GITLAB_CI: 'true', CI_PROJECT_PATH: 'acme/widgets', CI_JOB_TOKEN: 'job' }),
    );
    expect(error.code).toBe('TOKEN_MISSING');
    expect(error.message).toContain('does not let a job token create or edit issues');
    expect(error.fix).toContain('api scope');
  });

  it('takes Bitbucket Pipelines variables, with an access token or an app password', () => {
    const env = { BITBUCKET_BUILD_NUMBER: '7', BITBUCKET_REPO_FULL_NAME: 'acme/widgets' };
    expect(resolve({ ...env, BITBUCKET_TOKEN: 'bb-access' })).toMatchObject({
      platform: 'bitbucket',
      repository: 'acme/widgets',
      apiUrl: 'https://api.bitbucket.org/2.0',
      token: 'bb-access',
      username: null,
    });
    expect(
      resolve({ ...env, BITBUCKET_USERNAME: 'ci-bot', BITBUCKET_APP_PASSWORD: 'app-pass' }),
    ).toMatchObject({ token: 'app-pass', username: 'ci-bot' });
    const missing = errorOf(() => resolve({ ...env, BITBUCKET_USERNAME: 'ci-bot' }));
    expect(missing.code).toBe('TOKEN_MISSING');
    expect(missing.message).toBe('A Bitbucket username was given but no app password or API token.');
  });

  it('lets an explicit platform win over the CI system, and refuses an unknown one', () => {
    expect(
      resolve({ GITHUB_ACTIONS: 'true', GITLAB_TOKEN: 't' }, { platform: 'gitlab', repository: 'a/b' }),
    ).toMatchObject({ platform: 'gitlab', apiUrl: 'https://gitlab.com' });
    const error = errorOf(() => resolve({}, { platform: 'gitea', repository: 'a/b', token: 't' }));
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toContain('expected one of github, gitlab, bitbucket');
  });

  it('names the variable a missing repository comes from on each platform', () => {
    expect(errorOf(() => resolve({ GITLAB_CI: 'true', GITLAB_TOKEN: 't' })).message).toBe(
      'No repository was given and CI_PROJECT_PATH is not set.',
    );
    expect(errorOf(() => resolve({ BITBUCKET_BUILD_NUMBER: '1', BITBUCKET_TOKEN: 't' })).message).toBe(
      'No repository was given and BITBUCKET_REPO_FULL_NAME is not set.',
    );
  });
});

describe('one config file for every job', () => {
  it('holds board-sync and release settings beside issue-sync ones, and still refuses unknown keys', async () => {
    const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const { loadConfigFile } = await import('../../../src/config/file.js');
    const dir = await mkdtemp(path.join(tmpdir(), 'og-config-'));
    try {
      await writeFile(
        path.join(dir, 'og.yml'),
        'tasks: all\nboard-type: sprint_board\nrelease-notes-template: hybrid\n',
      );
      expect(loadConfigFile('og.yml', dir).settings).toEqual({
        tasks: 'all',
        'board-type': 'sprint_board',
        'release-notes-template': 'hybrid',
      });
      await writeFile(path.join(dir, 'bad.yml'), 'board-typ: sprint_board\n');
      const error = errorOf(() => loadConfigFile('bad.yml', dir));
      expect(error.code).toBe('CONFIG_UNKNOWN_KEY');
      expect(error.message).toContain('Did you mean "board-type"?');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
