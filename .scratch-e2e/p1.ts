import { copyFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GitHubEmulator } from '../test-support/emulators/github/index.js';
import { executeIssueSync } from '../src/engine/execute-issue-sync.js';
import { silentLogger } from '../src/engine/logger.js';
import { SAMPLES_DIR, SAMPLE_FEATURES_DIR } from '../test-support/fixtures/build-db.js';

const em = await GitHubEmulator.start();
for (const gen of ['v1', 'v2-generic', 'v2-tasks']) {
  const repo = `acme/${gen}`;
  em.addRepository(repo);
  em.addToken('tok', { permissions: { issues: 'write' } });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'p1-'));
  copyFileSync(path.join(SAMPLES_DIR, `${gen}.db`), path.join(dir, 'state.db'));
  cpSync(SAMPLE_FEATURES_DIR, path.join(dir, 'features'), { recursive: true });
  const r = await executeIssueSync({ inputs: { 'state-file': 'state.db', 'features-dir': 'features', repository: repo, 'api-url': em.url, token: 'tok', 'write-delay-ms': '0' }, configPath: null, env: {}, cwd: dir, log: silentLogger, runId: 'r1' });
  if (r.kind === 'synced') console.log(gen, r.outcome.counts, r.outcome.plan.warnings, r.outcome.plan.skipped);
  for (const i of em.listIssues(repo)) console.log(' #', i.number, i.state, i.state_reason, JSON.stringify(i.title), i.labels.map(l => l.name).join(','), i.assignees.map(a=>a.login));
  console.log(' requests', em.requests.map(r => `${r.method} ${r.path} ${r.status}`).join('\n  '));
  em.clearRequests();
  const r2 = await executeIssueSync({ inputs: { 'state-file': 'state.db', 'features-dir': 'features', repository: repo, 'api-url': em.url, token: 'tok', 'write-delay-ms': '0' }, configPath: null, env: {}, cwd: dir, log: silentLogger, runId: 'r2' });
  if (r2.kind === 'synced') console.log(' second', r2.outcome.counts, r2.outcome.stateSaved);
  console.log(' requests2', em.requests.map(r => `${r.method} ${r.path} ${r.status}`).join('\n  '));
  em.clearRequests();
  rmSync(dir, { recursive: true });
}
const one = em.listIssues('acme/v2-tasks')[0]; console.log(one?.body);
await em.stop();
