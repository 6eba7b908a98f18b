import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** Every `with:` key of every step in the example workflows that uses one of this repository's actions. */
function usesOfOurActions(node: unknown, found: { action: string; inputs: string[] }[] = []) {
  if (Array.isArray(node)) for (const item of node) usesOfOurActions(item, found);
  else if (node !== null && typeof node === 'object') {
    const step = node as { uses?: unknown; with?: Record<string, unknown> };
    const match =
      typeof step.uses === 'string'
        ? /^OWNER\/orchestrator-git(?:\/actions\/([\w-]+))?@v1$/.exec(step.uses)
        : null;
    if (match) found.push({ action: match[1] ?? '', inputs: Object.keys(step.with ?? {}) });
    for (const value of Object.values(node)) usesOfOurActions(value, found);
  }
  return found;
}

describe('example workflows', () => {
  const files = readdirSync('docs/examples').filter((file) => file.endsWith('.yml'));

  it.each(files)('%s is valid YAML and passes only inputs our actions declare', (file) => {
    const workflow = parse(readFileSync(`docs/examples/${file}`, 'utf8')) as unknown;
    for (const { action, inputs } of usesOfOurActions(workflow)) {
      const definition = parse(
        readFileSync(action ? `actions/${action}/action.yml` : 'action.yml', 'utf8'),
      ) as { inputs: Record<string, unknown> };
      for (const input of inputs)
        expect([file, action, input, input in definition.inputs]).toEqual([file, action, input, true]);
    }
  });

  it('the examples use every job', () => {
    const actions = new Set(
      files.flatMap((file) =>
        usesOfOurActions(parse(readFileSync(`docs/examples/${file}`, 'utf8')) as unknown).map(
          (use) => use.action,
        ),
      ),
    );
    expect([...actions].sort()).toEqual(expect.arrayContaining(['board-sync', 'issue-sync', 'release']));
  });
});
