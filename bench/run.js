#!/usr/bin/env node
// Runs the benchmarks: `yarn bench [name …] [--smoke] [options]`.
// Each benchmark is a bench/<name>/*.bench.ts script; with --smoke it runs
// once on tiny inputs and writes no results, which the test command does so
// the benchmarks cannot rot. Without it, each writes bench/<name>/result.json
// (and its results.md), then bench/RESULTS.md and bench/results/latest.json
// are assembled from every benchmark's part.
const { spawnSync } = require('node:child_process');
const { mkdirSync, mkdtempSync, readdirSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { assemble, writeFormatted } = require('./lib/assemble');

const args = process.argv.slice(2);
const names = args.filter(a => !a.startsWith('-') && !/^\d/.test(a));
const options = args.filter(a => !names.includes(a));
const smoke = options.includes('--smoke');
const root = __dirname;
/** Cheap, self-contained ones first; the browser last. */
const ORDER = [
  'eks-sim',
  'claims-per-entity',
  'claim-tracker',
  'request-to-applied',
  'propagation',
  'frontend',
];
const benchFiles = dir =>
  readdirSync(join(root, dir)).filter(f => f.endsWith('.bench.ts'));
const all = readdirSync(root, { withFileTypes: true })
  .filter(entry => entry.isDirectory() && benchFiles(entry.name).length > 0)
  .map(entry => entry.name)
  .sort((a, b) => {
    const rank = name => (ORDER.includes(name) ? ORDER.indexOf(name) : 99);
    return rank(a) - rank(b) || a.localeCompare(b);
  });
const unknown = names.filter(name => !all.includes(name));
if (unknown.length) {
  console.error(
    `Unknown benchmark ${unknown.join(', ')}; there are: ${all.join(', ')}`,
  );
  process.exit(2);
}

const transform = require.resolve('@backstage/cli/config/nodeTransform.cjs');
// The browser benchmarks bundle the Storage tab once per run, here.
const harness = mkdtempSync(join(tmpdir(), 'storage-bench-'));
const started = Date.now();
const took = [];
for (const name of names.length ? names : all) {
  for (const file of benchFiles(name)) {
    console.log(`\n== ${name}/${file} ${options.join(' ')}`);
    const fileStarted = Date.now();
    const { status } = spawnSync(
      process.execPath,
      [
        '--expose-gc',
        '--max-old-space-size=4096',
        '-r',
        transform,
        join(root, name, file),
        ...options,
      ],
      {
        stdio: 'inherit',
        env: { ...process.env, BENCH_HARNESS_BUNDLE: harness },
      },
    );
    took.push(`${name} ${Math.round((Date.now() - fileStarted) / 1000)} s`);
    if (status !== 0) {
      console.error(`${name}/${file} failed (exit ${status})`);
      rmSync(harness, { recursive: true, force: true });
      process.exit(status ?? 1);
    }
  }
}
rmSync(harness, { recursive: true, force: true });
const wallSeconds = Math.round((Date.now() - started) / 1000);
console.log(`\nBenchmarks took ${wallSeconds} s (${took.join(', ')})`);
if (!smoke) {
  // The wall time of a run of every benchmark is a figure too.
  if (!names.length) {
    mkdirSync(join(root, 'results'), { recursive: true });
    writeFormatted(
      join(root, 'results', 'run.json'),
      JSON.stringify({ date: new Date().toISOString(), wallSeconds, took }),
      'json',
    );
  }
  const assembled = assemble();
  console.log(
    `Wrote bench/RESULTS.md and bench/results/latest.json (${assembled.join(
      ', ',
    )})`,
  );
}
