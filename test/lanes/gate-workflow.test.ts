import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkGateWorkflow } from '../../src/lanes/gate-workflow.ts';

const workflow = (gate: string) => `name: CI
on: pull_request
jobs:
  changes:
    runs-on: ubuntu-24.04
    steps: [{ run: 'true' }]
  build:
    needs: changes
    runs-on: ubuntu-24.04
    steps: [{ run: 'true' }]
  test:
    needs: [build]
    runs-on: ubuntu-24.04
    steps: [{ run: 'true' }]
  lint:
    runs-on: ubuntu-24.04
    steps: [{ run: 'true' }]
  ci-required:
${gate}
    needs: [test]
    runs-on: ubuntu-24.04
    steps: [{ run: 'true' }]
  deploy:
    needs: ci-required
    runs-on: ubuntu-24.04
    steps: [{ run: 'true' }]
`;

describe('checkGateWorkflow', () => {
  const cases: { name: string; gate: string; problem: RegExp | undefined }[] = [
    { name: 'if: always()', gate: '    if: always()', problem: undefined },
    { name: 'if: ${{ always() }}', gate: "    if: '${{ always() }}'", problem: undefined },
    {
      name: 'no if:',
      gate: '    name: required',
      problem:
        /^jobs\.ci-required has no if:, so GitHub skips it when a job it needs fails, and a skipped required check counts as passed: add `if: always\(\)` to jobs\.ci-required$/,
    },
    {
      name: 'if: !cancelled()',
      gate: "    if: '!cancelled()'",
      problem:
        /runs under `if: !cancelled\(\)`, which skips it when a job it needs fails or the run is cancelled.*use `if: always\(\)`/,
    },
    {
      name: 'if: success() || failure()',
      gate: '    if: success() || failure()',
      problem: /`if: success\(\) \|\| failure\(\)`/,
    },
    { name: 'if: true', gate: '    if: true', problem: /`if: true`/ },
  ];
  for (const c of cases) {
    it(`${c.name}: ${c.problem ? 'a problem' : 'fine'}`, () => {
      const check = checkGateWorkflow(workflow(c.gate), 'ci-required');
      assert.ok(check);
      if (c.problem) assert.match(check.problem ?? '', c.problem);
      else assert.equal(check.problem, undefined);
    });
  }

  it('lists jobs the gate judges neither directly nor through its needs, leaving out what runs after it', () => {
    assert.deepEqual(checkGateWorkflow(workflow('    if: always()'), 'ci-required')?.unjudged, [
      'lint',
    ]);
  });

  it('knows nothing of a job the workflow does not have', () => {
    assert.equal(checkGateWorkflow(workflow('    if: always()'), 'gate'), undefined);
  });

  it('reads the names of the jobs that set one', () => {
    const text =
      "jobs:\n  gate: { if: always(), runs-on: x, steps: [] }\n  clippy: { name: 'clippy (${{ matrix.suffix }})', runs-on: x, steps: [] }\n";
    assert.deepEqual(checkGateWorkflow(text, 'gate')?.nameBases, new Map([['clippy', 'clippy']]));
  });

  it('still judges a workflow whose needs name unknown jobs or form a cycle', () => {
    const text = `jobs:
  gate: { if: always(), needs: [a, ghost], runs-on: x, steps: [] }
  a: { needs: b, runs-on: x, steps: [] }
  b: { needs: a, runs-on: x, steps: [] }
  c: { needs: [c], runs-on: x, steps: [] }
`;
    assert.deepEqual(checkGateWorkflow(text, 'gate')?.unjudged, ['c']);
  });

  it('lets invalid YAML throw for the caller to report', () => {
    assert.throws(() => checkGateWorkflow('jobs: [', 'gate'), { name: 'YAMLParseError' });
  });
});
