#!/usr/bin/env node
/*
 * Generates the TypeScript that comes from the API contract
 * (src/schema/openapi.yaml):
 *   - src/schema/openapi.generated.ts: the spec as a constant and the
 *     router factory typed by it (@backstage/backend-openapi-utils);
 *   - storage-common's src/api/openapi.generated.ts: the request and
 *     response types of the client and the frontend (openapi-typescript).
 *
 * `--check` writes nothing and exits 1 when a committed file differs from
 * what the spec generates; `--spec <file>` reads another spec (tests use it).
 */
const { readFileSync, writeFileSync } = require('node:fs');
const { resolve, relative } = require('node:path');
const YAML = require('yaml');
const prettier = require('prettier');

const root = resolve(__dirname, '..');
const args = process.argv.slice(2);
const check = args.includes('--check');
const specIndex = args.indexOf('--spec');
const specPath = resolve(
  specIndex >= 0
    ? args[specIndex + 1]
    : resolve(root, 'plugins/storage-backend/src/schema/openapi.yaml'),
);

const HEADER = `// Generated from plugins/storage-backend/src/schema/openapi.yaml by
// \`yarn generate:openapi\`: do not edit. A test fails when it is stale.
`;

async function format(text, file) {
  const options = (await prettier.resolveConfig(file)) ?? {};
  return prettier.format(text, { ...options, filepath: file });
}

function routerSource(spec) {
  return `${HEADER}
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';

export const spec = ${JSON.stringify(spec, null, 2)} as const;

/** A router that validates requests against the spec, typed by it. */
export const createOpenApiRouter = async (
  options?: Parameters<typeof createValidatedOpenApiRouter>['1'],
) => createValidatedOpenApiRouter<typeof spec>(spec, options);
`;
}

async function typesSource(spec) {
  const { default: openapiTS, astToString } = await import(
    'openapi-typescript'
  );
  const ast = await openapiTS(spec, { alphabetize: false });
  return `${HEADER}\n${astToString(ast)}`;
}

async function main() {
  const spec = YAML.parse(readFileSync(specPath, 'utf8'));
  const outputs = [
    [
      resolve(root, 'plugins/storage-backend/src/schema/openapi.generated.ts'),
      routerSource(spec),
    ],
    [
      resolve(root, 'plugins/storage-common/src/api/openapi.generated.ts'),
      await typesSource(spec),
    ],
  ];
  let stale = 0;
  for (const [file, source] of outputs) {
    const text = await format(source, file);
    let current = '';
    try {
      current = readFileSync(file, 'utf8');
    } catch {
      current = '';
    }
    if (current === text) continue;
    if (check) {
      stale += 1;
      process.stderr.write(
        `${relative(root, file)} is not what ${relative(
          root,
          specPath,
        )} generates: run yarn generate:openapi\n`,
      );
    } else {
      writeFileSync(file, text);
      process.stdout.write(`wrote ${relative(root, file)}\n`);
    }
  }
  process.exitCode = stale ? 1 : 0;
}

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exitCode = 2;
});
