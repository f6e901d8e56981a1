#!/usr/bin/env node
// Runs the benchmarks: `yarn bench [name …] [--smoke] [options]`.
// Each benchmark is a bench/<name>/*.bench.ts script; with --smoke it runs
// a few seconds on tiny inputs and writes no results, which CI does so the
// benchmarks cannot rot. Without it, each writes bench/<name>/results.md.
const { spawnSync } = require('node:child_process');
const { readdirSync } = require('node:fs');
const { join } = require('node:path');

const args = process.argv.slice(2);
const names = args.filter(a => !a.startsWith('-') && !/^\d/.test(a));
const options = args.filter(a => !names.includes(a));
const root = __dirname;
const all = readdirSync(root, { withFileTypes: true })
  .filter(entry => entry.isDirectory())
  .map(entry => entry.name);
const unknown = names.filter(name => !all.includes(name));
if (unknown.length) {
  console.error(
    `Unknown benchmark ${unknown.join(', ')}; there are: ${all.join(', ')}`,
  );
  process.exit(2);
}

for (const name of names.length ? names : all) {
  const dir = join(root, name);
  for (const file of readdirSync(dir).filter(f => f.endsWith('.bench.ts'))) {
    console.log(`\n== ${name}/${file} ${options.join(' ')}`);
    const transform = require.resolve(
      '@backstage/cli/config/nodeTransform.cjs',
    );
    const { status } = spawnSync(
      process.execPath,
      ['--expose-gc', '-r', transform, join(dir, file), ...options],
      { stdio: 'inherit' },
    );
    if (status !== 0) {
      console.error(`${name}/${file} failed (exit ${status})`);
      process.exit(status ?? 1);
    }
  }
}
