/** `--help`, `-h` and `lanekit help`: each command's usage on stdout, exit status 0. */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT } from '../../src/rehearsal/runner.ts';
import { lanekit } from './lanekit-process.ts';

const ASKS: Record<string, string[][]> = {
  'Usage: lanekit <command>': [['--help'], ['-h'], ['help'], ['help', '--help'], ['help', '-h']],
  'Usage: lanekit route ': [
    ['route', '--help'],
    ['route', '-h'],
    ['help', 'route'],
    ['--help', 'route'],
    ['route', '--json', '--help'],
    ['route', '--bsae', 'x', '--help'],
    ['route', '--base', '--help'],
    ['route', '--help=yes'],
    ['route', '-jh'],
  ],
  'Usage: lanekit scan ': [
    ['scan', '--help'],
    ['scan', '-h'],
    ['help', 'scan'],
    ['scan', 'a.log', '--help'],
    ['scan', '--samples', '0', '-h'],
  ],
  'Usage: lanekit lanes ': [
    ['lanes', '--help'],
    ['help', 'lanes'],
    ['lanes', '--shards', '0', '-h'],
  ],
  'Usage: lanekit gate ': [
    ['gate', '--help'],
    ['help', 'gate'],
  ],
  'Usage: lanekit summary ': [
    ['summary', '--help'],
    ['help', 'summary'],
  ],
  'Usage: lanekit warmup-key ': [
    ['warmup-key', '--help'],
    ['help', 'warmup-key'],
  ],
  'Usage: lanekit budget ': [
    ['budget', '--help'],
    ['help', 'budget'],
  ],
  'Usage: lanekit rehearse ': [
    ['rehearse', '--help'],
    ['help', 'rehearse'],
  ],
};

describe('lanekit help', () => {
  // Not a git checkout: help needs none.
  let cwd: string;
  before(() => {
    cwd = mkdtempSync(join(tmpdir(), 'lanekit-help-'));
  });
  after(() => {
    rmSync(cwd, { recursive: true, force: true });
  });

  for (const [usage, asks] of Object.entries(ASKS)) {
    for (const args of asks) {
      it(`lanekit ${args.join(' ')} prints '${usage.trim()} ...'`, async () => {
        const run = await lanekit(cwd, ...args);
        assert.equal(run.code, 0, run.stderr);
        assert.equal(run.stderr, '');
        assert.ok(run.stdout.startsWith(usage), run.stdout);
      });
    }
  }

  it("docs/cli.md holds every command's usage as --help prints it", async () => {
    const reference = readFileSync(join(ROOT, 'docs', 'cli.md'), 'utf8');
    for (const [usage, [args]] of Object.entries(ASKS)) {
      if (args![0] === 'help') continue;
      const { stdout } = await lanekit(cwd, ...args!);
      assert.ok(
        reference.includes(`\`\`\`text\n${stdout}\`\`\``),
        `${usage.trim()}: docs/cli.md differs`,
      );
    }
  });

  it('reads `--` as the end of options: a --help after it is a path', async () => {
    const run = await lanekit(cwd, 'scan', '--', '--help');
    assert.equal(run.code, 2);
    assert.match(run.stderr, /no log file matched '--help'/);
  });

  it('lists the commands and the exit statuses', async () => {
    const { stdout } = await lanekit(cwd, '--help');
    for (const command of [
      'route',
      'scan',
      'lanes',
      'gate',
      'summary',
      'warmup-key',
      'budget',
      'rehearse',
      'help',
    ]) {
      assert.match(stdout, new RegExp(`^ {2}${command} {2,}\\S`, 'm'));
    }
    assert.match(
      stdout,
      /^Exit status:\n {2}0 {2}success\n {2}1 {2}a check failed: scan found a marker that --fail-on names, the gate failed, a budget\n {5}broke or a record file holds a malformed line, or a rehearsed job failed\n {2}2 {2}a usage or configuration error/m,
    );
  });

  it("route's usage lists every option and says which base is used when", async () => {
    const { stdout } = await lanekit(cwd, 'route', '--help');
    for (const option of [
      '--base REV',
      '--head REV',
      '--worktree',
      '--routes FILE',
      '--json',
      '-h, --help',
    ]) {
      assert.ok(stdout.includes(`\n  ${option} `), option);
    }
    assert.match(stdout, /the merge base of HEAD with the default branch/);
    assert.match(stdout, /HEAD~1, as\s+dorny\/paths-filter does/);
    assert.match(stdout, /Exit status: 0 .*; 2 /);
  });

  it("scan's usage lists every option and the exit statuses", async () => {
    const { stdout } = await lanekit(cwd, 'scan', '--help');
    for (const option of [
      '--rules FILE',
      '--fail-on LIST',
      '--samples N',
      '--json',
      '-h, --help',
    ]) {
      assert.ok(stdout.includes(`\n  ${option} `), option);
    }
    assert.match(stdout, /Exit status: 0 .*; 1 .*; 2 /s);
  });

  it('keeps every usage line within 100 columns', async () => {
    for (const args of [['--help'], ['route', '--help'], ['scan', '--help']]) {
      const { stdout } = await lanekit(cwd, ...args);
      for (const line of stdout.split('\n')) assert.ok(line.length <= 100, line);
    }
  });
});
