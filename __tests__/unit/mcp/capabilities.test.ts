/** The registry of board and release actions, and the serialisation of calls on one state file. */
import { OrchestratorGitError } from '../../../src/errors.js';
import { CallQueue } from '../../../src/mcp/call-queue.js';
import {
  boardHandler,
  defaultCapabilities,
  releaseHandler,
  withCapabilities,
  type BoardRequest,
  type Capabilities,
  type CapabilityHandler,
} from '../../../src/mcp/capabilities.js';
import { boardEngineHas, runBoardAction } from '../../../src/mcp/board-call.js';
import { createReleaseMilestone } from '../../../src/mcp/milestone-call.js';
import { RELEASE_STEPS, runReleaseAction } from '../../../src/mcp/release-call.js';
import { BOARD_ACTIONS, RELEASE_ACTIONS } from '../../../src/mcp/tools.js';

function refusal(get: () => unknown): OrchestratorGitError {
  try {
    get();
  } catch (error) {
    if (error instanceof OrchestratorGitError) return error;
    throw error;
  }
  throw new Error('expected NOT_SUPPORTED');
}

describe('capabilities', () => {
  it('serve every board action the board engine has, on the board engine', () => {
    for (const action of BOARD_ACTIONS) {
      expect(boardEngineHas(action)).toBe(true);
      expect(boardHandler(defaultCapabilities(), action)).toBe(runBoardAction);
    }
  });

  it('serve every release action: create_milestone on the milestone run, the others on the release engine', () => {
    const capabilities = defaultCapabilities();
    for (const action of RELEASE_ACTIONS)
      expect(releaseHandler(capabilities, action)).toBe(
        action === 'create_milestone' ? createReleaseMilestone : runReleaseAction,
      );
    expect(Object.keys(RELEASE_STEPS).sort()).toEqual(['generate_changelog', 'plan_release', 'tag_release']);
  });

  it('refuse an action a server was given no handler for, naming the ones it has', () => {
    const capabilities: Capabilities = { board: { move_card: runBoardAction }, release: {} };
    const board = refusal(() => boardHandler(capabilities, 'create_board'));
    expect(board.code).toBe('NOT_SUPPORTED');
    expect(board.message).toBe('orchestrator_project_board_manager cannot create board in this server.');
    expect(board.fix).toBe('Board actions available now: move_card.');
    const release = refusal(() => releaseHandler(capabilities, 'tag_release'));
    expect(release.message).toBe('orchestrator_release_coordinator cannot tag release in this server.');
    expect(release.fix).toBe('Release actions available now: none.');
  });

  it('take an engine for an action through withCapabilities, keeping the defaults', () => {
    const addToBoard: CapabilityHandler<BoardRequest> = async (request) => ({
      summary: `added ${request.itemKeys.join(', ')}`,
      data: {},
    });
    const capabilities = withCapabilities({ board: { add_to_board: addToBoard } });
    expect(boardHandler(capabilities, 'add_to_board')).toBe(addToBoard);
    expect(boardHandler(capabilities, 'move_card')).toBe(runBoardAction);
    expect(releaseHandler(capabilities, 'create_milestone')).toBe(
      defaultCapabilities().release.create_milestone,
    );
  });
});

describe('CallQueue', () => {
  const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

  it('runs calls on one key one after another, and on different keys side by side', async () => {
    const queue = new CallQueue();
    const events: string[] = [];
    const task = (name: string) => async () => {
      events.push(`${name} start`);
      await tick();
      events.push(`${name} end`);
      return name;
    };
    const results = await Promise.all([
      queue.run('a', task('a1')),
      queue.run('a', task('a2')),
      queue.run('b', task('b1')),
    ]);
    expect(results).toEqual(['a1', 'a2', 'b1']);
    expect(events.indexOf('a2 start')).toBeGreaterThan(events.indexOf('a1 end'));
    expect(events.indexOf('b1 start')).toBeLessThan(events.indexOf('a1 end'));
  });

  it('runs the next call after one that failed', async () => {
    const queue = new CallQueue();
    const failed = queue.run('a', async () => {
      throw new Error('boom');
    });
    const next = queue.run('a', async () => 'ran');
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ran');
  });
});
