/**
 * The seed's three MCP tools, as input schemas: validated here once (bad input becomes a CONFIG_INVALID catalogue
 * error naming the parameter and the fix), and described to clients as JSON Schema generated from the same zod
 * schemas, so what `tools/list` shows and what a call is checked against cannot drift apart.
 */
import { z } from 'zod';
import { suggestKey } from '../config/values.js';
import { OrchestratorGitError, quote } from '../errors.js';

export const PLATFORMS = ['github', 'gitlab', 'bitbucket'] as const;
export const GIT_ACTIONS = [
  'create_issue',
  'update_issue',
  'sync_status',
  'link_task',
  'create_milestone',
] as const;
export const BOARD_ACTIONS = [
  'create_board',
  'add_to_board',
  'move_card',
  'update_progress',
  'sync_milestones',
] as const;
export const BOARD_TYPES = ['feature_development', 'release_planning', 'sprint_board'] as const;
export const RELEASE_ACTIONS = [
  'plan_release',
  'create_milestone',
  'generate_changelog',
  'tag_release',
] as const;
export const NOTES_TEMPLATES = ['automated', 'manual', 'hybrid'] as const;

export type GitAction = (typeof GIT_ACTIONS)[number];
export type BoardAction = (typeof BOARD_ACTIONS)[number];
export type BoardType = (typeof BOARD_TYPES)[number];
export type ReleaseAction = (typeof RELEASE_ACTIONS)[number];
export type NotesTemplate = (typeof NOTES_TEMPLATES)[number];

const text = z.string().trim().min(1);
const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .describe('Target date of the milestone, YYYY-MM-DD.');

/** Where a call runs; each overrides the server's setting of the same name for this call only. */
const target = {
  platform: z
    .enum(PLATFORMS)
    .describe(
      "Git platform (default: the server's --platform, the state's git_integration_config, or github).",
    ),
  repository: text.describe(
    "GitHub owner/name, GitLab group/project, or Bitbucket workspace/repo-slug (default: the server's --repository or the CI variable).",
  ),
  state_file: text.describe(
    "Orchestrator SQLite database or JSON export, relative to the server's working directory (default: the server's --state-file, else the orchestrator's usual places).",
  ),
  dry_run: z
    .boolean()
    .describe(
      'Plan only: report what would change and change nothing (a server started with --dry-run stays dry).',
    ),
};

export const gitIntegrationInput = z
  .strictObject({
    action: z
      .enum(GIT_ACTIONS)
      .describe(
        "create_issue: create the item's issue (or bring an existing one in step); update_issue: bring its issue in step, creating nothing; sync_status: bring every existing issue (or the named item's) in step and report each item; link_task: make an existing issue (issue_number) the item's issue; create_milestone: record the release milestone issue_config.milestone and create it on the platform.",
      ),
    ...target,
    task_id: text.describe('The orchestrator task (its task id).'),
    feature_id: text.describe(
      'The feature (its Feature ID, e.g. GIT_INTEGRATION_V1); with create_milestone, the feature the release includes.',
    ),
    issue_number: z.number().int().positive().describe('link_task: the number of the existing issue.'),
    issue_config: z
      .strictObject({
        title: text.describe(
          'The orchestrator owns the title (the task or feature title); a different title is reported, not used.',
        ),
        body: z
          .string()
          .describe('Free text placed below the managed block of the issue created (kept by later syncs).'),
        labels: z
          .array(text)
          .describe('Labels added to the issue created, besides the managed ones (kept by later syncs).'),
        assignees: z
          .array(text)
          .describe('Assignees added to the issue created, besides the managed ones (kept by later syncs).'),
        milestone: text.describe(
          "create_milestone: the milestone's name, e.g. v1.2.0. Other actions: an issue's milestone comes from its feature's release in release_milestones.",
        ),
        project_board: text.describe(
          'Title of an existing board (feature_development type) to add the issue to, as add_to_board does.',
        ),
      })
      .partial()
      .describe(
        'What the seed lets a caller set on the issue; the managed fields come from the orchestrator.',
      ),
    due_on: date,
  })
  .partial()
  .required({ action: true });

