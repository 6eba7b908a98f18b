/** Entry point of the GitLab REST (API v4) emulator used by contract tests, integration tests and benchmarks. */

export { GitLabEmulator } from './emulator.js';
export { ACCESS } from './types.js';
export type {
  AccessLevel,
  FaultAction,
  FaultKind,
  FaultSpec,
  FeatureAccessLevel,
  GitLabEmulatorOptions,
  GroupOptions,
  IssueJson,
  LabelJson,
  MemberJson,
  MilestoneJson,
  ProjectOptions,
  RateLimitWindow,
  RecordedRequest,
  TimeStatsJson,
  TokenGrant,
  TokenScope,
  UserBasicJson,
  UserOptions,
  Visibility,
} from './types.js';
export { validateAgainstOfficialSchema, officialOperationFor } from './openapi.js';
