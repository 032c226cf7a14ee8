/** A table cell: code (shown in a code span) or prose (markdown kept). */
export type Cell = { readonly code: string } | { readonly text: string };

/** One documented thing: a heading with an anchor, its comment, and a table or a list. */
export interface ReferenceSection {
  // The anchor other sections link to.
  readonly id: string;
  readonly title: string;
  // Prose: the declaration's own comment, then any note.
  readonly text: string;
  // Where it is declared, relative to the repository root.
  readonly file: string;
  readonly signature?: string;
  readonly examples: readonly string[];
  readonly table?: { readonly columns: readonly string[]; readonly rows: ReadonlyArray<readonly Cell[]> };
  readonly list?: readonly string[];
}

/** A part: a heading, a sentence, its sections. */
export interface RenderedPart {
  readonly id: string;
  readonly title: string;
  readonly intro: string;
  readonly sections: readonly ReferenceSection[];
}

// A code span that survives backticks inside it and a table's pipes.
const codeSpan = (code: string): string => {
  const fence = code.includes('`') ? '``' : '`';
  const padded = code.includes('`') ? ` ${code} ` : code;
  return `${fence}${padded}${fence}`;
};

const cell = (value: Cell): string => ('code' in value ? (value.code ? codeSpan(value.code) : '') : value.text).replace(/\|/g, '\\|').replace(/\n/g, ' ');

const table = (columns: readonly string[], rows: ReadonlyArray<readonly Cell[]>): string[] => [
  `| ${columns.join(' | ')} |`,
  `|${columns.map(() => '---').join('|')}|`,
  ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
];

const section = (s: ReferenceSection): string[] => [
  `<a id="${s.id}"></a>`,
  '',
  `### ${s.title}`,
  '',
  ...(s.text ? [s.text, ''] : []),
  `Source: \`${s.file}\``,
  '',
  ...(s.signature ? ['```ts', s.signature, '```', ''] : []),
  ...s.examples.flatMap((example) => ['Example:', '', '```ts', example, '```', '']),
  ...(s.table && s.table.rows.length ? [...table(s.table.columns, s.table.rows), ''] : []),
  ...(s.list ? [...s.list.map((item) => `- ${codeSpan(item)}`), ''] : []),
];

/**
 * The reference as one markdown file: a heading that says it is generated, a table of contents,
 * then each part with its sections. The same parts always give the same text.
 */
export const renderMarkdown = (parts: readonly RenderedPart[], regenerate: string): string =>
  [
    '# Scenario reference',
    '',
    `<!-- Generated from the code by harness/reference/generate-reference.ts. Do not edit: change the comments in the source, then run \`${regenerate}\`. -->`,
    '',
    'Everything a scenario can use, read from the code: the metadata of `scenario(meta, body)`, what the body receives, the fields of `checkout(...)`, the simulators (their ledgers, webhooks and faults), Odoo\'s own payment providers, the connector and its policy, and the assert helpers. Each description is the comment in the source file named under its heading. How to write a scenario is in [README.md](README.md#writing-one).',
    '',
    '## Contents',
    '',
    ...parts.flatMap((part) => [`- [${part.title}](#${part.id})`, ...part.sections.map((s) => `  - [${s.title}](#${s.id})`)]),
    '',
    ...parts.flatMap((part) => [`<a id="${part.id}"></a>`, '', `## ${part.title}`, '', part.intro, '', ...part.sections.flatMap(section)]),
  ]
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/\n*$/, '\n');
