/**
 * Injected faults for the GitLab emulator: the shared injector (../shared/faults.ts), re-exported so this emulator
 * has the same module layout as the GitHub one. Paths are matched without the `/api/v4` prefix.
 *
 * What each kind does to a gitbeaker client is recorded in __tests__/contract/gitlab-emulator.test.ts ("faults").
 */

export { FaultInjector, type FaultAction, type FaultKind, type FaultSpec } from '../shared/faults.js';
