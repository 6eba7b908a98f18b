/**
 * Injected faults for the Bitbucket emulator: the shared injector (../shared/faults.ts), re-exported so every emulator
 * has the same module layout. Paths are matched without the API prefix (`/2.0`).
 */

export { FaultInjector, type FaultAction, type FaultKind, type FaultSpec } from '../shared/faults.js';
