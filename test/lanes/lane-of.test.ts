import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { laneOfArtifact, laneOfJob } from '../../src/lanes/lane-of.ts';
import { parseLanesConfig } from '../../src/lanes/lanes-config.ts';

const config = parseLanesConfig(
  `default: github
lanes:
  github: { runs-on: ubuntu-24.04, hosted: true, suffix: GitHub }
  velnor: { runs-on: [self-hosted, velnor], hosted: false }
  velnor-arm: { runs-on: [self-hosted, velnor, arm64], hosted: false, artifact-suffix: -arm.velnor }
`,
  'f',
);

describe('laneOfJob', () => {
  const cases: [string, string | undefined][] = [
    ['clippy (velnor)', 'velnor'],
    ['clippy (GitHub)', 'github'],
    ['clippy (github)', 'github'],
    ['test (velnor-arm, core, 3)', 'velnor-arm'],
    ['test (core, velnor)', 'velnor'],
    ['build / clippy (velnor)', 'velnor'],
    // A job without `name:`: GitHub names each leg by its matrix values, the lane first here.
    ['check (github, ubuntu-24.04, true)', 'github'],
    ['changes', undefined],
    ['build-and-push-prs (cilium, ./images/cilium/Dockerfile)', undefined],
    ['clippy velnor', undefined],
  ];
  for (const [name, lane] of cases) {
    it(`${JSON.stringify(name)} -> ${lane ?? 'no lane'}`, () => {
      assert.equal(laneOfJob(config, name)?.name, lane);
    });
  }
});

describe('laneOfArtifact', () => {
  const cases: [string, string | undefined][] = [
    ['construct-image-github', 'github'],
    ['construct-image-velnor', 'velnor'],
    ['construct-image-arm.velnor', 'velnor-arm'],
    ['construct-image', undefined],
    ['-github', undefined],
  ];
  for (const [name, lane] of cases) {
    it(`${name} -> ${lane ?? 'no lane'}`, () => {
      assert.equal(laneOfArtifact(config, name)?.name, lane);
    });
  }

  it('gives unsuffixed artifacts to the lane whose artifact-suffix is empty', () => {
    const unsuffixed = parseLanesConfig(
      "default: github\nlanes:\n  github: { runs-on: x, hosted: true, artifact-suffix: '' }\n  velnor: { runs-on: y, hosted: false }\n",
      'f',
    );
    assert.equal(laneOfArtifact(unsuffixed, 'image')?.name, 'github');
    assert.equal(laneOfArtifact(unsuffixed, 'image-velnor')?.name, 'velnor');
  });
});
