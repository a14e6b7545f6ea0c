/**
 * The bundled change-router against files built to break it, end to end: classified files
 * nested thousands of levels deep on either side of the diff are parse errors that run their
 * routes; routes files with meaningless globs, colliding names, implication cycles or YAML
 * nested too deep are configuration errors annotated on their line; routes named like object
 * properties are routes like any other, in every output.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { Plan } from '../../src/routing/route-changes.ts';
import { GitFixture } from '../../src/rehearsal/git-fixture.ts';
import type { RunResult } from '../../src/rehearsal/runner.ts';
import { runAction } from '../../src/rehearsal/runner.ts';

const ROUTES_FILE = '.github/lanekit/routes.yml';

const ROUTES = `routes:
  deps:
    keys:
      package.json: ['dependencies.*']
      config/app.yaml: ['server.*']
      config/app.toml: ['server.*']
  tools:
    mise-tools: [zig]
  docs:
    paths: ['docs/**']
fallback: [docs]
`;

const BASE_FILES = {
  [ROUTES_FILE]: ROUTES,
  'package.json': '{"dependencies": {"left-pad": "1.0.0"}}\n',
  'config/app.yaml': 'server: {port: 80}\n',
  'config/app.toml': '[server]\nport = 80\n',
  'mise.toml': '[tools]\nzig = "0.13.0"\n',
  'docs/index.md': '# docs\n',
};

const repos: GitFixture[] = [];
after(() => {
  for (const repo of repos) repo.cleanup();
});

/** A new origin whose main holds `files` (BASE_FILES by default) in one commit. */
function origin(files: Readonly<Record<string, string>> = BASE_FILES): GitFixture {
  const repo = new GitFixture();
  repos.push(repo);
  repo.commit('base', files);
  return repo;
}

/**
 * Commits `files` on main and runs change-router from main before it to that commit, in a full
 * clone; `outputFile` receives GITHUB_OUTPUT as written, for outputs the harness cannot keep.
 */
async function routeChange(
  repo: GitFixture,
  files: Readonly<Record<string, string>>,
  outputFile?: string,
): Promise<RunResult> {
  const from = repo.sha('main');
  const to = repo.commit('change', files);
  return runAction('change-router', {
    workspace: repo.clone({ ref: to, depth: 0 }),
    inputs: { base: from, head: to },
    ...(outputFile === undefined ? {} : { env: { GITHUB_OUTPUT: outputFile } }),
  });
}

/** The plan of a run that must have succeeded. */
function planOf(result: RunResult): Plan {
  assert.equal(result.exitCode, 0, `action failed:\n${result.stdout}\n${result.stderr}`);
  return JSON.parse(result.outputs.plan!) as Plan;
}

/** The one error annotation of a run that must have failed as a user's error. */
function rejection(result: RunResult) {
  assert.equal(result.exitCode, 1, result.stdout);
  const errors = result.annotations.filter((c) => c.command === 'error');
  assert.equal(errors.length, 1, result.stdout);
  assert.doesNotMatch(result.stdout + result.stderr, /\n\s+at |lanekit bug/, 'no stack trace');
  return errors[0]!;
}

