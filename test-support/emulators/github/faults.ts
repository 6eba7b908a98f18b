/**
 * Injected faults for the GitHub emulator: the shared injector (../shared/faults.ts), re-exported so every emulator
 * has the same module layout. Paths are matched without the API prefix (`/api/v3` (GitHub Enterprise Server)).
 */

export { FaultInjector, type FaultAction, type FaultKind, type FaultSpec } from '../shared/faults.js';
