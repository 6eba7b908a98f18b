/** The registry of board and release actions, and the serialisation of calls on one state file. */
import { OrchestratorGitError } from '../../../src/errors.js';
import { CallQueue } from '../../../src/mcp/call-queue.js';
import {
  boardHandler,
  defaultCapabilities,
  releaseHandler,
  withCapabilities,
  type CapabilityHandler,
  type BoardRequest,
} from '../../../src/mcp/capabilities.js';
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
  it('serve no board action yet, each refused with NOT_SUPPORTED and what to do', () => {
    for (const action of BOARD_ACTIONS) {
      const error = refusal(() => boardHandler(defaultCapabilities(), action));
      expect(error.code).toBe('NOT_SUPPORTED');
      expect(error.message).toBe(
        `board-sync is not available in this version yet; orchestrator_project_board_manager cannot ${action.replace(/_/g, ' ')}.`,
      );
      expect(error.fix).toMatch(/^Keep the board by hand for now/);
    }
  });

  it('serve the release create_milestone only', () => {
    const served = RELEASE_ACTIONS.filter((action) => {
      try {
        releaseHandler(defaultCapabilities(), action);
        return true;
      } catch (error) {
        expect((error as OrchestratorGitError).fix).toMatch(/^Actions available now: create_milestone \(/);
        return false;
      }
    });
    expect(served).toEqual(['create_milestone']);
  });

  it('take an engine for an action through withCapabilities, keeping the defaults', () => {
    const addToBoard: CapabilityHandler<BoardRequest> = async (request) => ({
      summary: `added ${request.itemKeys.join(', ')}`,
      data: {},
    });
    const capabilities = withCapabilities({ board: { add_to_board: addToBoard } });
    expect(boardHandler(capabilities, 'add_to_board')).toBe(addToBoard);
    expect(refusal(() => boardHandler(capabilities, 'move_card')).code).toBe('NOT_SUPPORTED');
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
