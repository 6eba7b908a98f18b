import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';

const run = promisify(execFile);
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

describe('type check', () => {
  // Jest only transpiles; this keeps a type error in src, tests or test support from passing the suite.
  it('the whole tree type-checks under strict settings', async () => {
    const result = await run(process.execPath, [tsc, '-p', 'tsconfig.json', '--noEmit'], {
      maxBuffer: 16 * 1024 * 1024,
    }).then(
      () => '',
      (error: { stdout?: string }) => error.stdout ?? String(error),
    );
    expect(result).toBe('');
  }, 120_000);
});
