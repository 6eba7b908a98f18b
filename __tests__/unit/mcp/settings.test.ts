/** A call's settings: the server's flags with the call's platform, repository, state_file and dry_run applied. */
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { callInputs, stateKey } from '../../../src/mcp/settings.js';

const SERVER = {
  platform: 'github',
  repository: 'acme/widgets',
  'api-url': 'https://ghe.example.com/api/v3',
  token: 'ghp_serverToken',
  'state-file': 'state.db',
  'write-delay-ms': '0',
};

describe('callInputs', () => {
  it.each([
    ['nothing named: the server settings', {}, SERVER],
    [
      'the same platform: the server settings, with the call repository',
      { platform: 'github', repository: 'acme/tools' },
      { ...SERVER, repository: 'acme/tools' },
    ],
    [
      "another platform: none of the server's platform-bound settings",
      { platform: 'gitlab' },
      { platform: 'gitlab', 'state-file': 'state.db', 'write-delay-ms': '0' },
    ],
    [
      'another platform and its repository',
      { platform: 'bitbucket', repository: 'team/repo' },
      { platform: 'bitbucket', repository: 'team/repo', 'state-file': 'state.db', 'write-delay-ms': '0' },
    ],
    ['a state file', { state_file: 'other.json' }, { ...SERVER, 'state-file': 'other.json' }],
    ['a dry run', { dry_run: true }, { ...SERVER, 'dry-run': 'true' }],
  ])('%s', (_name, call, expected) => {
    expect(callInputs(SERVER, call)).toEqual(expected);
  });

  it('cannot turn a dry server into a writing one', () => {
    expect(callInputs({ 'dry-run': 'true' }, { dry_run: false })).toEqual({ 'dry-run': 'true' });
  });

  it('keeps the settings of a server started without --platform for a call that names one', () => {
    expect(callInputs({ token: 'x', 'api-url': 'u' }, { platform: 'gitlab' })).toEqual({
      token: 'x',
      'api-url': 'u',
      platform: 'gitlab',
    });
  });
});

describe('stateKey', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'og-mcp-key-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('is the absolute path of the state file, however it is named', async () => {
    await mkdir(path.join(dir, '.task_orchestrator'));
    await writeFile(path.join(dir, '.task_orchestrator', 'task_orchestrator.db'), '');
    const located = path.join(dir, '.task_orchestrator', 'task_orchestrator.db');
    expect(stateKey({}, dir)).toBe(located);
    expect(stateKey({ 'state-file': '.task_orchestrator/task_orchestrator.db' }, dir)).toBe(located);
    expect(stateKey({ 'state-file': located }, '/elsewhere')).toBe(located);
  });

  it('is the folder when there is no state file to find', () => {
    expect(stateKey({}, dir)).toBe(dir);
  });
});
