/**
 * orchestrator_project_board_manager and orchestrator_release_coordinator: their arguments as requests to the
 * capability registry, which serves each action with its engine or answers NOT_SUPPORTED.
 */
import { boardHandler, releaseHandler, type Capabilities, type CallContext } from './capabilities.js';
import { itemKeysOf } from './git-integration.js';
import { withNotes, type ToolReport } from './results.js';
import type { BoardManagerArgs, ReleaseCoordinatorArgs } from './tools.js';

export async function runBoardManager(
  args: BoardManagerArgs,
  context: CallContext,
  capabilities: Capabilities,
): Promise<ToolReport> {
  const handler = boardHandler(capabilities, args.action);
  return handler(
    {
      action: args.action,
      boardType: args.board_type ?? null,
      itemKeys: itemKeysOf(args),
      statusMapping: args.status_mapping ?? null,
      boardTitle: null,
    },
    context,
  );
}

export async function runReleaseCoordinator(
  args: ReleaseCoordinatorArgs,
  context: CallContext,
  capabilities: Capabilities,
): Promise<ToolReport> {
  const handler = releaseHandler(capabilities, args.action);
  const report = await handler(
    {
      action: args.action,
      version: args.release_version ?? null,
      includedFeatures: args.included_features ?? null,
      notesTemplate: args.release_notes_template ?? null,
      dueOn: args.due_on ?? null,
    },
    context,
  );
  const unused =
    args.action === 'create_milestone' && args.release_notes_template !== undefined
      ? [
          'release_notes_template was not used: it shapes generate_changelog and tag_release, not the milestone.',
        ]
      : [];
  return withNotes(report, unused);
}
