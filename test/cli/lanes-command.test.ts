/** `lanekit lanes`: lane-matrix's matrix, the same as the action's `matrix` output. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pullRequestPayload } from '../../src/rehearsal/payloads.ts';
import { runAction } from '../../src/rehearsal/runner.ts';
import { assertUsageError, lanekit, lanekitWithInput } from './lanekit-process.ts';
import { TWO_LANES as LANES } from '../harness/two-lanes.ts';

const SHA = { base: 'a'.repeat(40), head: 'b'.repeat(40) };

describe('lanekit lanes', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'lanekit-lanes-'));
    mkdirSync(join(dir, '.github/lanekit'), { recursive: true });
    writeFileSync(join(dir, '.github/lanekit/lanes.yml'), LANES);
    writeFileSync(join(dir, 'items.txt'), 'tests/a.rs\ntests/b.rs\ntests/c.rs\n');
    writeFileSync(
      join(dir, 'fork-pull.json'),
      JSON.stringify(pullRequestPayload({ baseSha: SHA.base, headSha: SHA.head, fork: true })),
    );
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints both lanes as a table from the default lanes file', async () => {
    const run = await lanekit(dir, 'lanes', '--lanes', 'both');
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^Event push: trusted/m);
    assert.match(run.stdout, /^github +github +"ubuntu-24\.04" +true/m);
    assert.match(run.stdout, /^velnor +velnor +\["self-hosted","velnor"\] +false/m);
  });

  it('--json equals the action’s matrix output for the same lanes, dimensions and shards', async () => {
    const cli = await lanekit(
      dir,
      'lanes',
      '--lanes',
      'both',
      '--dimensions',
      'package: [core, cli]',
      '--shards',
      '2',
      '--shard-items',
      'items.txt',
      '--json',
    );
    assert.equal(cli.code, 0, cli.stderr);
    const action = await runAction('lane-matrix', {
      workspace: dir,
      event: { name: 'push', payload: {} },
      inputs: {
        lanes: 'both',
        dimensions: 'package: [core, cli]',
        shards: '2',
        'shard-items': 'tests/a.rs\ntests/b.rs\ntests/c.rs',
      },
    });
    assert.equal(action.exitCode, 0, action.stdout);
    const matrix = JSON.parse(cli.stdout) as { include: unknown[] };
    assert.deepEqual(matrix, JSON.parse(action.outputs.matrix!));
    assert.equal(matrix.include.length, 8);
  });

  it('an untrusted event keeps to hosted lanes, as the action does for a fork pull request', async () => {
    const cli = await lanekit(
      dir,
      'lanes',
      '--lanes',
      'both',
      '--event',
      'pull_request',
      '--event-payload',
      'fork-pull.json',
      '--json',
    );
    assert.equal(cli.code, 0, cli.stderr);
    const lanes = (JSON.parse(cli.stdout) as { include: { lane: string }[] }).include;
    assert.deepEqual(
      lanes.map((leg) => leg.lane),
      ['github'],
    );
    const target = await lanekit(dir, 'lanes', '--lanes', 'both', '--event', 'pull_request_target');
    assert.match(target.stdout, /notice: Untrusted event .*velnor will not run/);
    assert.doesNotMatch(target.stdout, /^velnor/m);
  });

  it('reads the shard items from stdin with -', async () => {
    const run = await lanekitWithInput(
      dir,
      'x\ny\n',
      'lanes',
      '--shards',
      '2',
      '--shard-items',
      '-',
      '--json',
    );
    assert.equal(run.code, 0, run.stderr);
    const legs = (JSON.parse(run.stdout) as { include: { items: string[] }[] }).include;
    assert.deepEqual(legs.flatMap((leg) => leg.items).sort(), ['x', 'y']);
  });

  it('2: bad options, named with the value and what is allowed', async () => {
    assertUsageError(
      await lanekit(dir, 'lanes', '--lanes', 'nope'),
      'lanekit lanes',
      "--lanes: got 'nope'",
      'github|velnor',
    );
    assertUsageError(
      await lanekit(dir, 'lanes', '--shards', '0', '--shard-items', 'items.txt'),
      'lanekit lanes',
      "--shards: got '0', expected an integer from 1 to 256",
    );
    assertUsageError(
      await lanekit(dir, 'lanes', '--shard-items', 'missing.txt'),
      'lanekit lanes',
      "--shard-items: got 'missing.txt'",
    );
  });

  it('2: no lanes file, with a pointer to --lanes-file', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'lanekit-lanes-none-'));
    try {
      const run = await lanekit(empty, 'lanes');
      assert.equal(run.code, 2);
      assert.match(run.stderr, /no lanes file at .*pass --lanes-file FILE/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
