import { dirname, join, relative } from 'node:path';
import ts from 'typescript';

/** A comment as the reference shows it: its text on one line, and its `@example` blocks. */
export interface DocComment {
  readonly text: string;
  readonly examples: readonly string[];
}

/** One public member of an interface, a class or an object a factory returns, as the code declares it. */
export interface TsMember {
  readonly name: string;
  // `property`, `method` or `getter`.
  readonly kind: 'property' | 'method' | 'getter';
  // The type of a property, or the parameters and return type of a method, as written in the source.
  readonly type: string;
  readonly optional: boolean;
  readonly readonly: boolean;
  // From the member's doc comment, else its leading line comments; '' when it has neither.
  readonly description: string;
}

/** A documented declaration: what it is, its own comment, and its public members. */
export interface TsDeclaration {
  readonly name: string;
  readonly kind: 'interface' | 'class' | 'function' | 'type' | 'const';
  // The file it is declared in, relative to the repository root.
  readonly file: string;
  readonly doc: DocComment;
  // A function's parameters and return type; a type alias's or a constant's type.
  readonly signature?: string;
  // What a type alias resolves to, when the target asked for it.
  readonly resolved?: string;
  readonly members: readonly TsMember[];
}

/** What to read of an exported declaration: `members` of a function are those of the object it returns. */
export interface TsTarget {
  readonly file: string;
  readonly name: string;
  readonly members?: 'declared' | 'returned' | 'none';
  // For a type alias: also show the type it resolves to (`keyof typeof endpoints` → its names).
  readonly resolve?: boolean;
}

const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

// A `/** … */` block: its text without the stars, tags other than @example and @throws dropped.
const parseJsDoc = (raw: string): DocComment => {
  const lines = raw
    .replace(/^\/\*\*/, '')
    .replace(/\*\/$/, '')
    .split('\n')
    .map((line) => line.replace(/^\s*\* ?/, ''));
  const text: string[] = [];
  const examples: string[] = [];
  let tag: { name: string; lines: string[] } | undefined;
  const flush = () => {
    if (!tag) return;
    if (tag.name === 'example') examples.push(tag.lines.join('\n').replace(/^\n+|\s+$/g, ''));
    if (tag.name === 'throws') text.push(`Throws ${oneLine(tag.lines.join(' '))}.`.replace(/\.\.$/, '.'));
    tag = undefined;
  };
  for (const line of lines) {
    const opened = /^@(\w+)\s?(.*)$/.exec(line.trim());
    if (opened) {
      flush();
      tag = { name: opened[1]!, lines: [opened[2]!] };
      continue;
    }
    if (tag) tag.lines.push(line);
    else text.push(line);
  }
  flush();
  // Inline tags elsewhere in the text ("@throws …" mid-sentence) read as words.
  return { text: oneLine(text.join(' ').replace(/\{@link ([^}]+)\}/g, '$1')).replace(/ @throws /g, ' Throws '), examples };
};

/**
 * The comment a node carries: its doc comment (the last `/** … *\/` right before it), else the
 * line comments right before it; empty when it has neither.
 */
export const commentOf = (node: ts.Node): DocComment => {
  const source = node.getSourceFile().getFullText();
  const ranges = ts.getLeadingCommentRanges(source, node.getFullStart()) ?? [];
  const last = ranges.at(-1);
  if (!last) return { text: '', examples: [] };
  const lastText = source.slice(last.pos, last.end);
  if (last.kind === ts.SyntaxKind.MultiLineCommentTrivia) return lastText.startsWith('/**') ? parseJsDoc(lastText) : { text: '', examples: [] };
  // The run of `//` lines that ends right before the node (a blank line ends a run).
  const run: string[] = [];
  for (let i = ranges.length - 1; i >= 0; i--) {
    const range = ranges[i]!;
    if (range.kind !== ts.SyntaxKind.SingleLineCommentTrivia) break;
    const next = i === ranges.length - 1 ? node.getStart() : ranges[i + 1]!.pos;
    if (source.slice(range.end, next).split('\n').length > 2) break;
    run.unshift(source.slice(range.pos + 2, range.end).trim());
  }
  return { text: oneLine(run.join(' ')), examples: [] };
};

// Where a declaration's comment sits: a variable's is on its statement.
const commented = (node: ts.Node): ts.Node => (ts.isVariableDeclaration(node) && ts.isVariableDeclarationList(node.parent) ? node.parent.parent : node);

/** The type checker over the files the reference documents, with the repository's compiler options. */
export class TsReader {
  readonly #program: ts.Program;
  readonly #checker: ts.TypeChecker;

