// Bundles each action and the CLI from the compiled sources with ncc into dist/<name>/, with sql.js kept beside
// each bundle (webpack breaks emscripten's loader; see src/state/sqlite.ts).
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  readdirSync,
  rmSync,
  writeFileSync,
  readFileSync,
  chmodSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const ncc = require.resolve('@vercel/ncc/dist/ncc/cli.js');
const sqlJsDir = path.dirname(require.resolve('sql.js/dist/sql-wasm.js'));

const bundles = [
  { name: 'issue-sync', entry: 'build/src/actions/issue-sync.js' },
  { name: 'release', entry: 'build/src/actions/release.js' },
  { name: 'board-sync', entry: 'build/src/actions/board-sync.js' },
  { name: 'cli', entry: 'build/src/cli/index.js', executable: true },
];

const only = process.argv.slice(2);
for (const bundle of bundles) {
  if (only.length && !only.includes(bundle.name)) continue;
  const out = path.join(root, 'dist', bundle.name);
  rmSync(out, { recursive: true, force: true });
  execFileSync(
    process.execPath,
    [ncc, 'build', path.join(root, bundle.entry), '-o', out, '--license', 'licenses.txt', '--quiet'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  copyFileSync(path.join(sqlJsDir, 'sql-wasm.js'), path.join(out, 'sql-wasm.cjs'));
  copyFileSync(path.join(sqlJsDir, 'sql-wasm.wasm'), path.join(out, 'sql-wasm.wasm'));
  if (bundle.executable) {
    const index = path.join(out, 'index.js');
    const code = readFileSync(index, 'utf8');
    if (!code.startsWith('#!')) writeFileSync(index, `#!/usr/bin/env node\n${code}`);
    chmodSync(index, 0o755);
  }
  const files = readdirSync(out).sort();
  console.log(`dist/${bundle.name}: ${files.join(', ')}`);
}
if (!existsSync(path.join(root, 'dist'))) process.exit(1);
