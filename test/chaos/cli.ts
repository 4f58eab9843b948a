/**
 * `npm run chaos -- --seed <n> --ops <n> [--no-shrink] [--shrink-runs <n>] [--shipped-lock]`: one
 * seeded chaos run against the real core of two desktops (child processes killed at random), the
 * sandbox and the relay, under the UAPAY readings DESK_UAPAY_READING names
 * (test/support/readings.ts; default today). `--shipped-lock` runs the RetailCRM lock on the app's
 * own timing (2 s before each money call) instead of the run's shorter one. Exits 1 on any
 * violation, after printing the seed and the shortest failing prefix it found, which
 * `--seed <seed> --ops <length>` replays.
 */
import { parseArgs } from 'node:util';
import { READING_ENV, readingName } from '../support/readings';
import { plan } from './plan';
import { prefixLines, summary, violationLines } from './report';
import { findShortestFailingPrefix, runChaos } from './run';
import type { WorldOptions } from './world';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: String(Date.now() % 1_000_000) },
    ops: { type: 'string', default: '300' },
    'no-shrink': { type: 'boolean', default: false },
    'shrink-runs': { type: 'string', default: '8' },
    json: { type: 'boolean', default: false },
    'shipped-lock': { type: 'boolean', default: false },
  },
});
const seed = Number(values.seed);
const count = Number(values.ops);
if (!Number.isInteger(seed) || !Number.isInteger(count) || count < 1) {
  console.error('Usage: npm run chaos -- --seed <whole number> --ops <whole number ≥ 1>');
  process.exit(2);
}

const ops = plan(seed, count);
const world: WorldOptions = values['shipped-lock'] ? { lease: 'production' } : {};
console.log(
  `chaos: seed ${seed}, ${count} ops, UAPAY readings ${readingName()}${values['shipped-lock'] ? ', the shipped lock timing' : ''}`,
);
const report = await runChaos({ seed, ops, world, progress: (line) => console.log(line) });
console.log(summary(report));
if (values.json) console.log(JSON.stringify(report.stats, null, 2));
if (report.violations.length === 0) process.exit(0);

console.log(violationLines(report.violations));
let length = count;
let shrunk = report;
if (!values['no-shrink'] && count > 1) {
  console.log(`shrinking: re-running prefixes of seed ${seed}…`);
  const found = await findShortestFailingPrefix(seed, ops, {
    world,
    maxRuns: Number(values['shrink-runs']),
    progress: (line) => console.log(line),
  });
  if (found.report) {
    length = found.length;
    shrunk = found.report;
  }
}
console.log(`\nFAILED: seed ${seed}, shortest failing prefix found: ${length} ops`);
console.log(violationLines(shrunk.violations));
console.log(prefixLines(ops.slice(0, length)));
const env = readingName() === 'today' ? '' : `${READING_ENV}='${readingName()}' `;
console.log(
  `\nreplay: ${env}npm run chaos -- --seed ${seed} --ops ${length}${values['shipped-lock'] ? ' --shipped-lock' : ''}`,
);
process.exit(1);
