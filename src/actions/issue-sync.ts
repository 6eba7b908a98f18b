/**
 * Entry of the issue-sync action. `enabled: false` is decided here, before anything heavy is loaded (even
 * @actions/core pulls in an HTTP client), so a disabled step costs about as much as starting Node.
 */
if ((process.env['INPUT_ENABLED'] ?? '').trim().toLowerCase() === 'false') {
  process.stdout.write('orchestrator-git issue-sync is disabled (enabled: false): nothing to do.\n');
} else {
  const { runIssueSyncAction } = await import('./issue-sync-impl.js');
  await runIssueSyncAction();
}
