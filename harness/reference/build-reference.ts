import type { z } from 'zod';
import { TsReader, type TsDeclaration, type TsMember, type TsTarget } from './extract-ts.ts';
import { zodFields } from './extract-zod.ts';
import { REFERENCE_CONTENTS, type ReferenceEntry, type ReferencePart } from './reference-contents.ts';
import { renderMarkdown, type Cell, type ReferenceSection, type RenderedPart } from './render-markdown.ts';

/** Where the reference is written, relative to the repository root. */
export const REFERENCE_PATH = 'scenarios/REFERENCE.md';

/** The command that writes it again. */
export const REGENERATE_COMMAND = 'npx tsx harness/reference/generate-reference.ts';

/** The generated reference and what it lists without a description (`file: Name.member`). */
export interface BuiltReference {
  readonly markdown: string;
  readonly undescribed: readonly string[];
}

const slug = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const tsTargets = (entry: ReferenceEntry): TsTarget[] => ('ts' in entry ? [entry.ts] : []);

const memberName = (member: TsMember): string => `${member.name}${member.kind === 'method' ? '()' : ''}`;

// The declaration line of a function, type alias or constant (a union type keeps its lines).
const signatureOf = (declaration: TsDeclaration): string | undefined => {
  if (!declaration.signature) return undefined;
  if (declaration.kind === 'type') return `type ${declaration.name} =${/^\s/.test(declaration.signature) ? '' : ' '}${declaration.signature};${declaration.resolved ? `\n// = ${declaration.resolved}` : ''}`;
  if (declaration.kind === 'function') return `${declaration.name}${declaration.signature}`;
  return `const ${declaration.name}: ${declaration.signature};`;
};

const withNote = (text: string, note: string | undefined): string => [text, note].filter(Boolean).join(' ');

/**
 * Reads every entry of the contents from the code (the type checker for declarations and their
 * comments, zod's JSON Schema for the metadata) and renders the reference.
 */
