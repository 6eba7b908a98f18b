/** The jobs the bench hands to its child process (worker.ts), and how it starts one and reads its result. */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RawSettings } from '../../src/config/issue-sync.js';
import type { PlatformName } from '../../src/platforms/types.js';

export type WorkerJob =
  | { kind: 'sync'; inputs: RawSettings; env: Record<string, string>; cwd: string; runId: string }
  | {
      kind: 'naive';
      platform: PlatformName;
      url: string;
      token: string;
      repository: string;
      numbers: number[];
    }
  | { kind: 'state'; file: string; tasks: 'top-level' | 'all' }
  | { kind: 'seed'; stateFile: string; url: string; token: string; repository: string; leaveOut: number };

export interface WorkerResult {
  /** The measured work only (not the process start). */
  wallMs: number;
  peakRssMb: number;
  detail: Record<string, number | string>;
}

const WORKER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'worker.js');

let jobCounter = 0;

/**
 * Runs a job in a fresh Node process. Asynchronous on purpose: the emulators answer from this process's event loop.
 * `jobDir` holds the job file (a naive job's issue list can be long for a command line).
 */
export function runWorker(job: WorkerJob, jobDir: string): Promise<WorkerResult> {
  const file = path.join(jobDir, `job-${(jobCounter += 1)}.json`);
  writeFileSync(file, JSON.stringify(job));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WORKER, file], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH ?? '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const last = stdout.trim().split('\n').pop() ?? '';
      if (code !== 0 || !last.startsWith('{')) {
        reject(
          new Error(`bench worker (${job.kind}) exited with ${code}: ${stderr.trim() || stdout.trim()}`),
        );
        return;
      }
      resolve(JSON.parse(last) as WorkerResult);
    });
  });
}
