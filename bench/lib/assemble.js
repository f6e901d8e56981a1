// Assembles every benchmark's part (bench/<name>/result.json) into
// bench/results/latest.json (machine-readable) and bench/RESULTS.md.
const {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} = require('node:fs');
const { join } = require('node:path');
const prettier = require('prettier');

/** Written as the repository's formatting check wants it. */
function writeFormatted(file, text, parser) {
  const options = prettier.resolveConfig.sync(file) ?? {};
  writeFileSync(file, prettier.format(text, { ...options, parser }));
}

const root = join(__dirname, '..');

/** The order measurements are shown in. */
const ORDER = [
  'claimsPerEntity',
  'propagation',
  'requestToApplied',
  'memory',
  'eksSim',
  'frontend',
];

function figureOf(measurement, path) {
  return path
    .split('.')
    .reduce((node, key) => (node == null ? undefined : node[key]), measurement);
}

function met(measurement, goal) {
  const value = figureOf(measurement, goal.figure);
  if (typeof value !== 'number' || Number.isNaN(value)) return undefined;
  switch (goal.op) {
    case '<':
      return value < goal.value;
    case '<=':
      return value <= goal.value;
    case '>':
      return value > goal.value;
    case '>=':
      return value >= goal.value;
    default:
      return value === goal.value;
  }
}

const show = value =>
  value === undefined || value === null
    ? '—'
    : typeof value === 'number'
    ? String(Math.round(value * 100) / 100)
    : typeof value === 'object'
    ? JSON.stringify(value)
    : String(value);

function flatten(object, prefix = '') {
  return Object.entries(object ?? {}).flatMap(([key, value]) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? flatten(value, `${prefix}${key}.`)
      : [[`${prefix}${key}`, value]],
  );
}

function section(key, m, dir) {
  const lines = [`## ${m.title} (\`${key}\`)`, ''];
  if (m.method) lines.push(m.method, '');
  lines.push(
    `Measured ${m.date.slice(0, 16).replace('T', ' ')} UTC on ${
      m.machine.cpus
    } × ${m.machine.cpuModel}, ${m.machine.memoryGiB} GiB, Node ${
      m.machine.node
    }. Unit: ${m.unit}.`,
    '',
    '| Goal | Ours | Met |',
    '|---|---|---|',
    ...m.goal.map(goal => {
      const ok = met(m, goal);
      return `| \`${goal.figure}\` ${goal.op} ${goal.value} | ${show(
        figureOf(m, goal.figure),
      )} | ${ok === undefined ? '—' : ok ? 'yes' : '**no**'} |`;
    }),
    '',
  );
  const ours = flatten(m.ours);
  const baseline = new Map(flatten(m.baseline));
  lines.push(
    `| Figure | Ours | Baseline${
      m.baselineName ? ` (${m.baselineName})` : ''
    } |`,
    '|---|---|---|',
    ...ours.map(
      ([figure, value]) =>
        `| ${figure} | ${show(value)} | ${show(baseline.get(figure))} |`,
    ),
    ...[...baseline]
      .filter(([figure]) => !ours.some(([f]) => f === figure))
      .map(([figure, value]) => `| ${figure} | — | ${show(value)} |`),
    '',
  );
  if (m.bottleneck) {
    lines.push(
      `**First bottleneck, removed:** ${m.bottleneck.what} Before: ${m.bottleneck.before}. After: ${m.bottleneck.after}.`,
      '',
    );
  }
  for (const next of m.nextBottlenecks ?? []) {
    lines.push(
      `**Next bottleneck, removed:** ${next.what} Before: ${next.before}. After: ${next.after}.`,
      '',
    );
  }
  if (m.notes) lines.push(...[].concat(m.notes), '');
  if (existsSync(join(root, dir, 'results.md'))) {
    lines.push(`Details: [${dir}/results.md](${dir}/results.md).`, '');
  }
  return lines.join('\n');
}

function lastFullRun() {
  const file = join(root, 'results', 'run.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

function assemble() {
  const run = lastFullRun();
  const parts = {};
  const dirs = {};
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    const file = join(root, entry.name, 'result.json');
    if (!entry.isDirectory() || !existsSync(file)) continue;
    for (const [key, m] of Object.entries(
      JSON.parse(readFileSync(file, 'utf8')),
    )) {
      parts[key] = m;
      dirs[key] = entry.name;
    }
  }
  const keys = [
    ...ORDER.filter(key => parts[key]),
    ...Object.keys(parts).filter(key => !ORDER.includes(key)),
  ];
  const latest = Object.fromEntries(keys.map(key => [key, parts[key]]));
  mkdirSync(join(root, 'results'), { recursive: true });
  writeFormatted(
    join(root, 'results', 'latest.json'),
    JSON.stringify(latest, null, 2),
    'json',
  );

  const summary = keys.map(key => {
    const m = parts[key];
    const goals = m.goal.map(goal => met(m, goal));
    const verdict = goals.every(ok => ok === true)
      ? 'all met'
      : `${goals.filter(ok => ok === true).length} of ${goals.length} met`;
    return `| [${m.title}](#${m.title
      .toLowerCase()
      .replace(/[^a-z0-9 -]/g, '')
      .replace(/ /g, '-')}-${key.toLowerCase()}) | ${m.goal
      .map(
        goal =>
          `${goal.figure} ${goal.op} ${goal.value}: ${show(
            figureOf(m, goal.figure),
          )}`,
      )
      .join('<br>')} | ${verdict} | ${m.date.slice(0, 10)} |`;
  });
  const markdown = [
    '# Benchmark results',
    '',
    'Written by `yarn bench` from each benchmark’s `result.json`; the same figures are in [results/latest.json](results/latest.json). Compare runs on the same machine only.',
    ...(run
      ? [
          '',
          `The last run of every benchmark (\`yarn bench\`, ${run.date.slice(
            0,
            10,
          )}) took ${run.wallSeconds} s: ${run.took.join(', ')}.`,
        ]
      : []),
    '',
    '| Measurement | Goals: figure | Verdict | Date |',
    '|---|---|---|---|',
    ...summary,
    '',
    ...keys.map(key => section(key, parts[key], dirs[key])),
  ].join('\n');
  writeFormatted(join(root, 'RESULTS.md'), markdown, 'markdown');
  return keys;
}

module.exports = { assemble, writeFormatted };

if (require.main === module) {
  console.log(`Assembled: ${assemble().join(', ')}`);
}
