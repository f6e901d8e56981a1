import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { Finding, manifestContextOf, validateManifest } from '../validation';

export interface LintResult {
  file: string;
  kind: string;
  name: string;
  severity: Finding['severity'];
  code: string;
  field: string;
  message: string;
  fix: string;
}

/** YAML files under the given files or folders, sorted for stable output. */
export function collectFiles(paths: string[]): string[] {
  const files: string[] = [];
  for (const path of paths) {
    if (statSync(path).isDirectory()) {
      files.push(
        ...collectFiles(
          readdirSync(path)
            .sort()
            .map(entry => join(path, entry)),
        ),
      );
    } else if (/\.ya?ml$/.test(path)) {
      files.push(path);
    }
  }
  return files;
}

/** Lints every document of every file; StorageClasses and claims in any file inform the others. */
export function lintFiles(paths: string[]): LintResult[] {
  const documents = collectFiles(paths).flatMap(file =>
    parseAllDocuments(readFileSync(file, 'utf8')).map(doc => ({
      file,
      object: doc.errors.length
        ? { kind: undefined, parseError: doc.errors[0].message }
        : doc.toJS(),
    })),
  );
  const context = manifestContextOf(documents.map(d => d.object));
  return documents
    .filter(d => d.object !== null && d.object !== undefined)
    .flatMap(({ file, object }) => {
      const kind = typeof object?.kind === 'string' ? object.kind : 'Unknown';
      const name =
        typeof object?.metadata?.name === 'string' ? object.metadata.name : '';
      const findings: Finding[] = object?.parseError
        ? [
            {
              severity: 'error',
              field: '',
              code: 'yaml-syntax',
              message: String(object.parseError),
              fix: 'Fix the YAML syntax.',
            },
          ]
        : validateManifest(object, context);
      return findings.map(finding => ({ file, kind, name, ...finding }));
    });
}

export function formatLintLine(result: LintResult): string {
  return `${result.file}: ${result.kind}/${result.name}: ${result.code}: ${result.message}`;
}
