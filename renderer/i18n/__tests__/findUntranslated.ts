/**
 * Finds user-visible English in a .tsx file that bypasses t(): JSX text with letters, and string
 * literals (or template literals with letters in their fixed parts) that reach a user-visible
 * attribute or a JSX child as the value shown — directly, or through a condition (`a ? 'x' : 'y'`),
 * `&&`, `||`, `??`, `+` or parentheses. A literal passed to a function (t('key'), a className
 * helper) or compared (`tab === 'sql'`) is not shown, so it is not reported.
 */
import ts from 'typescript';

/** Attributes a learner reads or hears, on any element. */
export const VISIBLE_ATTRIBUTES = new Set([
  'title',
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'placeholder',
  'alt',
  'label',
  // The code editor's accessible name (CodeEditor's ariaLabel prop).
  'ariaLabel',
]);

/** Props of the app's own components that are shown: the part an ErrorBoundary reports as failed. */
const VISIBLE_PROPS: Record<string, readonly string[]> = { ErrorBoundary: ['what'] };

function visibleAttribute(node: ts.JsxAttribute, sf: ts.SourceFile): boolean {
  const name = node.name.getText(sf);
  if (VISIBLE_ATTRIBUTES.has(name)) return true;
  const element = node.parent.parent;
  return VISIBLE_PROPS[element.tagName.getText(sf)]?.includes(name) ?? false;
}

export interface Untranslated {
  file: string;
  line: number;
  text: string;
}

const hasLetters = (text: string) => /\p{L}/u.test(text);
const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** `text` with each allowed term (a whole word or symbol run) taken out. */
function withoutAllowed(text: string, allowed: ReadonlySet<string>): string {
  let rest = text;
  for (const term of allowed)
    rest = rest.replace(new RegExp(`(?<![\\p{L}\\d])${escape(term)}(?![\\p{L}\\d])`, 'gu'), ' ');
  return rest;
}

/** The fixed text of a string or template literal, or null for anything else. */
function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
  return null;
}

/** The literals whose value is what `expression` evaluates to (through conditions, &&, ||, ??, + and parentheses). */
function shownLiterals(expression: ts.Expression, out: ts.Node[]): void {
  if (literalText(expression) !== null) {
    out.push(expression);
    if (ts.isTemplateExpression(expression))
      for (const span of expression.templateSpans) shownLiterals(span.expression, out);
    return;
  }
  if (ts.isParenthesizedExpression(expression) || ts.isAsExpression(expression))
    return shownLiterals(expression.expression, out);
  if (ts.isConditionalExpression(expression)) {
    shownLiterals(expression.whenTrue, out);
    shownLiterals(expression.whenFalse, out);
    return;
  }
  if (ts.isBinaryExpression(expression)) {
    const op = expression.operatorToken.kind;
    if (
      op === ts.SyntaxKind.PlusToken ||
      op === ts.SyntaxKind.BarBarToken ||
      op === ts.SyntaxKind.QuestionQuestionToken
    ) {
      shownLiterals(expression.left, out);
      shownLiterals(expression.right, out);
    } else if (op === ts.SyntaxKind.AmpersandAmpersandToken) shownLiterals(expression.right, out);
  }
}

/** Every untranslated visible string in `source` (a .tsx file's text); the `allowed` terms (names, units) are not English to translate. */
export function findUntranslated(file: string, source: string, allowed: ReadonlySet<string>): Untranslated[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: Untranslated[] = [];
  const report = (node: ts.Node, raw: string) => {
    const text = raw.replace(/\s+/g, ' ').trim();
    if (!hasLetters(withoutAllowed(text, allowed))) return;
    found.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, text });
  };
  const reportShown = (expression: ts.Expression | undefined) => {
    if (!expression) return;
    const literals: ts.Node[] = [];
    shownLiterals(expression, literals);
    for (const literal of literals) report(literal, literalText(literal) ?? '');
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) report(node, node.text);
    else if (ts.isJsxExpression(node) && node.parent && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent)))
      reportShown(node.expression);
    else if (ts.isJsxAttribute(node) && visibleAttribute(node, sf)) {
      const value = node.initializer;
      if (value && ts.isStringLiteral(value)) report(value, value.text);
      else if (value && ts.isJsxExpression(value)) reportShown(value.expression);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}
