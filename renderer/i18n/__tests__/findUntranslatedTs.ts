/**
 * Finds English prose in a plain .ts file of the renderer (the drawing code, the features' helpers)
 * that reaches a learner without going through i18next. A .ts file has no JSX to say what is shown,
 * so the rule works the other way round from the .tsx scan: every string or template literal that
 * reads as words (two words of letters with a space between, starting with a letter) is reported,
 * unless its place says it is not shown — a key or text passed to t()/i18n.t()/tr(), an import path,
 * a developer's message (a thrown Error, console), a class, style, attribute name or selector given
 * to the DOM or d3, a comparison, a case label, a type, or a property name.
 */
import ts from 'typescript';

export interface UntranslatedTs {
  file: string;
  line: number;
  text: string;
}

/** Functions whose arguments are i18next keys and options: the texts they return are translated. */
const TRANSLATING_CALLS = new Set(['t', 'tr', 'i18n.t', 'i18next.t']);

/** Calls whose text is for developers (an exception's message, the console), never shown in the app's UI. */
const DEVELOPER_CALLS = /^(console\.\w+|(new )?(Error|TypeError|RangeError|SyntaxError)|assert\w*)$/;

/**
 * DOM and d3 methods whose string arguments are names, classes, styles, selectors or path data —
 * except d3's text() and the visible attributes, checked in shownByAttr.
 */
const NOT_SHOWN_METHODS = new Set([
  'select',
  'selectAll',
  'querySelector',
  'querySelectorAll',
  'closest',
  'matches',
  'classed',
  'style',
  'setProperty',
  'getPropertyValue',
  'addEventListener',
  'removeEventListener',
  'on',
  'dispatchEvent',
  'createElement',
  'createElementNS',
  'getElementById',
  'add',
  'remove',
  'toggle',
  'contains',
  'split',
  'join',
  'replace',
  'replaceAll',
  'startsWith',
  'endsWith',
  'includes',
  'indexOf',
  'test',
  'match',
  'localeCompare',
  'font',
  'measureText',
]);

/** Attributes (attr/setAttribute) a learner reads or hears; any other attribute's value is not prose. */
const VISIBLE_ATTRIBUTES = new Set(['title', 'aria-label', 'aria-description', 'aria-roledescription', 'alt']);

/** Property names whose string values are style, class or identifiers, never shown. */
const NOT_SHOWN_PROPERTIES = new Set([
  'className',
  'class',
  'font',
  'fill',
  'stroke',
  'transform',
  'd',
  'cursor',
  'textAnchor',
  'dominantBaseline',
  'testId',
  'id',
  'key',
  'role',
]);

