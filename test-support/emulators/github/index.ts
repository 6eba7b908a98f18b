/** Entry point of the GitHub REST emulator used by contract tests, integration tests and benchmarks. */

export { GitHubEmulator } from './emulator.js';
export type {
  Access,
  FaultAction,
  FaultKind,
  FaultSpec,
  GitHubEmulatorOptions,
  IssueJson,
  LabelJson,
  MilestoneJson,
  ReactionsJson,
  RecordedRequest,
  RepositoryOptions,
  SimpleUserJson,
  StateReason,
  TokenGrant,
  TokenPermissions,
} from './types.js';