describe('change-router on classified files nested too deep', () => {
  const deep = {
    'package.json, arrays 5,000 deep': {
      file: 'package.json',
      route: 'deps',
      text: `{"dependencies": ${'['.repeat(5000)}${']'.repeat(5000)}}\n`,
    },
    'package.json, objects 100,000 deep': {
      file: 'package.json',
      route: 'deps',
      text: `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}\n`,
    },
    'a YAML file, flow sequences 5,000 deep': {
      file: 'config/app.yaml',
      route: 'deps',
      text: `server: ${'['.repeat(5000)}${']'.repeat(5000)}\n`,
    },
    'a TOML file, dotted keys 5,000 deep': {
      file: 'config/app.toml',
      route: 'deps',
      text: `[server]\n${Array.from({ length: 5000 }, () => 'a').join('.')} = 1\n`,
    },
    'mise.toml, a tool table 100,000 deep': {
      file: 'mise.toml',
      route: 'tools',
      text: `[tools.zig${'.a'.repeat(100_000)}]\nversion = "1"\n`,
    },
  };

  for (const [title, { file, route, text }] of Object.entries(deep)) {
    it(`runs ${route} with parse-error:${file} for ${title} at head`, async () => {
      const result = await routeChange(origin(), { [file]: text });
      const plan = planOf(result);
      assert.equal(result.outputs[route], 'true');
      assert.equal(result.outputs['fallback-reason'], `parse-error:${file}`);
      const reason = plan.routes[route]!.reasons[0]!;
      assert.ok(reason.type === 'parse-error', JSON.stringify(reason));
      assert.match(
        reason.detail,
        /^head: invalid (JSON|YAML|TOML).*nested deeper than 256 levels$/,
      );
    });
  }

  it('runs deps with parse-error:package.json when the base side is the deep one', async () => {
    const repo = origin({
      ...BASE_FILES,
      'package.json': deep['package.json, arrays 5,000 deep'].text,
    });
    const result = await routeChange(repo, { 'package.json': '{"dependencies": {}}\n' });
    const plan = planOf(result);
    assert.equal(result.outputs['fallback-reason'], 'parse-error:package.json');
    const reason = plan.routes.deps!.reasons[0]!;
    assert.ok(reason.type === 'parse-error');
    assert.match(reason.detail, /^base: invalid JSON at line 1, column 273: /);
  });
});

describe('change-router with routes named like object properties', () => {
  const names = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'toJSON'];
  const routes = `routes:\n${names.map((name) => `  ${name}:\n    paths: ['${name}/**']\n`).join('')}`;

  it('sets every one as an output and lists it in the plan and the routes output', async () => {
    const outputs = join(mkdtempSync(join(tmpdir(), 'lanekit-outputs-')), 'output');
    writeFileSync(outputs, '');
    try {
      const repo = origin({ [ROUTES_FILE]: routes, 'README.md': 'x\n' });
      const result = await routeChange(
        repo,
        { '__proto__/a.txt': 'x\n', 'toString/b.txt': 'x\n' },
        outputs,
      );
      // Read as the runner does, into a map: an object would take `__proto__` as its prototype.
      const written = new Map(
        [...readFileSync(outputs, 'utf8').matchAll(/^(.+?)<<(.+)\n([^]*?)\n\2$/gm)].map(
          (m) => [m[1]!, m[3]!] as const,
        ),
      );
      for (const name of names) {
        const run = name === '__proto__' || name === 'toString';
        assert.equal(written.get(name), String(run), name);
      }
      const plan = JSON.parse(written.get('plan')!) as Plan;
      assert.deepEqual(Object.keys(plan.routes), names);
      const routeNamed = (name: string) => plan.routes[name];
      assert.deepEqual(routeNamed('toString'), {
        run: true,
        reasons: [{ type: 'path', path: 'toString/b.txt', rule: 'toString/**' }],
        omittedReasons: 0,
        files: ['toString/b.txt'],
      });
      assert.ok(Object.hasOwn(plan.routes, '__proto__'));
      assert.deepEqual(JSON.parse(written.get('routes')!), ['__proto__', 'toString']);
      assert.match(result.stdout, /run {2}__proto__: __proto__\/a\.txt matches __proto__\/\*\*/);
    } finally {
      rmSync(join(outputs, '..'), { recursive: true, force: true });
    }
  });
});

describe('change-router on a routes file with YAML aliases', () => {
  it('reads an alias where a list of globs belongs', async () => {
    const routes = `routes:
  docs:
    paths: &shared ['docs/**', '*.md']
  site:
    paths: *shared
    implies: [docs]
`;
    const result = await routeChange(origin({ [ROUTES_FILE]: routes, 'README.md': 'x\n' }), {
      'guide.md': 'x\n',
    });
    const plan = planOf(result);
    assert.deepEqual(JSON.parse(result.outputs.routes!), ['docs', 'site']);
    assert.deepEqual(plan.routes.site!.reasons, [{ type: 'path', path: 'guide.md', rule: '*.md' }]);
  });
});