export const boardManagerInput = z
  .strictObject({
    action: z
      .enum(BOARD_ACTIONS)
      .describe(
        "create_board: create the board of board_type; add_to_board: add the item's issue as a card; move_card: put the card in the column of its status; update_progress: write its Progress, Target date, Release and Sprint fields; sync_milestones: create and update the platform's milestones from release_milestones (due dates, open/closed). Without task_id/feature_id, add_to_board, move_card and update_progress work on every card.",
      ),
    ...target,
    board_type: z
      .enum(BOARD_TYPES)
      .describe(
        'Board template: its columns and fields (default feature_development); the board is the one titled "<repository name> · <board type>" unless the server\'s config names another.',
      ),
    feature_id: text.describe('The feature whose card is meant.'),
    task_id: text.describe('The task whose card is meant.'),
    status_mapping: z
      .record(z.string(), text)
      .describe(
        'Orchestrator status → board column, e.g. {"in_progress": "In Progress", "completed": "Done"}.',
      ),
  })
  .partial()
  .required({ action: true });

export const releaseCoordinatorInput = z
  .strictObject({
    action: z
      .enum(RELEASE_ACTIONS)
      .describe(
        "plan_release: the release plan (features, version); create_milestone: record release_version in release_milestones, create the platform milestone and assign its features' issues; generate_changelog: the release notes; tag_release: the tag and the platform release.",
      ),
    ...target,
    release_version: text.describe('The release, e.g. v1.2.0 (the milestone name with create_milestone).'),
    included_features: z.array(text).describe('Feature IDs the release includes.'),
    release_notes_template: z
      .enum(NOTES_TEMPLATES)
      .describe(
        'automated: notes generated from the plan and commits; manual: a template you fill in; hybrid: generated with manual sections kept (default automated).',
      ),
    due_on: date,
  })
  .partial()
  .required({ action: true });

export type GitIntegrationArgs = z.infer<typeof gitIntegrationInput>;
export type BoardManagerArgs = z.infer<typeof boardManagerInput>;
export type ReleaseCoordinatorArgs = z.infer<typeof releaseCoordinatorInput>;

export const TOOL_NAMES = [
  'orchestrator_git_integration',
  'orchestrator_project_board_manager',
  'orchestrator_release_coordinator',
] as const;
export type ToolName = (typeof TOOL_NAMES)[number];

const SCHEMAS = {
  orchestrator_git_integration: gitIntegrationInput,
  orchestrator_project_board_manager: boardManagerInput,
  orchestrator_release_coordinator: releaseCoordinatorInput,
} as const;

const ACTIONS: Record<ToolName, readonly string[]> = {
  orchestrator_git_integration: GIT_ACTIONS,
  orchestrator_project_board_manager: BOARD_ACTIONS,
  orchestrator_release_coordinator: RELEASE_ACTIONS,
};

const DESCRIPTIONS: Record<ToolName, { title: string; description: string }> = {
  orchestrator_git_integration: {
    title: 'Git platform issues',
    description:
      "Keeps the Git platform's issues in step with the MCP Task Orchestrator's plan: creates an item's issue, updates it, reports sync status, links an existing issue, or creates a release milestone. Each call is an orchestrator-git sync limited to the named items; the result lists each item with its issue.",
  },
  orchestrator_project_board_manager: {
    title: 'Project boards',
    description:
      "Keeps a project board in step with the orchestrator's plan: creates the board, adds cards, moves them to their status column, writes progress and release fields.",
  },
  orchestrator_release_coordinator: {
    title: 'Releases',
    description:
      "Coordinates a release with the Git platform: plans it from the orchestrator's features, creates its milestone, generates the changelog, tags and publishes it.",
  },
};

export interface ToolDefinition {
  name: ToolName;
  title: string;
  description: string;
  inputSchema: { type: 'object'; [key: string]: unknown };
}

