/** Entry point of the Bitbucket Cloud REST API 2.0 emulator used by contract tests, integration tests and benchmarks. */

export { BitbucketEmulator } from './emulator.js';
export type {
  AccessTokenGrant,
  AccountJson,
  BitbucketEmulatorOptions,
  FaultAction,
  FaultKind,
  FaultSpec,
  IssueChangeJson,
  IssueJson,
  IssueKind,
  IssuePriority,
  IssueState,
  LinkJson,
  NamedJson,
  PageJson,
  RecordedRequest,
  RenderedJson,
  RepositoryOptions,
  RepositorySummaryJson,
  UserOptions,
  WebIssueEdit,
} from './types.js';
