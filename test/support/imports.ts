/**
 * The packages a file imports, read the way TypeScript reads a file's imports (static, dynamic,
 * `require`, `export … from`), and, in JavaScript files, the `import('…')` types of JSDoc comments.
 */
import { builtinModules } from 'node:module';
import ts from 'typescript';

const BUILTINS = new Set(builtinModules);
const JSDOC_IMPORT = /import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** `@scope/name/sub/path` → `@scope/name`, `name/sub` → `name`; undefined for relative paths and Node's own. */
export function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:'))
    return undefined;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
  return BUILTINS.has(name) ? undefined : name;
}

/** The packages `source` imports, sorted, each once. */
export function importedPackages(source: string, options: { javascript: boolean }): string[] {
  const specifiers = ts.preProcessFile(source, true, true).importedFiles.map((file) => file.fileName);
  if (options.javascript) specifiers.push(...[...source.matchAll(JSDOC_IMPORT)].map((match) => match[1]!));
  const names = specifiers.map(packageOf).filter((name): name is string => name !== undefined);
  return [...new Set(names)].sort();
}
