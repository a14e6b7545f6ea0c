import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { checkDocs, REQUIRED_SECTIONS } from '../../scripts/check-docs.ts';
import { ROOT } from '../../src/rehearsal/runner.ts';

const fence = (text: string) => `\`\`\`yaml\n${text}\`\`\`\n`;

/** A copy of the repository's change-router README and action.yml, and a README.md, to break. */
describe('checkDocs', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'lanekit-docs-'));
    for (const path of ['actions/change-router/action.yml', 'actions/change-router/README.md']) {
      mkdirSync(join(root, path, '..'), { recursive: true });
      cpSync(join(ROOT, path), join(root, path));
    }
    writeFileSync(join(root, 'README.md'), '# lanekit\n');
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  const readme = (text: string) => {
    writeFileSync(join(root, 'README.md'), `# lanekit\n\n${text}`);
  };

  it("passes the repository's change-router README as it is", async () => {
    const { problems, examples } = await checkDocs(root);
    assert.deepEqual(problems, []);
    assert.ok(examples >= 2, `examples checked: ${examples}`);
  });

  it('names every required section a README lacks, and a README without its purpose', async () => {
    const path = join(root, 'actions/change-router/README.md');
    const text = readFileSync(path, 'utf8');
    const intro = text.slice(text.indexOf('\n') + 1, text.indexOf('\n## '));
    writeFileSync(
      path,
      text
        .replace(intro, '\n')
        .replace('## Limits\n', '## Caveats\n')
        .replace('## Sample output', '### Sample output'),
    );
    assert.deepEqual((await checkDocs(root)).problems, [
      "actions/change-router/README.md: no '## Sample output' section",
      "actions/change-router/README.md: no '## Limits' section",
      "actions/change-router/README.md: say what the action is for in the text before the first '##'",
    ]);
    assert.ok(REQUIRED_SECTIONS.includes('Failure behaviour'));
  });

  it('finds an input the action does not declare, and a required input left out', async () => {
    readme(
      fence(
        [
          '- uses: lanekit/lanekit/actions/change-router@v0',
          '  with:',
          '    filters: crates/**',
          '',
        ].join('\n'),
      ),
    );
    const { problems } = await checkDocs(root);
    assert.equal(problems.length, 1, problems.join('\n'));
    assert.match(
      problems[0]!,
      /^README\.md:4: change-router has no input 'filters' \(declared: routes, base,/,
    );

    const path = join(root, 'actions/change-router/action.yml');
    writeFileSync(
      path,
      readFileSync(path, 'utf8').replace(
        '    required: false\n    default: .github/lanekit/routes.yml',
        '    required: true',
      ),
    );
    readme(fence('- uses: lanekit/lanekit/actions/change-router@v0\n'));
    const required = (await checkDocs(root)).problems.filter((p) => p.startsWith('README.md'));
    assert.deepEqual(required, ["README.md:4: change-router requires input 'routes'"]);
  });

  it("reports actionlint's findings at the example's own lines, for workflows, jobs and steps", async () => {
    readme(
      [
        fence(
          [
            'jobs:',
            '  changes:',
            '    runs-on: ubuntu-24.04',
            '    steps:',
            '      - uses: lanekit/lanekit/actions/change-router@v0',
            '  test:',
            '    needs: [changes, lint]',
            '    runs-on: ubuntu-24.04',
            '    steps:',
            '      - run: echo',
            '',
          ].join('\n'),
        ),
        fence(
          [
            '- id: route',
            '  uses: lanekit/lanekit/actions/change-router@v0',
            "- if: steps.rout.outputs.rust == 'true'",
            '  run: cargo test',
            '',
          ].join('\n'),
        ),
        fence(
          [
            'runs-on: ubuntu-24.04',
            'steps:',
            '  - uses: lanekit/lanekit/actions/change-router@v0',
            '    with:',
            '      summary: ${{ matrix.summary }}',
            '',
          ].join('\n'),
        ),
        fence('routes:\n  rust:\n    paths: [crates/**]\n'),
      ].join('\n'),
    );
    const problems = (await checkDocs(root)).problems.filter((p) => p.startsWith('README.md'));
    assert.equal(problems.length, 3, problems.join('\n'));
    assert.match(problems[0]!, /^README\.md:9:3: job "test" needs job "lint" which does not exist/);
    assert.match(problems[1]!, /^README\.md:19:\d+: property "rout" is not defined/);
    assert.match(problems[2]!, /^README\.md:28:\d+: property "summary" is not defined/);
  });

  it('refuses a YAML example using a lanekit action that is no workflow, job or steps', async () => {
    readme(fence('uses: lanekit/lanekit/actions/change-router@v0\nwith: { base: main }\n'));
    assert.deepEqual(
      (await checkDocs(root)).problems.filter((p) => p.startsWith('README.md')),
      [
        'README.md:4: a YAML block using a lanekit action must be a workflow, a job or a list of steps',
      ],
    );
  });
});