describe('change-router on routes files that cannot mean what they say', () => {
  /** Runs change-router on a checkout whose routes file is `routes`; it must fail. */
  async function rejectedFile(routes: string) {
    const repo = origin({ [ROUTES_FILE]: routes });
    return rejection(await runAction('change-router', { workspace: repo.clone() }));
  }

  const cases: [string, string, string, [number, number]][] = [
    [
      'a glob with an unclosed bracket',
      "routes:\n  rust:\n    paths: ['src/[**']\n",
      "routes.rust.paths[0]: invalid glob 'src/[**': '[' at column 5 opens a class that is never closed with ']'",
      [3, 13],
    ],
    [
      'a glob with a reversed range',
      "routes:\n  rust:\n    paths: [docs/**, 'src/[z-a]*']\n",
      "routes.rust.paths[1]: invalid glob 'src/[z-a]*': range 'z-a' at column 6 is reversed",
      [3, 22],
    ],
    [
      'a glob with an unclosed brace',
      "routes:\n  rust:\n    paths: ['src/*.{rs']\n",
      "routes.rust.paths[0]: invalid glob 'src/*.{rs': '{' at column 7 is never closed with '}'",
      [3, 13],
    ],
    [
      'two route names that differ only in case',
      'routes:\n  docs:\n    paths: [x]\n  Docs:\n    paths: [y]\n',
      "routes.Docs: route name 'Docs' and route 'docs' at .github/lanekit/routes.yml:3:5 differ only in case",
      [5, 5],
    ],
    [
      "a route named like the output 'plan' in another case",
      'routes:\n  Plan:\n    paths: [x]\n',
      "routes.Plan: route name 'Plan' is taken by an output, 'plan' (output names ignore case)",
      [3, 5],
    ],
    [
      'an implies cycle',
      'routes:\n  a:\n    paths: [x]\n    implies: [b]\n  b:\n    paths: [y]\n    implies: [a]\n',
      'routes.b.implies[0]: implies: cycle a -> b -> a; remove one of its implications',
      [7, 15],
    ],
    [
      'a fallback that is a mapping',
      'routes:\n  a:\n    paths: [x]\nfallback: {a: 1}\n',
      `fallback: got '{"a":1}', expected all, [] or a list of routes`,
      [4, 11],
    ],
    [
      'an alias with no anchor',
      'routes:\n  a:\n    paths: *shared\n',
      "invalid YAML: alias '*shared' names no anchor before it",
      [3, 12],
    ],
    [
      'paths nested 5,000 deep',
      `routes:\n  a:\n    paths: ${'['.repeat(5000)}${']'.repeat(5000)}\n`,
      'invalid YAML: collections nested deeper than 256 levels',
      [3, 265],
    ],
  ];
  for (const [title, routes, message, [line, column]] of cases) {
    it(`rejects ${title}, annotated on its line and column`, async () => {
      const error = await rejectedFile(routes);
      assert.ok(
        error.message.startsWith(`change-router: ${ROUTES_FILE}:${line}:${column}: ${message}`),
        error.message,
      );
      assert.deepEqual(error.properties, {
        file: ROUTES_FILE,
        line: String(line),
        col: String(column),
      });
    });
  }

  it('rejects a cycle through 5,000 routes, naming it by its ends', async () => {
    const count = 5000;
    const lines = Array.from(
      { length: count },
      (_, i) => `  r${i}: { paths: [d${i}/**], implies: [r${(i + 1) % count}] }`,
    );
    const error = await rejectedFile(`routes:\n${lines.join('\n')}\n`);
    assert.match(
      error.message,
      /routes\.r4999\.implies\[0\]: implies: cycle r0 -> r1 -> .* -> \(4985 more\) -> .* -> r4999 -> r0;/,
    );
  });
});
