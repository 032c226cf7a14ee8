import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { expect, test } from 'vitest';

// Every assertion in a scenario names what it measures and the record it concerns, so that the
// first failure line reads as a business sentence ("order #1003: on hand after shipping 2 of 3:
// expected 7 to be 8") rather than a bare "expected 7 to be 8".

const ROOT = join(import.meta.dirname, '..', '..');
const SCENARIOS_DIR = join(ROOT, 'scenarios');

/** An `expect(...)` or `expect.soft(...)` call without a message, by line (1-based). */
export interface BareExpect {
  readonly line: number;
  readonly text: string;
}

const isEmptyString = (node: ts.Expression): boolean =>
  (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && node.text.trim() === '';

/**
 * The `expect(actual)` / `expect.soft(actual)` calls of a source file that have no message (a
 * second argument) or an empty one. `expect` is the name vitest's `expect` is imported under
 * (or `expect` itself); asymmetric matchers such as `expect.objectContaining(...)` are not
 * assertions and are not reported.
 */
export const bareExpects = (fileName: string, source: string): BareExpect[] => {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const names = new Set(['expect']);
  for (const statement of file.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier) || statement.moduleSpecifier.text !== 'vitest') continue;
    const bindings = statement.importClause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings)) {
      for (const element of bindings.elements) if ((element.propertyName ?? element.name).text === 'expect') names.add(element.name.text);
    }
  }
  const isExpect = (callee: ts.Expression): boolean =>
    (ts.isIdentifier(callee) && names.has(callee.text)) ||
    (ts.isPropertyAccessExpression(callee) && callee.name.text === 'soft' && ts.isIdentifier(callee.expression) && names.has(callee.expression.text));

  const found: BareExpect[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && isExpect(node.expression)) {
      const message = node.arguments[1];
      if (!message || isEmptyString(message)) {
        const line = file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
        found.push({ line, text: node.getText(file).split('\n')[0]!.slice(0, 120) });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
};

const scenarioFiles = (): string[] =>
  readdirSync(SCENARIOS_DIR, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.scenario.ts'))
    .map((f) => join(SCENARIOS_DIR, f))
    .sort();

test('every expect in a scenario file has a message naming what it measures', () => {
  const files = scenarioFiles();
  expect(files.length, 'scenario files found under scenarios/').toBeGreaterThan(0);
  const bare = files.flatMap((path) => bareExpects(path, readFileSync(path, 'utf8')).map((b) => `${relative(ROOT, path)}:${b.line}  ${b.text}`));
  expect(bare, `expect(...) calls without a message, e.g. expect(onHand, 'order #1003: on hand after shipping 2 of 3')`).toEqual([]);
});

test('the checker reports a bare expect, a bare expect.soft, an aliased expect and an empty message', () => {
  const source = [
    "import { expect, expect as check } from 'vitest';",
    'expect(onHand).toBe(8);',
    'expect.soft(state).toBe("cancel");',
    'check(total).toBe(1);',
    "expect(onHand, '').toBe(8);",
    'expect(onHand, ` `).toBe(8);',
    'await expect(',
    '  promise,',
    ').rejects.toThrow();',
  ].join('\n');
  expect(bareExpects('inline.scenario.ts', source).map((b) => b.line), 'lines reported in the inline source').toEqual([2, 3, 4, 5, 6, 7]);
});

test('the checker accepts messaged expects and ignores asymmetric matchers', () => {
  const source = [
    "import { expect } from 'vitest';",
    "expect(onHand, 'order #1003: on hand after shipping 2 of 3').toBe(8);",
    'expect.soft(state, `order ${order.number}: state after the cancellation`).toBe("cancel");',
    "await expect(promise, 'the webhook fails while Odoo is down').rejects.toThrow(/refused/);",
    "expect(lines, 'order #1003: lines').toEqual([expect.objectContaining({ sku: expect.any(String) })]);",
  ].join('\n');
  expect(bareExpects('inline.scenario.ts', source), 'bare expects reported in the inline source').toEqual([]);
});
