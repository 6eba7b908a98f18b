/**
 * Fault injection shared by the platform emulators (GitHub, GitLab, Bitbucket).
 *
 * - `status`: answer with the given status/body/headers before anything else runs (no state change, nothing counted),
 *   like an error from the platform's edge (502, 503, a 500).
 * - `reset`: read the request, then drop the connection without a response (no state change).
 * - `delay`: wait `ms` before handling the request normally (for client timeouts).
 * - `truncate`: handle the request normally — state changes happen — then send half the body and drop the connection,
 *   so the client cannot know whether its write landed (the case idempotent sync code has to survive).
 */

export type FaultKind = 'status' | 'reset' | 'delay' | 'truncate';

export type FaultAction =
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  | { kind: 'reset' }
  | { kind: 'delay'; ms: number }
  | { kind: 'truncate' };

export type FaultSpec = {
  method?: string;
  /** Tested against the path without the API prefix and without the query string. */
  path?: RegExp;
  /** Let the first `after` matching requests through untouched. */
  after?: number;
  /** How many matching requests to affect after that; default 1. */
  times?: number;
} & FaultAction;

interface ArmedFault {
  spec: FaultSpec;
  seen: number;
  fired: number;
}

export class FaultInjector {
  private faults: ArmedFault[] = [];

  add(spec: FaultSpec): void {
    this.faults.push({ spec, seen: 0, fired: 0 });
  }

  clear(): void {
    this.faults = [];
  }

  /** The action for this request, if an armed fault matches; advances the matching faults' counters. */
  take(method: string, path: string): FaultAction | undefined {
    for (const fault of this.faults) {
      const { spec } = fault;
      if (spec.method !== undefined && spec.method.toUpperCase() !== method.toUpperCase()) continue;
      if (spec.path !== undefined) {
        spec.path.lastIndex = 0;
        if (!spec.path.test(path)) continue;
      }
      const times = spec.times ?? 1;
      if (fault.fired >= times) continue;
      if (fault.seen < (spec.after ?? 0)) {
        fault.seen += 1;
        continue;
      }
      fault.fired += 1;
      return toAction(spec);
    }
    return undefined;
  }
}

function toAction(spec: FaultSpec): FaultAction {
  switch (spec.kind) {
    case 'status':
      return { kind: 'status', status: spec.status, body: spec.body, headers: spec.headers };
    case 'reset':
      return { kind: 'reset' };
    case 'delay':
      return { kind: 'delay', ms: spec.ms };
    case 'truncate':
      return { kind: 'truncate' };
  }
}
