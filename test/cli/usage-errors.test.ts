/**
 * Bad command lines: one line on stderr naming the argument and what is allowed, a pointer to
 * the command's --help, exit status 2; never parseArgs' own message or a stack trace.
 */
import { after, before, describe, it } from 'node:test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GitFixture } from '../../src/rehearsal/git-fixture.ts';
import { assertUsageError, lanekit } from './lanekit-process.ts';

interface BadLine {
  readonly args: readonly string[];
  /** What the message must say. */
  readonly says: readonly string[];
}

const TOP: BadLine[] = [
  {
    args: [],
    says: [
      'missing the command, expected one of route, scan, lanes, gate, summary, warmup-key, budget, rehearse, help',
    ],
  },
  {
    args: ['rout'],
    says: [
      "unknown command 'rout', expected one of route, scan, lanes, gate, summary, warmup-key, budget, rehearse, help",
    ],
  },
  {
    args: ['--bogus'],
    says: [
      "unknown option '--bogus', expected a command (route, scan, lanes, gate, summary, warmup-key, budget, rehearse, help)",
    ],
  },
  { args: ['-x', 'route'], says: ["unknown option '-x'"] },
  {
    args: ['help', 'rout'],
    says: [
      "unknown command 'rout', expected route, scan, lanes, gate, summary, warmup-key, budget, rehearse, help",
    ],
  },
  { args: ['help', 'route', 'scan'], says: ["unexpected argument 'scan'"] },
  { args: ['help', '--bogus'], says: ["unknown option '--bogus', expected one of -h/--help"] },
  { args: ['--help', '--bogus'], says: ["unknown option '--bogus'"] },
];

const ROUTE_OPTIONS = '--base REV, --head REV, --worktree, --routes FILE, --json, -h/--help';
const ROUTE: BadLine[] = [
  { args: ['--bsae', 'main'], says: [`unknown option '--bsae', expected one of ${ROUTE_OPTIONS}`] },
  { args: ['-b', 'main'], says: ["unknown option '-b'"] },
  { args: ['--no-json'], says: ["unknown option '--no-json'"] },
  {
    args: ['--base'],
    says: ['--base: missing its value, a revision (a branch, tag or commit sha)'],
  },
  { args: ['--base='], says: ['--base: missing its value'] },
  { args: ['--head'], says: ['--head: missing its value, a revision'] },
  { args: ['--routes'], says: ['--routes: missing its value, the routes file'] },
  {
    args: ['--base', '--json'],
    says: ['--base: missing its value', "got the option '--json' after it", '--base=VALUE'],
  },
  { args: ['--json=yes'], says: ["--json: takes no value, got 'yes'"] },
  { args: ['--worktree=1'], says: ["--worktree: takes no value, got '1'"] },
  { args: ['main'], says: ["unexpected argument 'main': this command takes options only"] },
  { args: ['--json', '--json'], says: ['--json: given twice, expected it once'] },
  { args: ['--base', 'a', '--base', 'b'], says: ['--base: given twice'] },
  {
    args: ['--worktree', '--head', 'HEAD'],
    says: ['--worktree', '--head cannot be given with it'],
  },
  { args: ['--routes', 'nope.yml'], says: ["--routes: got 'nope.yml', but there is no file at "] },
  {
    args: ['--base', 'nope'],
    says: ["--base: got 'nope', but no commit of that name is in this clone"],
  },
  {
    args: ['--head', 'nope'],
    says: ["--head: got 'nope', but no commit of that name is in this clone"],
  },
  { args: ['--x\u001b[31m'], says: ["unknown option '--x\\u001b[31m'"] },
];

const SCAN_OPTIONS = '--json, --rules FILE, --fail-on LIST, --samples N, -h/--help';
const SCAN: BadLine[] = [
  { args: [], says: ['missing the log files, directories or globs to scan'] },
  { args: ['--json'], says: ['missing the log files'] },
  {
    args: ['--bogus', 'a.log'],
    says: [`unknown option '--bogus', expected one of ${SCAN_OPTIONS}`],
  },
  {
    args: ['--fail-on'],
    says: ['--fail-on: missing its value, a comma-separated list of any, categories'],
  },
  { args: ['--samples'], says: ['--samples: missing its value, an integer from 1 to 50'] },
  {
    args: ['--rules', '--json', 'a.log'],
    says: ["--rules: missing its value, the markers file (got the option '--json'"],
  },
  ...['0', '51', 'x', '1.5', '-1', '1e1', ' 3'].map((value) => ({
    args: ['--samples', value, 'a.log'],
    says: [`--samples: got '${value}', expected an integer from 1 to 50`],
  })),
  { args: ['--samples', '1\n2', 'a.log'], says: ["--samples: got '1\\n2'"] },
  {
    args: ['--fail-on', 'bogus', 'a.log'],
    says: ["--fail-on: got 'bogus', expected any, a category ("],
  },
  { args: ['--fail-on', 'cache-miss,bogus', 'a.log'], says: ["--fail-on: got 'bogus'"] },
  {
    args: ['--rules', 'nope.yml', 'a.log'],
    says: ["--rules: got 'nope.yml', but there is no such file"],
  },
  { args: ['--json=1', 'a.log'], says: ["--json: takes no value, got '1'"] },
  { args: ['missing.log'], says: ["no log file matched 'missing.log'"] },
  {
    args: ['missing.log', 'logs/*.txt'],
    says: ["no log file matched 'missing.log', 'logs/*.txt'"],
  },
];

describe('lanekit: bad command lines', () => {
  let fixture: GitFixture;
  let clone: string;
  before(() => {
    fixture = new GitFixture();
    fixture.commit('routes', {
      '.github/lanekit/routes.yml': "routes:\n  docs:\n    paths: ['docs/**']\n",
    });
    clone = fixture.clone({ depth: 0 });
    writeFileSync(join(clone, 'a.log'), 'nothing to see\n');
  });
  after(() => {
    fixture.cleanup();
  });

  for (const [program, lines, prefix] of [
    ['lanekit', TOP, []],
    ['lanekit route', ROUTE, ['route']],
    ['lanekit scan', SCAN, ['scan']],
  ] as const) {
    for (const { args, says } of lines) {
      it([program, ...args.map((a) => JSON.stringify(a))].join(' '), async () => {
        assertUsageError(await lanekit(clone, ...prefix, ...args), program, ...says);
      });
    }
  }
});
