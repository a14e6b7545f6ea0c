import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigurationError } from '../../src/runner/errors.ts';
import { analyzeRun } from '../../src/timing/analysis.ts';
import {
  BUILTIN_RULES,
  categoryOf,
  parseCategoryRules,
  stepView,
} from '../../src/timing/category-rules.ts';
import { runData } from './timed-run.ts';

describe('step categories: built-in rules', () => {
  const cases: [string, string][] = [
    ['Set up job', 'setup'],
    ['Complete job', 'setup'],
    ['Initialize containers', 'setup'],
    ['Run actions/checkout@v4', 'checkout'],
    ['Post Run actions/checkout@v4', 'checkout'],
    ['Checkout repository', 'checkout'],
    ['Run actions/cache@v4', 'cache-restore'],
    ['Post Run actions/cache@v4', 'cache-save'],
    ['Run Swatinem/rust-cache@v2', 'cache-restore'],
    ['Post Run Swatinem/rust-cache@v2', 'cache-save'],
    ['Run actions/cache/save@v4', 'cache-save'],
    ['Restore Cargo registry cache', 'cache-restore'],
    ['Post Run actions/setup-node@v4', 'cache-save'],
    ['Run actions/setup-node@v4', 'toolchain'],
    ['Run dtolnay/rust-toolchain@stable', 'toolchain'],
    ['Install cargo-nextest', 'toolchain'],
    ['Run jdx/mise-action@v2', 'toolchain'],
    ['Run actions/upload-artifact@v4', 'artifacts'],
    ['Download prepared workspace artifact', 'artifacts'],
    ['Run docker/setup-buildx-action@v3', 'docker'],
    ['Post Run docker/setup-buildx-action@v3', 'docker'],
    ['Set up Docker Buildx', 'docker'],
    ['Build construct image', 'build'],
    ['cargo clippy --all-features', 'build'],
    ['Run nextest package tests', 'test'],
    ['Docker E2E', 'docker'],
    ['Run e2e suite', 'test'],
    ['Notify Slack', 'other'],
  ];
  for (const [name, category] of cases) {
    it(`${JSON.stringify(name)} -> ${category}`, () => {
      assert.equal(categoryOf(stepView(name), BUILTIN_RULES), category);
    });
  }

  it('reads the action of `Run owner/repo@ref` and post steps without their prefix', () => {
    assert.deepEqual(stepView('Post Run actions/cache/restore@v4'), {
      name: 'Run actions/cache/restore@v4',
      post: true,
      uses: 'actions/cache/restore',
    });
    assert.deepEqual(stepView('Run cargo test'), {
      name: 'Run cargo test',
      post: false,
      uses: undefined,
    });
  });
});

describe('step categories: time', () => {
  it('counts time two steps of a job share once, for the step that started first', () => {
    const report = analyzeRun(
      runData({
        jobs: [
          {
            name: 'build',
            started: 0,
            completed: 60,
            steps: [
              ['Set up job', 0, 2],
              ['Run actions/checkout@v4', 2, 5],
              ['Build', 5, 50],
              // A post step that GitHub lists as starting 2 s before the build ends.
              ['Post Run actions/cache@v4', 48, 55],
              ['Never ran', null, null],
            ],
          },
          { name: 'no steps', started: 0, completed: 30 },
          {
            name: 'test',
            started: 0,
            completed: 20,
            steps: [
              ['Set up job', 0, 1],
              ['cargo test', 1, 20],
            ],
          },
        ],
      }),
      {},
    );
    assert.deepEqual(
      report.categories.map((c) => [c.category, c.steps, c.seconds]),
      [
        ['build', 1, 45],
        ['test', 1, 19],
        ['cache-save', 1, 5],
        ['setup', 2, 3],
        ['checkout', 1, 3],
      ],
    );
    // The categories add up to the union of the step intervals: 55 s + 20 s.
    assert.equal(
      report.categories.reduce((sum, c) => sum + c.seconds, 0),
      75,
    );
    const cache = report.categories.find((c) => c.category === 'cache-save')!;
    assert.deepEqual(cache.longest, {
      job: 'build',
      step: 'Post Run actions/cache@v4',
      seconds: 7,
    });
  });

  it('tries the user’s rules first, and lets them name new categories', () => {
    const rules = parseCategoryRules(
      `- category: lint
  steps: ['*clippy*', '*fmt*']
- category: docker
  uses: [my-org/docker-*]
- category: cache-save
  steps: ['Upload * cache']
  post: false
`,
      'step-categories input',
    );
    const category = (name: string) => categoryOf(stepView(name), [...rules, ...BUILTIN_RULES]);
    assert.equal(category('cargo clippy --all-features'), 'lint');
    assert.equal(category('Run my-org/docker-layer-cache@v1'), 'docker');
    assert.equal(category('Upload sccache cache'), 'cache-save');
    assert.equal(category('Post Upload sccache cache'), 'other');
    const report = analyzeRun(
      runData({
        jobs: [{ name: 'lint', started: 0, completed: 9, steps: [['cargo fmt --check', 0, 9]] }],
      }),
      { categoryRules: rules },
    );
    assert.deepEqual(
      report.categories.map((c) => [c.category, c.seconds]),
      [['lint', 9]],
    );
  });

  it('rejects rules it cannot read, naming where', () => {
    const bad: [string, RegExp][] = [
      ['category: lint', /expected a list of category rules/],
      ['- category: Lint\n  steps: x', /category: got 'Lint', expected lower-case letters/],
      ['- category: lint', /category 'lint': give 'steps' \(step-name wildcards\) or 'uses'/],
      [
        '- category: lint\n  step: x',
        /unknown key 'step', expected one of category\|steps\|uses\|post/,
      ],
      ['- category: lint\n  steps: x\n  post: yes', /expected true\|false/],
    ];
    for (const [text, message] of bad) {
      assert.throws(
        () => parseCategoryRules(text, 'step-categories input'),
        (error: unknown) =>
          error instanceof ConfigurationError &&
          error.message.startsWith('step-categories input:') &&
          message.test(error.message),
        text,
      );
    }
    assert.deepEqual(parseCategoryRules('', 'step-categories input'), []);
  });
});
