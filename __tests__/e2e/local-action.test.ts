import { runLocalAction } from '../../scripts/local-action.js';

describe('@github/local-action', () => {
  it('runs the action source as the README says, creating the sample issues on the emulator', async () => {
    const { status, output, emulator } = await runLocalAction();
    try {
      expect(status).toBe(0);
      expect(output).toContain('Created 3, updated 0');
      const issues = emulator.listIssues('acme/widgets');
      expect(issues.map((issue) => issue.title).sort()).toEqual([
        'Nightly sync of features',
        '🏗️ Enhanced Session Management Architecture',
        '🔧 Git Integration & Issue Management',
      ]);
      // The token was masked by the action before anything else was logged.
      expect(output.indexOf('::add-mask::')).toBeLessThan(output.indexOf('State:'));
    } finally {
      await emulator.stop();
    }
  }, 120_000);
});
