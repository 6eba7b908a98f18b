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
    ['https://github.com/acme/widgets.git', { repository: 'acme/widgets', apiUrl: null }],
    ['git@github.com:acme/widgets.git', { repository: 'acme/widgets', apiUrl: null }],
    [
      'https://ghe.example.com/acme/widgets',
      { repository: 'acme/widgets', apiUrl: 'https://ghe.example.com/api/v3' },
    ],
    ['acme/widgets', { repository: 'acme/widgets', apiUrl: null }],
    ['not a url', null],
  ])('reads repository_url %s', (url, expected) => {
    expect(parseRepositoryUrl(url)).toEqual(expected);
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
      labels: ['orch'],
      repository: 'acme/widgets',
      token: 'secret',
    });
  });
});