const WORDS = /^\p{L}[\p{L}\p{N}'’-]*[,;:.!?]?\s+\S*\p{L}/u;
const KEY = /^[\w-]+:[\w.-]+$/;
const SQL = /^(SELECT|CREATE|DROP|INSERT|DELETE|UPDATE|WITH|FROM|WHERE|AS|IN|AND|OR|CAST|CASE)\b/;

/** Whether `text` is a key, a CSS value, path data, a URL, a function call or SQL rather than words. */
function looksLikeCode(text: string): boolean {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  if (KEY.test(trimmed)) return true;
  // CSS values, SVG path data, URLs and format strings start with a letter too: none of them is words.
  if (/^[a-z][a-z0-9]*:\/\//i.test(trimmed)) return true;
  if (/^[MmLlHhVvCcSsQqTtAaZz][\d\s,.-]/.test(trimmed)) return true;
  // A function call (CSS's `translate(…)`, SQL's `coalesce(x, y)`) or SQL, whose statements and clauses start with a keyword in capitals.
  return /^[\w.]+\(/.test(trimmed) || SQL.test(trimmed);
}

/** Whether `text` reads as prose: two words of letters with a space between, starting with a letter. */
export function looksLikeProse(text: string): boolean {
  return !looksLikeCode(text) && WORDS.test(text.replace(/\s+/g, ' ').trim());
}

/** The fixed text of a string or template literal (its holes as one space), or null for anything else. */
function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
  return null;
}

/** Units written after a number: the same in every language the app speaks. */
const UNITS = /(?<![\p{L}\d])(B|kB|KB|MB|GB|TB|ms|s|min|h|px|em|rem)(?![\p{L}\d])/gu;

/**
 * Whether a template's fixed parts put a word beside a hole with a space (`${n} rows`,
 * `of ${total}`); a unit (`${n} MB`) is not a word.
 */
function wordBesideHole(node: ts.Node): boolean {
  if (!ts.isTemplateExpression(node) || looksLikeCode(literalText(node) ?? '')) return false;
  const parts = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].map((p) => p.replace(UNITS, ''));
  const before = parts.slice(0, -1);
  const after = parts.slice(1);
  return before.some((part) => /\p{L}{2,}\s$/u.test(part)) || after.some((part) => /^\s\p{L}{2,}/u.test(part));
}

const callName = (call: ts.CallExpression | ts.NewExpression, sf: ts.SourceFile): string =>
  (ts.isNewExpression(call) ? 'new ' : '') + call.expression.getText(sf).replace(/\s+/g, '');

const methodName = (call: ts.CallExpression): string | null =>
  ts.isPropertyAccessExpression(call.expression) ? call.expression.name.text : null;

/** Whether a literal passed as argument `index` of `call` is shown to a learner as it is. */
function shownAsArgument(call: ts.CallExpression | ts.NewExpression, index: number, sf: ts.SourceFile): boolean {
  const name = callName(call, sf);
  if (TRANSLATING_CALLS.has(name) || DEVELOPER_CALLS.test(name) || DEVELOPER_CALLS.test(name.replace(/^new /, '')))
    return false;
  if (ts.isNewExpression(call)) return !/^new (RegExp|Intl\.\w+|Set|Map|URL|Worker)$/.test(name);
  const method = methodName(call);
  // d3's attr, the DOM's setAttribute, and helpers named after them (drawRackSummaries' attrOf).
  if (/^(attr\w*|setAttribute(NS)?)$/.test(method ?? name)) {
    if (index === 0) return false;
    const first = call.arguments[0];
    return !!first && ts.isStringLiteralLike(first) && VISIBLE_ATTRIBUTES.has(first.text);
  }
  return method === null || !NOT_SHOWN_METHODS.has(method);
}

/** Whether the literal `node` is in a place where its text cannot be shown (see the module's comment). */
function notShown(node: ts.Node, sf: ts.SourceFile): boolean {
  let child: ts.Node = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isImportTypeNode(parent)) return true;
    if (ts.isTypeNode(parent) && !ts.isExpressionWithTypeArguments(parent)) return true;
    if (ts.isCaseClause(parent) && parent.expression === child) return true;
    if (ts.isElementAccessExpression(parent) && parent.argumentExpression === child) return true;
    if (ts.isPropertyAssignment(parent) && parent.name === child) return true;
    if (ts.isPropertyAssignment(parent) && parent.initializer === child) {
      const name = parent.name.getText(sf).replace(/['"]/g, '');
      if (NOT_SHOWN_PROPERTIES.has(name)) return true;
    }
    if (ts.isBinaryExpression(parent)) {
      const op = parent.operatorToken.kind;
      if (
        op === ts.SyntaxKind.EqualsEqualsEqualsToken ||
        op === ts.SyntaxKind.ExclamationEqualsEqualsToken ||
        op === ts.SyntaxKind.EqualsEqualsToken ||
        op === ts.SyntaxKind.ExclamationEqualsToken ||
        op === ts.SyntaxKind.InKeyword ||
        op === ts.SyntaxKind.InstanceOfKeyword
      )
        return true;
      if (op === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(parent.left)) {
        const name = parent.left.name.text;
        if (NOT_SHOWN_PROPERTIES.has(name) || name === 'cssText') return true;
      }
    }
    if (ts.isCallExpression(parent) || ts.isNewExpression(parent)) {
      const index = parent.arguments?.indexOf(child as ts.Expression) ?? -1;
      if (index >= 0) {
        if (!shownAsArgument(parent, index, sf)) return true;
        // A literal passed to any other function may be shown by it: report it where it is written.
        return false;
      }
    }
    if (ts.isThrowStatement(parent)) return true;
    // Statements end the walk: a literal's fate is decided within its statement.
    if (ts.isStatement(parent) || ts.isSourceFile(parent)) return false;
  }
  return false;
}

/** Every literal in `source` (a .ts file's text) that reads as English prose a learner may see. */
export function findUntranslatedTs(file: string, source: string): UntranslatedTs[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: UntranslatedTs[] = [];
  const visit = (node: ts.Node) => {
    const text = literalText(node);
    // A template's units (`${m} min ${s} s`) are not words.
    const words =
      text !== null && ts.isTemplateExpression(node) && !looksLikeCode(text) ? text.replace(UNITS, ' ') : text;
    if (text !== null && words !== null && (looksLikeProse(words) || wordBesideHole(node)) && !notShown(node, sf))
      found.push({
        file,
        line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1,
        text: node.getText(sf).slice(1, -1).replace(/\s+/g, ' ').trim(),
      });
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}
