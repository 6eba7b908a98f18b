/** docs/mcp.md keeps up with the schemas: every tool, parameter and enum value a client sees is documented. */
import { readFileSync } from 'node:fs';
import { toolDefinitions } from '../../../src/mcp/tools.js';

const doc = readFileSync('docs/mcp.md', 'utf8');

describe('docs/mcp.md', () => {
  it.each(toolDefinitions().map((tool) => [tool.name, tool] as const))('documents %s', (name, tool) => {
    expect(doc).toContain(`## \`${name}\``);
    const properties = tool.inputSchema.properties as Record<
      string,
      { enum?: string[]; properties?: Record<string, unknown> }
    >;
    const missing: string[] = [];
    for (const [property, schema] of Object.entries(properties)) {
      for (const word of [property, ...(schema.enum ?? []), ...Object.keys(schema.properties ?? {})])
        if (!doc.includes(`\`${word}\``)) missing.push(word);
    }
    expect(missing).toEqual([]);
  });
});
