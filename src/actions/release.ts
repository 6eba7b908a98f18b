/**
 * Entry of the release action. `enabled: false` is decided here, before anything heavy is loaded (even @actions/core
 * pulls in an HTTP client), so a disabled step costs about as much as starting Node.
 */
if ((process.env['INPUT_ENABLED'] ?? '').trim().toLowerCase() === 'false') {
  process.stdout.write('orchestrator-git release is disabled (enabled: false): nothing to do.\n');
} else {
  const { runReleaseAction } = await import('./release-impl.js');
  await runReleaseAction();
}
