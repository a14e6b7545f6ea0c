import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JobNameMatcher, nameBase, splitJobName } from '../../src/workflow/job-names.ts';
import { parseWorkflow } from '../../src/workflow/workflow.ts';

describe('splitJobName', () => {
  const cases: [string, { base: string; parts: string[] }][] = [
    ['clippy', { base: 'clippy', parts: [] }],
    ['clippy (velnor)', { base: 'clippy', parts: ['velnor'] }],
    ['test (velnor, core, 3)', { base: 'test', parts: ['velnor', 'core', '3'] }],
    ['build / clippy (GitHub)', { base: 'build / clippy', parts: ['GitHub'] }],
    ['test (velnor, scenario (a, b))', { base: 'test', parts: ['velnor', 'scenario (a, b)'] }],
    ['odd)', { base: 'odd)', parts: [] }],
  ];
  for (const [name, expected] of cases) {
    it(JSON.stringify(name), () => {
      assert.deepEqual(splitJobName(name), expected);
    });
  }
});

describe('nameBase', () => {
  const cases: [string, string | undefined][] = [
    ['clippy (${{ matrix.suffix }})', 'clippy'],
    ['e2e canary (${{ matrix.suffix }}, ${{ matrix.shard }})', 'e2e canary'],
    ['Lint', 'Lint'],
    ['Docs (static)', 'Docs'],
    ['${{ matrix.os }} build', undefined],
  ];
  for (const [name, base] of cases) {
    it(`${name} -> ${String(base)}`, () => {
      assert.equal(nameBase(name), base);
    });
  }
});

const CI = parseWorkflow(`jobs:
  changes: { runs-on: x, steps: [] }
  clippy:
    name: clippy (\${{ matrix.suffix }})
    strategy: { matrix: { suffix: [GitHub, velnor] } }
    runs-on: x
    steps: []
  test:
    strategy: { matrix: { lane: [velnor, github], suite: [core, ui] } }
    runs-on: x
    steps: []
  lint: { name: Lint, runs-on: x, steps: [] }
  docs:
    name: Docs (static)
    strategy: { matrix: { site: [a, b] } }
    runs-on: x
    steps: []
  smoke:
    name: \${{ matrix.os }} smoke
    strategy: { matrix: { os: [linux, macos] } }
    runs-on: x
    steps: []
  package: { name: 'Package \${{ inputs.flavour }}', runs-on: x, steps: [] }
  build:
    strategy: { matrix: { lane: [velnor, github] } }
    uses: ./.github/workflows/build.yml
  release: { name: Release, uses: ./.github/workflows/release.yml }
  build-lint: { name: build / lint, runs-on: x, steps: [] }
  cpp: { name: 'c++ [x] (a|b)', runs-on: x, steps: [] }
`);

describe('JobNameMatcher', () => {
  const matcher = new JobNameMatcher(CI);
  const cases: [string, string | undefined][] = [
    // By id, for a job without name:, with the matrix values GitHub appends.
    ['changes', 'changes'],
    ['test (velnor, core)', 'test'],
    ['test', 'test'],
    // By name:, its expressions standing for any text.
    ['clippy (velnor)', 'clippy'],
    ['linux smoke', 'smoke'],
    ['Package debug', 'package'],
    ['Lint', 'lint'],
    ['Docs (static) (a)', 'docs'],
    ['Docs (static)', 'docs'],
    ['c++ [x] (a|b)', 'cpp'],
    // A reusable workflow's jobs, `<caller> / <called job>`, the caller's legs too.
    ['Release / publish', 'release'],
    ['Release / publish (velnor, 3)', 'release'],
    ['Release / sign / upload', 'release'],
    ['build (velnor) / clippy (velnor)', 'build'],
    ['build / clippy', 'build'],
    // A name that fixes more of the listed name wins over a caller's.
    ['build / lint', 'build-lint'],
    // Names GitHub does not give these jobs.
    ['lint', undefined],
    ['Lint (x)', undefined],
    ['changes (x)', undefined],
    ['Release', undefined],
    ['clippy', undefined],
    ['deploy', undefined],
  ];
  for (const [listed, id] of cases) {
    it(`${JSON.stringify(listed)} -> ${id ?? 'no job'}`, () => {
      assert.equal(matcher.jobIdOf(listed), id);
    });
  }

  it('names no job when two give the name as surely', () => {
    const twins = parseWorkflow(`jobs:
  unit: { name: Tests, runs-on: x, steps: [] }
  e2e: { name: Tests, runs-on: x, steps: [] }
  any: { name: '\${{ inputs.name }}', runs-on: x, steps: [] }
`);
    const matcher = new JobNameMatcher(twins);
    assert.equal(matcher.jobIdOf('Tests'), undefined);
    assert.equal(matcher.jobIdOf('Nightly'), 'any');
  });
});