/** The tools as `tools/list` describes them (JSON Schema draft 7, as the SDK's McpServer generates it). */
export function toolDefinitions(): ToolDefinition[] {
  return TOOL_NAMES.map((name) => ({
    name,
    ...DESCRIPTIONS[name],
    inputSchema: {
      ...(z.toJSONSchema(SCHEMAS[name], { target: 'draft-7', io: 'input' }) as Record<string, unknown>),
      type: 'object',
    },
  }));
}

export function isToolName(name: string): name is ToolName {
  return (TOOL_NAMES as readonly string[]).includes(name);
}

export function parseGitIntegration(args: unknown): GitIntegrationArgs {
  return parseArguments('orchestrator_git_integration', gitIntegrationInput, args);
}

export function parseBoardManager(args: unknown): BoardManagerArgs {
  return parseArguments('orchestrator_project_board_manager', boardManagerInput, args);
}

export function parseReleaseCoordinator(args: unknown): ReleaseCoordinatorArgs {
  return parseArguments('orchestrator_release_coordinator', releaseCoordinatorInput, args);
}

function parseArguments<T extends z.ZodType>(tool: ToolName, schema: T, args: unknown): z.infer<T> {
  const result = schema.safeParse(args ?? {});
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => describeIssue(tool, issue, args));
  throw new OrchestratorGitError(
    'CONFIG_INVALID',
    `${tool}: ${problems.map((problem) => problem.message).join('; ')}.`,
    problems.map((problem) => problem.fix).join(' '),
  );
}

interface Problem {
  message: string;
  fix: string;
}

function describeIssue(tool: ToolName, issue: z.core.$ZodIssue, args: unknown): Problem {
  const name = issue.path.map(String).join('.') || 'arguments';
  const given = valueAt(args, issue.path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = Object.keys(shapeAt(tool, issue.path));
      const unknown = issue.keys.map((key) => {
        const suggestion = suggestKey(key, known);
        return `${quote(issue.path.length ? `${name}.${key}` : key)}${suggestion ? ` (did you mean ${quote(suggestion)}?)` : ''}`;
      });
      return {
        message: `unknown parameter ${unknown.join(', ')}`,
        fix: `The parameters${issue.path.length ? ` of ${name}` : ''} are ${known.join(', ')}.`,
      };
    }
    case 'invalid_value':
      return {
        message: `${name} ${quote(given)} is not one of ${issue.values.map(String).join(', ')}`,
        fix: `Set ${name} to one of ${issue.values.map(String).join(', ')}.`,
      };
    case 'invalid_type':
      return given === undefined
        ? {
            message: `${name} is missing`,
            fix: `Give ${name}${name === 'action' ? `: one of ${ACTIONS[tool].join(', ')}` : ''}.`,
          }
        : {
            message: `${name} is ${describeValue(given)}, not ${article(issue.expected)}`,
            fix: `Give ${name} as ${article(issue.expected)}.`,
          };
    case 'too_small':
      return typeof given === 'string'
        ? { message: `${name} is empty`, fix: `Give ${name} a value, or leave it out.` }
        : { message: `${name} ${quote(JSON.stringify(given))} is too small`, fix: `${issue.message}.` };
    case 'invalid_format':
      return {
        message: `${name} ${quote(given)} is not in the expected form`,
        fix: name.endsWith('due_on') ? 'Write the date as YYYY-MM-DD, e.g. 2026-12-31.' : `${issue.message}.`,
      };
    default:
      return { message: `${name}: ${issue.message}`, fix: 'Correct the parameter (docs/mcp.md lists them).' };
  }
}

function shapeAt(tool: ToolName, path: readonly PropertyKey[]): Record<string, unknown> {
  let schema: z.ZodType = SCHEMAS[tool];
  for (const key of path) {
    const shape = schema instanceof z.ZodObject ? (schema.shape as Record<string, z.ZodType>) : {};
    let next = shape[String(key)];
    while (next instanceof z.ZodOptional) next = next.unwrap() as z.ZodType;
    if (!next) return {};
    schema = next;
  }
  return schema instanceof z.ZodObject ? (schema.shape as Record<string, unknown>) : {};
}

function valueAt(args: unknown, path: readonly PropertyKey[]): unknown {
  let value = args;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the text ${quote(value)}`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${quote(String(value))}`;
}

function article(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}
