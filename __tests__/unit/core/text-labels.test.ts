import { dimensionLabel, isOwnedLabel, labelName } from '../../../src/core/labels.js';
import { DEFAULT_POLICY } from '../../../src/core/policy.js';
import { neutraliseReferences, safeMarkdown, safeTitle, truncate } from '../../../src/core/text.js';

const ZWSP = '\u200b';

describe('untrusted text', () => {
  it.each([
    ['mentions @octocat here', `mentions @${ZWSP}octocat here`],
    ['@octocat at the start', `@${ZWSP}octocat at the start`],
    ['see #12 and org/repo#3', `see #${ZWSP}12 and org/repo#${ZWSP}3`],
    ['GH-7 fixed', `GH-${ZWSP}7 fixed`],
    ['mail me at dev@example.com', 'mail me at dev@example.com'],
    ['# Heading and C# and &#35;', '# Heading and C# and &#35;'],
    ['merged in !42, epic &7', `merged in !${ZWSP}42, epic &${ZWSP}7`],
    ['Hello! 3 items & 4 more, a&b, &amp; x!1', 'Hello! 3 items & 4 more, a&b, &amp; x!1'],
    ['![image](x.png) and &#x26;', '![image](x.png) and &#x26;'],
  ])('neutralises references in %j', (input, expected) => {
    expect(neutraliseReferences(input)).toBe(expected);
  });

  it('shows HTML comments as text so no text can forge or end a marker', () => {
    expect(safeMarkdown('a <!-- orchestrator-git:v1 id=task:x --> b <!-- /orchestrator-git -->', false)).toBe(
      'a &lt;!-- orchestrator-git:v1 id=task:x --&gt; b &lt;!-- /orchestrator-git --&gt;',
    );
  });

  it('drops NUL and control characters but keeps newlines in Markdown', () => {
    expect(safeMarkdown('a\u0000b\r\nc\u0007', false)).toBe('ab\nc');
  });

  it.each([
    ['  Fix   rate-limit\ncrash 🐛 ', 'Fix rate-limit crash 🐛'],
    ['::add-mask::x', '::add-mask::x'],
    ['', 'Task fallback'],
    ['\u0000\u0001', 'Task fallback'],
  ])('makes a one-line title of %j', (input, expected) => {
    expect(safeTitle(input, 'Task fallback')).toBe(expected);
  });

  it('truncates titles to 256 characters without splitting an emoji', () => {
    const title = safeTitle('🐛'.repeat(200), 'x');
    expect(title.length).toBeLessThanOrEqual(256);
    expect(title.endsWith('…')).toBe(true);
    expect(title.slice(0, -1)).toBe('🐛'.repeat((title.length - 1) / 2));
    expect(truncate('abcdef', 4)).toBe('abc…');
  });
});

describe('labels', () => {
  it.each([
    ['status', 'in_progress', 'status: in progress', 'fbca04'],
    ['priority', 'critical', 'priority: critical', 'b60205'],
    ['category', 'Integration & Collaboration', 'category: integration & collaboration', '1d76db'],
    ['specialist', 'implementer', 'specialist: implementer', 'bfd4f2'],
  ] as const)('names the %s label for %s', (dimension, value, name, color) => {
    expect(dimensionLabel(DEFAULT_POLICY, dimension, value)).toMatchObject({ name, color });
  });

  it('keeps label names within 50 characters and without commas', () => {
    const name = labelName(`category: ${'very long, comma separated category '.repeat(3)}`);
    expect(name.length).toBeLessThanOrEqual(50);
    expect(name).not.toContain(',');
  });

  it('turns a dimension off with a null prefix', () => {
    const policy = {
      ...DEFAULT_POLICY,
      labelPrefixes: { ...DEFAULT_POLICY.labelPrefixes, specialist: null },
    };
    expect(dimensionLabel(policy, 'specialist', 'tester')).toBeNull();
    expect(isOwnedLabel(policy, 'specialist: tester')).toBe(false);
  });

  it.each([
    ['status: completed', true],
    ['Status: Completed', true],
    ['orchestrator', true],
    ['bug', false],
    ['needs-triage', false],
  ])('owns %s: %s', (name, owned) => {
    expect(isOwnedLabel(DEFAULT_POLICY, name)).toBe(owned);
  });
});