export const buildReference = (root: string, contents: readonly ReferencePart[] = REFERENCE_CONTENTS): BuiltReference => {
  const exportFiles = contents.flatMap((p) => p.entries.flatMap((e) => ('exportsOf' in e ? [e.exportsOf] : [])));
  const reader = new TsReader(root, [...new Set([...contents.flatMap((p) => p.entries.flatMap(tsTargets)).map((t) => t.file), ...exportFiles])]);
  const undescribed: string[] = [];
  const missing = (file: string, what: string, description: string) => {
    if (!description) undescribed.push(`${file}: ${what}`);
  };

  // Every entry becomes sections; names are linked once every section is known.
  type Draft = Omit<ReferenceSection, 'table'> & { readonly name: string; readonly columns?: readonly string[]; readonly rows?: ReadonlyArray<{ readonly cells: readonly Cell[]; readonly type: string; readonly description: string }> };
  const declarationDraft = (declaration: TsDeclaration, entry: { table?: 'fields' | 'members'; defaults?: object; note?: string }): Draft => {
    missing(declaration.file, declaration.name, declaration.doc.text);
    const fields = entry.table === 'fields';
    const rows = declaration.members.map((member) => {
      missing(declaration.file, `${declaration.name}.${member.name}`, member.description);
      const defaulted = entry.defaults && member.name in entry.defaults ? JSON.stringify((entry.defaults as Record<string, unknown>)[member.name]) : '';
      const cells: Cell[] = fields
        ? [{ code: member.name }, { code: member.type }, { text: member.optional ? 'no' : 'yes' }, ...(entry.defaults ? [{ code: defaulted }] : [])]
        : [{ code: memberName(member) }, { code: member.type }];
      return { cells, type: member.type, description: member.description };
    });
    const columns = fields ? ['field', 'type', 'required', ...(entry.defaults ? ['default'] : []), 'description'] : ['member', 'type', 'description'];
    const signature = signatureOf(declaration);
    return {
      id: slug(declaration.name),
      name: declaration.name,
      title: `\`${declaration.name}\``,
      text: withNote(declaration.doc.text, entry.note),
      file: declaration.file,
      ...(signature ? { signature } : {}),
      examples: declaration.doc.examples,
      ...(rows.length ? { columns, rows } : {}),
    };
  };

  // Zod schemas with a section of their own are named in other tables, not spelled out again.
  const zodNames = new Map(contents.flatMap((p) => p.entries.flatMap((e) => ('zod' in e ? [[e.zod as z.ZodType, e.ts.name] as const] : []))));
  const partDrafts = contents.map((part) => {
    const drafts: Draft[] = [];
    for (const entry of part.entries) {
      if ('zod' in entry) {
        const declaration = reader.declaration({ ...entry.ts, members: 'none' });
        missing(declaration.file, declaration.name, declaration.doc.text);
        const rows = zodFields(entry.zod, new Map([...zodNames].filter(([schema]) => schema !== entry.zod))).map((field) => {
          missing(declaration.file, `${declaration.name}.${field.name}`, field.description);
          return { cells: [{ code: field.name }, { code: field.type }, { text: field.required ? 'yes' : 'no' }, { code: field.default }] as Cell[], type: field.type, description: field.description };
        });
        drafts.push({ id: slug(declaration.name), name: declaration.name, title: `\`${declaration.name}\``, text: withNote(declaration.doc.text, entry.note), file: declaration.file, examples: declaration.doc.examples, columns: ['field', 'type', 'required', 'default', 'description'], rows });
      } else if ('ts' in entry) {
        drafts.push(declarationDraft(reader.declaration(entry.ts), entry));
      } else {
        // An index.ts: its functions and constants in one table, then a section per type or class.
        const lists = new Set(entry.lists ?? []);
        const values: Array<{ cells: Cell[]; type: string; description: string }> = [];
        const examples: string[] = [];
        const sections: Draft[] = [];
        for (const { name } of reader.exportNames(entry.exportsOf)) {
          const declaration = reader.declaration(reader.resolveExport(entry.exportsOf, name));
          if (lists.has(name)) {
            missing(declaration.file, name, declaration.doc.text);
            sections.push({ id: slug(name), name, title: `\`${name}\``, text: declaration.doc.text, file: declaration.file, examples: [], list: reader.stringList(declaration.file, name) });
          } else if (declaration.kind === 'function' || declaration.kind === 'const') {
            missing(declaration.file, name, declaration.doc.text);
            values.push({ cells: [{ code: name }, { code: declaration.signature ?? '' }], type: declaration.signature ?? '', description: declaration.doc.text });
            examples.push(...declaration.doc.examples.map((example) => `// ${name}\n${example}`));
          } else sections.push(declarationDraft(declaration, { table: declaration.kind === 'interface' ? 'fields' : 'members' }));
        }
        const file = entry.exportsOf;
        drafts.push({ id: slug(`${file} functions`), name: '', title: 'Functions and constants', text: `Imported from \`${file}\`.`, file, examples, columns: ['export', 'signature', 'description'], rows: values }, ...sections);
      }
    }
    return { part, drafts };
  });

  // Two sections under one anchor would make links land on the wrong one.
  const ids = [...contents.map((p) => slug(p.title)), ...partDrafts.flatMap(({ drafts }) => drafts.map((d) => d.id))];
  const clash = ids.find((id, i) => ids.indexOf(id) !== i);
  if (clash) throw new Error(`the reference has two sections with the anchor #${clash}: rename one in reference-contents.ts`);

  // A type that names another documented declaration links to its section.
  const anchors = new Map(partDrafts.flatMap(({ drafts }) => drafts.filter((d) => d.name).map((d) => [d.name, d.id] as const)));
  const linked = (self: string, type: string, description: string): string => {
    const names = [...new Set(type.match(/[A-Za-z_$][\w$]*/g) ?? [])].filter((n) => n !== self && anchors.has(n)).sort();
    const see = names.map((n) => `[${n}](#${anchors.get(n)})`).join(', ');
    return [description || '—', see ? `See ${see}.` : ''].filter(Boolean).join(' ');
  };
  const parts: RenderedPart[] = partDrafts.map(({ part, drafts }) => ({
    id: slug(part.title),
    title: part.title,
    intro: part.intro,
    sections: drafts.map(({ columns, rows, name, ...section }) => ({
      ...section,
      ...(columns && rows ? { table: { columns, rows: rows.map((r) => [...r.cells, { text: linked(name, r.type, r.description) }]) } } : {}),
    })),
  }));
  return { markdown: renderMarkdown(parts, REGENERATE_COMMAND), undescribed };
};
