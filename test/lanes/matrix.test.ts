import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDimensions } from '../../src/lanes/dimensions.ts';
import { parseLanesConfig } from '../../src/lanes/lanes-config.ts';
import { buildMatrices, MAX_MATRIX_LEGS, RESERVED_MATRIX_KEYS } from '../../src/lanes/matrix.ts';
import { planShards } from '../../src/lanes/shards.ts';
import { ConfigurationError } from '../../src/runner/errors.ts';

const config = parseLanesConfig(
  `default: github
lanes:
  github: { runs-on: ubuntu-24.04, hosted: true }
  velnor:
    runs-on: [self-hosted, velnor]
    hosted: false
    required: false
    env: { SCCACHE_DIR: /var/cache/sccache }
  larger: { runs-on: { group: larger-runners, labels: [ubuntu-24.04-16core] }, hosted: true, suffix: big }
`,
  'f',
);
const [github, velnor, larger] = config.lanes as [never, never, never];
const dims = (text: string) => parseDimensions(text, RESERVED_MATRIX_KEYS);
const items = (n: number) => Array.from({ length: n }, (_, i) => `t${i}`);

describe('buildMatrices', () => {
  it('gives each lane one leg with everything its job needs', () => {
    const { matrix, canary } = buildMatrices({
      lanes: config.lanes,
      dimensions: undefined,
      shards: undefined,
    });
    assert.equal(canary, undefined);
    assert.deepEqual(matrix.include, [
      {
        lane: 'github',
        suffix: 'github',
        runner: '"ubuntu-24.04"',
        required: true,
        optional: false,
        hosted: true,
        'artifact-suffix': '-github',
        env: {},
      },
      {
        lane: 'velnor',
        suffix: 'velnor',
        runner: '["self-hosted","velnor"]',
        required: false,
        optional: true,
        hosted: false,
        'artifact-suffix': '-velnor',
        env: { SCCACHE_DIR: '/var/cache/sccache' },
      },
      {
        lane: 'larger',
        suffix: 'big',
        runner: '{"group":"larger-runners","labels":["ubuntu-24.04-16core"]}',
        required: true,
        optional: false,
        hosted: true,
        'artifact-suffix': '-larger',
        env: {},
      },
    ]);
  });

  it('writes runner as JSON that fromJSON turns back into the lane runs-on, whatever its form', () => {
    const { matrix } = buildMatrices({
      lanes: config.lanes,
      dimensions: undefined,
      shards: undefined,
    });
    assert.deepEqual(
      matrix.include.map((leg) => JSON.parse(leg.runner as string) as unknown),
      config.lanes.map((lane) => lane.runsOn),
    );
  });

  it('crosses lanes with dimension entries and shards, lanes outermost', () => {
    const shards = planShards({ items: items(6), count: 3, durations: new Map(), canary: ['t5'] });
    const { matrix, canary } = buildMatrices({
      lanes: [github, velnor],
      dimensions: dims('package: [core, cli]'),
      shards,
    });
    assert.equal(matrix.include.length, 2 * 2 * 3);
    assert.deepEqual(
      matrix.include.map((leg) =>
        [leg.lane, leg.package, leg.shard].map((v) => JSON.stringify(v)).join('/'),
      ),
      [
        '"github"/"core"/1',
        '"github"/"core"/2',
        '"github"/"core"/3',
        '"github"/"cli"/1',
        '"github"/"cli"/2',
        '"github"/"cli"/3',
        '"velnor"/"core"/1',
        '"velnor"/"core"/2',
        '"velnor"/"core"/3',
        '"velnor"/"cli"/1',
        '"velnor"/"cli"/2',
        '"velnor"/"cli"/3',
      ],
    );
    const first = matrix.include[0]!;
    assert.deepEqual(
      {
        shard: first.shard,
        shards: first.shards,
        items: first.items,
        expected: first['expected-seconds'],
        canary: first.canary,
      },
      { shard: 1, shards: 3, items: ['t0', 't3'], expected: 2, canary: false },
    );
    assert.deepEqual(
      canary?.include.map((leg) => [leg.lane, leg.package, leg.shard, leg.items, leg.canary]),
      [
        ['github', 'core', 0, ['t5'], true],
        ['github', 'cli', 0, ['t5'], true],
        ['velnor', 'core', 0, ['t5'], true],
        ['velnor', 'cli', 0, ['t5'], true],
      ],
    );
  });

  it(`fills the matrix up to GitHub's ${MAX_MATRIX_LEGS} legs`, () => {
    const shards = planShards({ items: items(128), count: 128, durations: new Map(), canary: [] });
    const { matrix } = buildMatrices({ lanes: [github, velnor], dimensions: undefined, shards });
    assert.equal(matrix.include.length, MAX_MATRIX_LEGS);
  });

  const tooBig: {
    name: string;
    request: () => Parameters<typeof buildMatrices>[0];
    message: string;
  }[] = [
    {
      name: 'shards',
      request: () => ({
        lanes: [github, velnor],
        dimensions: dims('package: [core, cli, tui]'),
        shards: planShards({ items: items(64), count: 64, durations: new Map(), canary: [] }),
      }),
      message:
        'shards: the matrix would have 384 legs (2 lanes × 3 dimension entries × 64 shards); GitHub runs at most 256 legs per job: lower the shard count, narrow the dimensions, or split them over jobs',
    },
    {
      name: 'dimensions',
      request: () => ({
        lanes: [github, velnor, larger],
        dimensions: dims(`n: [${items(90).join(', ')}]`),
        shards: undefined,
      }),
      message:
        'dimensions: the matrix would have 270 legs (3 lanes × 90 dimension entries); GitHub runs at most 256 legs per job: lower the shard count, narrow the dimensions, or split them over jobs',
    },
  ];
  for (const c of tooBig) {
    it(`rejects a matrix over the limit, naming ${c.name}`, () => {
      assert.throws(() => buildMatrices(c.request()), new ConfigurationError(c.message));
    });
  }
});
