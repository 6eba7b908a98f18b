import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { ISSUE_SYNC_SETTINGS } from '../../../src/config/issue-sync.js';
import { renderConfigurationReference } from '../../../scripts/docs.js';

describe('configuration reference', () => {
  it('docs/configuration.md is what `npm run docs` generates from the settings table', () => {
    expect(readFileSync('docs/configuration.md', 'utf8')).toBe(renderConfigurationReference());
  });

  it('every setting is an input of the issue-sync action, passed to the bundle as INPUT_<NAME>', () => {
    const action = parse(readFileSync('actions/issue-sync/action.yml', 'utf8')) as {
      inputs: Record<string, unknown>;
      runs: { steps: { env?: Record<string, string> }[] };
    };
    const env = action.runs.steps[0]?.env ?? {};
    for (const name of Object.keys(ISSUE_SYNC_SETTINGS)) {
      expect(action.inputs).toHaveProperty([name]);
      expect(env[`INPUT_${name.toUpperCase()}`]).toBe(`\${{ inputs.${name} }}`);
    }
  });
});
