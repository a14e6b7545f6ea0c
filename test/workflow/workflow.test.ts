import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { WorkflowJob } from '../../src/workflow/workflow.ts';
import { parseWorkflow } from '../../src/workflow/workflow.ts';

const CI = `name: CI
on: pull_request
jobs:
  changes:
    runs-on: ubuntu-24.04
    steps: [{ run: 'true' }]
  build:
    name: build (\${{ matrix.lane }})
    needs: changes
    strategy:
      matrix:
        lane: [github, velnor]
    runs-on: \${{ matrix.lane == 'velnor' && fromJSON('["self-hosted","velnor"]') || 'ubuntu-24.04' }}
    steps: [{ run: 'true' }]
  test:
    needs: [build, changes]
    strategy: { matrix: '\${{ fromJSON(needs.changes.outputs.matrix) }}' }
    runs-on: [self-hosted, velnor]
    steps: [{ run: 'true' }]
  release:
    needs: test
    if: github.ref == 'refs/heads/main'
    uses: ./.github/workflows/release.yml
    secrets: inherit
  ci-required:
    if: true
    needs: [test, release]
    runs-on: { group: big-runners, labels: linux }
    steps: [{ run: 'true' }]
`;

const job = (fields: Partial<WorkflowJob> & { id: string }): WorkflowJob => ({
  name: undefined,
  needs: [],
  if: undefined,
  hasMatrix: false,
  uses: undefined,
  runsOn: undefined,
  ...fields,
});

describe('parseWorkflow', () => {
  const jobs = parseWorkflow(CI).jobs;
  const cases: WorkflowJob[] = [
    job({ id: 'changes', runsOn: { group: undefined, labels: ['ubuntu-24.04'] } }),
    job({
      id: 'build',
      name: 'build (${{ matrix.lane }})',
      needs: ['changes'],
      hasMatrix: true,
      runsOn: {
        group: undefined,
        labels: [
          `\${{ matrix.lane == 'velnor' && fromJSON('["self-hosted","velnor"]') || 'ubuntu-24.04' }}`,
        ],
      },
    }),
    job({
      id: 'test',
      needs: ['build', 'changes'],
      hasMatrix: true,
      runsOn: { group: undefined, labels: ['self-hosted', 'velnor'] },
    }),
    job({
      id: 'release',
      needs: ['test'],
      if: "github.ref == 'refs/heads/main'",
      uses: './.github/workflows/release.yml',
    }),
    job({
      id: 'ci-required',
      needs: ['test', 'release'],
      if: 'true',
      runsOn: { group: 'big-runners', labels: ['linux'] },
    }),
  ];
  for (const expected of cases) {
    it(`reads jobs.${expected.id}`, () => {
      assert.deepEqual(jobs.get(expected.id), expected);
    });
  }

  it('keeps the jobs in file order', () => {
    assert.deepEqual([...jobs.keys()], ['changes', 'build', 'test', 'release', 'ci-required']);
  });
});

describe('parseWorkflow: a job field as the runner reads it', () => {
  const only = (fields: string) => parseWorkflow(`jobs:\n  j: { ${fields} }\n`).jobs.get('j');
  const cases: [string, Partial<WorkflowJob>][] = [
    ['if: always()', { if: 'always()' }],
    ["if: '${{ always() }}'", { if: '${{ always() }}' }],
    ['if: true', { if: 'true' }],
    ['if: false', { if: 'false' }],
    ['if: 1', { if: '1' }],
    ['if: null', { if: undefined }],
    ['if: [always()]', { if: undefined }],
    ['needs: build', { needs: ['build'] }],
    ['needs: [build, lint]', { needs: ['build', 'lint'] }],
    ['needs: []', { needs: [] }],
    ['needs: null', { needs: [] }],
    ['name: Lint', { name: 'Lint' }],
    ['name: 3.10', { name: '3.1' }],
    ['strategy: { matrix: { os: [a, b] } }', { hasMatrix: true }],
    ["strategy: { matrix: '${{ fromJSON(x) }}' }", { hasMatrix: true }],
    ['strategy: { matrix: { include: [{ os: a }] } }', { hasMatrix: true }],
    ['strategy: { fail-fast: false }', { hasMatrix: false }],
    ['strategy: { matrix: null }', { hasMatrix: false }],
    [
      'uses: octo-org/ci/.github/workflows/build.yml@v1',
      {
        uses: 'octo-org/ci/.github/workflows/build.yml@v1',
      },
    ],
    ['runs-on: ubuntu-24.04', { runsOn: { group: undefined, labels: ['ubuntu-24.04'] } }],
    [
      'runs-on: [self-hosted, arm64]',
      { runsOn: { group: undefined, labels: ['self-hosted', 'arm64'] } },
    ],
    ['runs-on: { group: big }', { runsOn: { group: 'big', labels: [] } }],
    ['runs-on: { group: big, labels: [a, b] }', { runsOn: { group: 'big', labels: ['a', 'b'] } }],
    ['runs-on: []', { runsOn: undefined }],
  ];
  for (const [fields, expected] of cases) {
    it(fields, () => {
      assert.deepEqual(only(fields), job({ id: 'j', ...expected }));
    });
  }
});

describe('parseWorkflow: a file without jobs', () => {
  const cases: [string, string][] = [
    ['an empty file', ''],
    ['no jobs:', 'name: CI\non: push\n'],
    ['jobs: as a list', 'jobs: [build, test]\n'],
    ['a list at the root', '- jobs\n'],
    ['jobs that are not mappings', 'jobs:\n  build:\n  test: run\n  lint: [a]\n'],
  ];
  for (const [name, text] of cases) {
    it(name, () => {
      assert.equal(parseWorkflow(text).jobs.size, 0);
    });
  }
});

describe('parseWorkflow: invalid YAML', () => {
  const cases: [string, string][] = [
    ['an unclosed flow', 'jobs: [\n'],
    ['a duplicate key', 'jobs:\n  a: { runs-on: x }\n  a: { runs-on: y }\n'],
    ['a tab indent', 'jobs:\n\ta: {}\n'],
  ];
  for (const [name, text] of cases) {
    it(`${name} throws YAMLParseError`, () => {
      assert.throws(() => parseWorkflow(text), { name: 'YAMLParseError' });
    });
  }
});
