/**
 * Injected faults: which request a fault applies to and what it does.
 *
 * - `status`: answer with the given status/body/headers before anything else runs (no state change, nothing counted),
 *   like an error from Bitbucket's edge (502, 503, a 500).
 * - `reset`: read the request, then drop the connection without a response (no state change).
 * - `delay`: wait `ms` before handling the request normally (for client timeouts).
 * - `truncate`: handle the request normally — state changes happen — then send half the body and drop the connection,
 *   so the client cannot know whether its write landed (the case idempotent sync code has to survive).
 */

import type { FaultAction, FaultSpec } from './types.js';

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
