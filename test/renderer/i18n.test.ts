import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import en from '../../renderer/i18n/locales/en.json';
import ru from '../../renderer/i18n/locales/ru.json';
import uk from '../../renderer/i18n/locales/uk.json';

const RENDERER = path.resolve(import.meta.dirname, '../../renderer');

/** Attributes people read or hear: their text must come from the catalogues. */
const TEXT_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-placeholder',
  'aria-roledescription',
  'aria-valuetext',
  'title',
  'placeholder',
  'alt',
  'label',
]);

/** The escape hatch: marks that are not words in any language. Nothing with a letter may be added. */
const NOT_WORDS = new Set(['·', '—', '–', '₴', '…', '/', '→', '×', ':']);

const COMPARISONS = new Set([
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
]);

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const at = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(at, value);
    else for (const [k, v] of flatten(value, at)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

interface Finding {
  file: string;
  line: number;
  text: string;
}

/** Literal text a person would see in a TSX file: JSX text, and string literals in text attributes or children. */
function hardCodedText(file: string, source: string): Finding[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const findings: Finding[] = [];
  const report = (node: ts.Node, text: string) => {
    const trimmed = text.replace(/\s+/g, ' ').trim();
    if (trimmed === '' || NOT_WORDS.has(trimmed)) return;
    const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
    findings.push({ file: path.relative(RENDERER, file), line, text: trimmed });
  };
  /** String literals in an expression, except those passed to a call (t('key'), cx('class')). */
  const literalsIn = (node: ts.Node) => {
    if (ts.isCallExpression(node)) return;
    if (ts.isBinaryExpression(node) && COMPARISONS.has(node.operatorToken.kind)) return; // section === 'email'
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) report(node, node.text);
    else if (ts.isTemplateExpression(node)) {
      for (const part of [node.head, ...node.templateSpans.map((span) => span.literal)])
        report(node, part.text);
      node.templateSpans.forEach((span) => literalsIn(span.expression));
    } else if (ts.isJsxElement(node) || ts.isJsxSelfClosingElement(node) || ts.isJsxFragment(node)) {
      return; // visited on its own
    } else ts.forEachChild(node, literalsIn);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) report(node, node.text);
    else if (ts.isJsxAttribute(node) && TEXT_ATTRIBUTES.has(node.name.getText(sf)) && node.initializer) {
      if (ts.isStringLiteral(node.initializer)) report(node, node.initializer.text);
      else if (ts.isJsxExpression(node.initializer) && node.initializer.expression)
        literalsIn(node.initializer.expression);
    } else if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent)) {
      literalsIn(node.expression);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return findings;
}

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return tsxFiles(full);
    return entry.name.endsWith('.tsx') ? [full] : [];
  });
}

describe('the catalogues', () => {
  const reference = flatten(uk);

  it.each([
    ['ru', ru],
    ['en', en],
  ])('%s has exactly the keys of the Ukrainian catalogue', (_lang, catalogue) => {
    expect([...flatten(catalogue as Tree).keys()].sort()).toEqual([...reference.keys()].sort());
  });

  it.each([
    ['ru', ru],
    ['en', en],
  ])('%s uses the same {{placeholders}} as Ukrainian in every text', (_lang, catalogue) => {
    const other = flatten(catalogue as Tree);
    const mismatched = [...reference].filter(([key, text]) => {
      const theirs = other.get(key);
      return theirs !== undefined && placeholders(theirs).join() !== placeholders(text).join();
    });
    expect(mismatched.map(([key]) => key)).toEqual([]);
  });

  it('has no empty text in any language', () => {
    const empty = [uk, ru, en].flatMap((c) => [...flatten(c as Tree)].filter(([, v]) => v.trim() === ''));
    expect(empty).toEqual([]);
  });
});

describe('renderer components', () => {
  it('show no text that is not in the catalogues', () => {
    const files = tsxFiles(RENDERER);
    expect(files.length).toBeGreaterThan(10);
    const findings = files.flatMap((file) => hardCodedText(file, readFileSync(file, 'utf8')));
    expect(findings).toEqual([]);
  });

  it('catches JSX text, text attributes and string children, but not t() keys', () => {
    const source = `
      export const A = ({ t, ok }) => (
        <div title="Settings" aria-label={ok ? 'Open' : t('nav.label')}>
          Hello <b>{'there'}</b> {\`\${ok} items\`} {t('common.save')} · <input placeholder={t('x.y')} />
          {ok === 'yes' && <i>{t('a.b')}</i>}
          <span className="not-text" data-testid="plain-value" />
        </div>
      );`;
    const texts = hardCodedText(path.join(RENDERER, 'Probe.tsx'), source).map((f) => f.text);
    expect(texts).toEqual(['Settings', 'Open', 'Hello', 'there', 'items']);
  });

  it('lets through only marks without letters', () => {
    expect([...NOT_WORDS].filter((mark) => /\p{L}/u.test(mark))).toEqual([]);
  });
});