  constructor(
    readonly root: string,
    files: readonly string[],
  ) {
    const configPath = join(root, 'tsconfig.json');
    const config = ts.readConfigFile(configPath, (path) => ts.sys.readFile(path));
    const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, dirname(configPath));
    this.#program = ts.createProgram(
      files.map((file) => join(root, file)),
      options,
    );
    this.#checker = this.#program.getTypeChecker();
  }

  /** The exported declaration `target.name` of `target.file`, with its comment and public members. */
  declaration(target: TsTarget): TsDeclaration {
    const { node, symbol } = this.#exported(target.file, target.name);
    const file = relative(this.root, node.getSourceFile().fileName).split('\\').join('/');
    const doc = commentOf(commented(node));
    const want = target.members ?? 'declared';
    if (ts.isInterfaceDeclaration(node)) return { name: target.name, kind: 'interface', file, doc, members: want === 'none' ? [] : this.#membersOf(this.#checker.getDeclaredTypeOfSymbol(symbol)) };
    if (ts.isClassDeclaration(node)) return { name: target.name, kind: 'class', file, doc, members: want === 'none' ? [] : this.#membersOf(this.#checker.getDeclaredTypeOfSymbol(symbol)) };
    if (ts.isTypeAliasDeclaration(node)) {
      // As written (a union keeps its lines and their comments); `resolved` adds what it stands for.
      const signature = node.type.getFullText().replace(/^[ \t]+/, '').trimEnd();
      return { name: target.name, kind: 'type', file, doc, signature, ...(target.resolve ? { resolved: this.#typeOf(node.name) } : {}), members: [] };
    }
    if (ts.isFunctionDeclaration(node) || (ts.isVariableDeclaration(node) && node.initializer && (ts.isArrowFunction(node.initializer) || ts.isFunctionExpression(node.initializer)))) {
      const fn = ts.isFunctionDeclaration(node) ? node : (node.initializer as ts.ArrowFunction | ts.FunctionExpression);
      // A factory is documented by what it returns: its own return type would only repeat the table.
      const signature = want === 'returned' ? `(${fn.parameters.map((p) => oneLine(p.getText())).join(', ')})` : this.#callSignature(fn, node);
      if (want !== 'returned') return { name: target.name, kind: 'function', file, doc, signature, members: [] };
      const call = this.#checker.getTypeAtLocation(node).getCallSignatures()[0];
      if (!call) throw new Error(`${target.file}: ${target.name} is not callable`);
      return { name: target.name, kind: 'function', file, doc, signature, members: this.#membersOf(this.#checker.getReturnTypeOfSignature(call)) };
    }
    if (ts.isVariableDeclaration(node)) {
      const type = node.type ? node.type.getText() : this.#checker.typeToString(this.#checker.getTypeAtLocation(node), undefined, ts.TypeFormatFlags.NoTruncation);
      return { name: target.name, kind: 'const', file, doc, signature: oneLine(type), members: [] };
    }
    throw new Error(`${target.file}: ${target.name} is a ${ts.SyntaxKind[node.kind]}, which the reference cannot read`);
  }

  /** The string literals of an exported constant array (`[…] as const`), in order. */
  stringList(file: string, name: string): string[] {
    const { node } = this.#exported(file, name);
    let init = ts.isVariableDeclaration(node) ? node.initializer : undefined;
    while (init && (ts.isAsExpression(init) || ts.isSatisfiesExpression(init) || ts.isParenthesizedExpression(init))) init = init.expression;
    if (!init || !ts.isArrayLiteralExpression(init)) throw new Error(`${file}: ${name} is not an array literal`);
    return init.elements.map((element) => {
      if (!ts.isStringLiteralLike(element)) throw new Error(`${file}: ${name} holds ${element.getText()}, not a string literal`);
      return element.text;
    });
  }

  /** The names a module exports, in the order its statements export them (an index.ts). */
  exportNames(file: string): Array<{ readonly name: string; readonly typeOnly: boolean }> {
    const source = this.#source(file);
    const names: Array<{ name: string; typeOnly: boolean }> = [];
    for (const statement of source.statements) {
      if (!ts.isExportDeclaration(statement) || !statement.exportClause || !ts.isNamedExports(statement.exportClause)) continue;
      for (const element of statement.exportClause.elements) names.push({ name: element.name.text, typeOnly: statement.isTypeOnly || element.isTypeOnly });
    }
    return names;
  }

  /** Where an exported name of `file` is declared (following re-exports), as a target. */
  resolveExport(file: string, name: string): TsTarget {
    const { node } = this.#exported(file, name);
    return { file: relative(this.root, node.getSourceFile().fileName).split('\\').join('/'), name };
  }

  #source(file: string): ts.SourceFile {
    const source = this.#program.getSourceFile(join(this.root, file));
    if (!source) throw new Error(`the reference's program has no ${file}`);
    return source;
  }

  #exported(file: string, name: string): { node: ts.Declaration; symbol: ts.Symbol } {
    const moduleSymbol = this.#checker.getSymbolAtLocation(this.#source(file));
    const exported = moduleSymbol && this.#checker.getExportsOfModule(moduleSymbol).find((s) => s.name === name);
    if (!exported) throw new Error(`${file} exports no ${name}`);
    const symbol = exported.flags & ts.SymbolFlags.Alias ? this.#checker.getAliasedSymbol(exported) : exported;
    // A zod schema and its type share a name: the value's declaration comes first for a constant.
    const node = symbol.valueDeclaration ?? symbol.declarations?.[0];
    if (!node) throw new Error(`${file}: ${name} has no declaration`);
    return { node, symbol };
  }

  // Public members: not private, protected or #private, not static (a type's properties are its instance's).
  #membersOf(type: ts.Type): TsMember[] {
    const members: TsMember[] = [];
    for (const property of this.#checker.getPropertiesOfType(type)) {
      const declaration = property.declarations?.[0];
      if (!declaration) continue;
      // What a class inherits from the platform (an Error's message, stack …) is not the harness's to document.
      if (this.#program.isSourceFileDefaultLibrary(declaration.getSourceFile()) || declaration.getSourceFile().fileName.includes('/node_modules/')) continue;
      const name = (declaration as ts.NamedDeclaration).name;
      if (name && ts.isPrivateIdentifier(name)) continue;
      if (ts.getCombinedModifierFlags(declaration) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) continue;
      members.push(this.#member(property, declaration, type));
    }
    return members;
  }

  #member(property: ts.Symbol, declaration: ts.Declaration, owner: ts.Type): TsMember {
    const optional = Boolean(property.flags & ts.SymbolFlags.Optional);
    const isReadonly = Boolean(ts.getCombinedModifierFlags(declaration) & ts.ModifierFlags.Readonly) || ts.isGetAccessorDeclaration(declaration);
    const description = commentOf(declaration).text || this.#inheritedComment(property.name, owner);
    const base = { name: property.name, optional, readonly: isReadonly, description };
    if (ts.isMethodDeclaration(declaration) || ts.isMethodSignature(declaration)) return { ...base, kind: 'method', type: this.#callSignature(declaration, declaration) };
    if (ts.isGetAccessorDeclaration(declaration)) return { ...base, kind: 'getter', type: declaration.type ? oneLine(declaration.type.getText()) : this.#typeOf(declaration) };
    if (ts.isPropertyAssignment(declaration) && (ts.isArrowFunction(declaration.initializer) || ts.isFunctionExpression(declaration.initializer)))
      return { ...base, kind: 'method', type: this.#callSignature(declaration.initializer, declaration.initializer) };
    const typeNode = (declaration as ts.PropertyDeclaration | ts.PropertySignature | ts.ParameterDeclaration).type;
    if (typeNode) return { ...base, kind: 'property', type: oneLine(typeNode.getText()) };
    // `readonly orders = new Map<string, ShopOrder>()` reads best as the source names it.
    const initializer = (declaration as ts.PropertyDeclaration).initializer;
    if (initializer && ts.isNewExpression(initializer) && initializer.typeArguments?.length) return { ...base, kind: 'property', type: oneLine(`${initializer.expression.getText()}<${initializer.typeArguments.map((t) => t.getText()).join(', ')}>`) };
    return { ...base, kind: 'property', type: this.#typeOf(declaration) };
  }

  // An override without a comment reads like the member it overrides.
  #inheritedComment(name: string, owner: ts.Type): string {
    for (const base of owner.isClassOrInterface() ? this.#checker.getBaseTypes(owner) : []) {
      const declaration = base.getProperty(name)?.declarations?.[0];
      const text = declaration ? commentOf(declaration).text : '';
      if (text) return text;
    }
    return '';
  }

  // `(a: string, times = 1): HttpHandler`: parameters as written, the return type as written or inferred.
  #callSignature(fn: ts.SignatureDeclaration, at: ts.Node): string {
    const typeParameters = fn.typeParameters?.length ? `<${fn.typeParameters.map((p) => p.getText()).join(', ')}>` : '';
    const parameters = fn.parameters.map((p) => oneLine(p.getText())).join(', ');
    let returns = fn.type?.getText();
    if (!returns) {
      const signature = this.#checker.getSignatureFromDeclaration(fn) ?? this.#checker.getTypeAtLocation(at).getCallSignatures()[0];
      returns = signature ? this.#checker.typeToString(this.#checker.getReturnTypeOfSignature(signature), undefined, ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope) : 'unknown';
    }
    return oneLine(`${typeParameters}(${parameters}): ${returns}`);
  }

  #typeOf(node: ts.Node): string {
    return oneLine(this.#checker.typeToString(this.#checker.getTypeAtLocation(node), undefined, ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope));
  }
}
