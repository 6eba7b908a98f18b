/**
 * Entry of the board-sync action. `enabled: false` is decided here, before anything heavy is loaded, so a disabled
 * step costs about as much as starting Node.
 */
if ((process.env['INPUT_ENABLED'] ?? '').trim().toLowerCase() === 'false') {
  process.stdout.write('orchestrator-git board-sync is disabled (enabled: false): nothing to do.\n');
} else {
  const { runBoardSyncAction } = await import('./board-sync-impl.js');
  await runBoardSyncAction();
}
