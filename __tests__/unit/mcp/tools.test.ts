/** The tools' input schemas: what a client sees in tools/list, and the catalogue error each kind of bad input gets. */
import { readFileSync } from 'node:fs';
import { OrchestratorGitError } from '../../../src/errors.js';
import { SERVER_VERSION } from '../../../src/mcp/server.js';
import {
  parseBoardManager,
  parseGitIntegration,
  parseReleaseCoordinator,
  toolDefinitions,
} from '../../../src/mcp/tools.js';

function failure(parse: () => unknown): OrchestratorGitError {
  try {
    parse();
  } catch (error) {
    if (error instanceof OrchestratorGitError) return error;
    throw error;
  }
  throw new Error('expected the arguments to be refused');
}

describe('tool definitions', () => {
  it('are JSON Schema objects that require only action and refuse unknown parameters', () => {
    for (const tool of toolDefinitions()) {
      expect(tool.inputSchema).toMatchObject({
        $schema: 'http://json-schema.org/draft-07/schema#',
        type: 'object',
        required: ['action'],
        additionalProperties: false,
      });
      const properties = tool.inputSchema.properties as Record<string, { description?: string }>;
      for (const [name, property] of Object.entries(properties))
        expect([name, typeof property.description]).toEqual([name, 'string']);
    }
  });

  it('name the server with the package version', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(SERVER_VERSION).toBe(pkg.version);
  });
});

describe('arguments accepted', () => {
  it.each([
    [{ action: 'create_issue', task_id: '42', issue_config: { labels: ['triage'], body: '' } }],
    [{ action: 'link_task', feature_id: 'AUTH_V2', issue_number: 7, platform: 'gitlab', dry_run: true }],
    [{ action: 'sync_status', state_file: 'state.json', repository: 'group/sub/project' }],
    [{ action: 'create_milestone', issue_config: { milestone: 'v1.2.0' }, due_on: '2026-12-31' }],
  ])('%j', (args) => {
    expect(parseGitIntegration(args)).toEqual(args);
  });

  it('trims identifiers', () => {
    expect(parseGitIntegration({ action: 'update_issue', task_id: ' 42 ' })).toEqual({
      action: 'update_issue',
      task_id: '42',
    });
  });

  it('takes the board and release parameters of the seed', () => {
    const board = {
      action: 'move_card',
      board_type: 'release_planning',
      feature_id: 'AUTH_V2',
      status_mapping: { proposed: 'Backlog', completed: 'Done' },
    };
    expect(parseBoardManager(board)).toEqual(board);
    const release = {
      action: 'plan_release',
      release_version: 'v1.2.0',
      included_features: ['AUTH_V2'],
      release_notes_template: 'hybrid',
    };
    expect(parseReleaseCoordinator(release)).toEqual(release);
  });
});

describe('arguments refused, as CONFIG_INVALID with a fix', () => {
  it.each([
    [
      undefined,
      'orchestrator_git_integration: action is missing.',
      'Give action: one of create_issue, update_issue, sync_status, link_task, create_milestone.',
    ],
    [
      { action: 'close_issue' },
      'orchestrator_git_integration: action "close_issue" is not one of create_issue, update_issue, sync_status, link_task, create_milestone.',
      'Set action to one of create_issue, update_issue, sync_status, link_task, create_milestone.',
    ],
    [
      { action: 'create_issue', platform: 'gitea' },
      'orchestrator_git_integration: platform "gitea" is not one of github, gitlab, bitbucket.',
      'Set platform to one of github, gitlab, bitbucket.',
    ],
    [
      { action: 'create_issue', repo: 'a/b' },
      'orchestrator_git_integration: unknown parameter "repo".',
      'The parameters are action, platform, repository, state_file, dry_run, task_id, feature_id, issue_number, issue_config, due_on.',
    ],
    [
      { action: 'create_issue', issue_config: { lables: ['x'] } },
      'orchestrator_git_integration: unknown parameter "issue_config.lables" (did you mean "labels"?).',
      'The parameters of issue_config are title, body, labels, assignees, milestone, project_board.',
    ],
    [
      { action: 'link_task', task_id: '1', issue_number: '17' },
      'orchestrator_git_integration: issue_number is the text "17", not a number.',
      'Give issue_number as a number.',
    ],
    [
      { action: 'create_issue', task_id: '   ' },
      'orchestrator_git_integration: task_id is empty.',
      'Give task_id a value, or leave it out.',
    ],
    [
      { action: 'create_milestone', due_on: '31/12/2026' },
      'orchestrator_git_integration: due_on "31/12/2026" is not in the expected form.',
      'Write the date as YYYY-MM-DD, e.g. 2026-12-31.',
    ],
    [
      { action: 'create_issue', issue_config: { labels: 'triage' } },
      'orchestrator_git_integration: issue_config.labels is the text "triage", not an array.',
      'Give issue_config.labels as an array.',
    ],
  ])('%j', (args, message, fix) => {
    const error = failure(() => parseGitIntegration(args));
    expect([error.code, error.message, error.fix]).toEqual(['CONFIG_INVALID', message, fix]);
  });

  it('reports every problem of a call at once', () => {
    const error = failure(() =>
      parseReleaseCoordinator({ action: 'tag', release_notes_template: 'auto', included_features: 'A' }),
    );
    expect(error.message).toBe(
      'orchestrator_release_coordinator: action "tag" is not one of plan_release, create_milestone, generate_changelog, tag_release; included_features is the text "A", not an array; release_notes_template "auto" is not one of automated, manual, hybrid.',
    );
  });

  it('refuses a status mapping to an empty column', () => {
    const error = failure(() =>
      parseBoardManager({ action: 'create_board', status_mapping: { completed: '' } }),
    );
    expect(error.message).toBe('orchestrator_project_board_manager: status_mapping.completed is empty.');
  });
});
