import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const script = path.resolve('scripts/commit-state.sh');

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

function runScript(cwd: string, env: Record<string, string>): string {
  return execFileSync('bash', [script], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: cwd, GIT_CONFIG_NOSYSTEM: '1', ...env },
  });
}

describe('commit-state step', () => {
  let root: string;
  let remote: string;
  let work: string;

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'orchestrator-git-commit-'));
    remote = path.join(root, 'remote.git');
    work = path.join(root, 'work');
    git(root, 'init', '--quiet', '--bare', '--initial-branch=main', remote);
    git(root, 'clone', '--quiet', remote, work);
    git(work, 'config', 'user.name', 'CI');
    git(work, 'config', 'user.email', 'ci@example.com');
    writeFileSync(path.join(work, 'state.json'), '{"links":[]}\n');
    writeFileSync(path.join(work, 'other.txt'), 'untouched\n');
    git(work, 'add', '.');
    git(work, 'commit', '--quiet', '-m', 'initial');
    git(work, 'push', '--quiet', 'origin', 'main');
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('commits only the state file and pushes it', () => {
    writeFileSync(path.join(work, 'state.json'), '{"links":[1]}\n');
    writeFileSync(path.join(work, 'other.txt'), 'changed by another step\n');
    const output = runScript(work, { STATE_FILE: 'state.json', COMMIT_MESSAGE: 'chore: links' });
    expect(output).toContain('Pushed the updated state file.');
    expect(git(work, 'log', '-1', '--format=%s', 'origin/main')).toBe('chore: links');
    expect(git(work, 'show', '--name-only', '--format=', 'origin/main')).toBe('state.json');
    expect(readFileSync(path.join(work, 'other.txt'), 'utf8')).toBe('changed by another step\n');
  });

  it('does nothing when the state file did not change', () => {
    const before = git(work, 'rev-parse', 'HEAD');
    expect(runScript(work, { STATE_FILE: 'state.json' })).toContain('unchanged: nothing to commit');
    expect(git(work, 'rev-parse', 'HEAD')).toBe(before);
  });

  it('rebases onto a concurrent push and still lands', () => {
    const other = path.join(root, 'other');
    git(root, 'clone', '--quiet', remote, other);
    git(other, 'config', 'user.name', 'Other');
    git(other, 'config', 'user.email', 'other@example.com');
    writeFileSync(path.join(other, 'other.txt'), 'pushed meanwhile\n');
    git(other, 'commit', '--quiet', '-am', 'concurrent');
    git(other, 'push', '--quiet', 'origin', 'main');

    writeFileSync(path.join(work, 'state.json'), '{"links":[2]}\n');
    runScript(work, { STATE_FILE: 'state.json' });
    expect(git(work, 'log', '--format=%s', 'origin/main').split('\n')).toEqual([
      'chore(orchestrator): update issue links [skip ci]',
      'concurrent',
      'initial',
    ]);
  });
});
