import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { MarkersReport } from '../../src/markers/report.ts';
import { ArtifactService } from '../../src/rehearsal/artifact-service.ts';
import { runArtifactClient } from '../harness/artifact-client.ts';
import { GitHubApiServer } from '../../src/rehearsal/github-api.ts';
import type { RunResult } from '../../src/rehearsal/runner.ts';
import { PUBLIC_LOGS } from '../harness/fixtures.ts';
import { recordedJobs } from '../harness/recorded-api.ts';
import { runAction } from '../../src/rehearsal/runner.ts';

const publicLog = (name: string) => readFileSync(join(PUBLIC_LOGS, name));
const CILIUM_JOBS = { jobs: recordedJobs('cilium-3106110597.jobs.json') };

/** Steps in the API's shape, with the times of the coda-api log's steps. */
const CODA_STEPS = [
  ['Set up job', 1, '2025-12-16T23:20:13Z', '2025-12-16T23:20:22Z'],
  ['Run Swatinem/rust-cache@v2.8.0', 7, '2025-12-16T23:20:35Z', '2025-12-16T23:20:36Z'],
  ['Run lefthook run --force pre-commit', 8, '2025-12-16T23:20:36Z', '2025-12-16T23:21:40Z'],
].map(([name, number, started, completed]) => ({
  name,
  status: 'completed',
  conclusion: 'success',
  number,
  started_at: started,
  completed_at: completed,
}));

function report(result: RunResult): MarkersReport {
  assert.equal(result.exitCode, 0, `action failed:\n${result.stdout}\n${result.stderr}`);
  return JSON.parse(result.outputs.markers!) as MarkersReport;
}

const LANES = `default: github
lanes:
  github: { runs-on: ubuntu-24.04, required: true, hosted: true }
  velnor: { runs-on: [self-hosted, velnor], required: false, hosted: false }
`;

let workspace: string;
before(async () => {
  workspace = await mkdtemp(join(tmpdir(), 'lanekit-marker-scanner-'));
  mkdirSync(join(workspace, 'logs', 'nested'), { recursive: true });
  writeFileSync(
    join(workspace, 'logs', 'zip clippy.log'),
    publicLog('gha-cargo-clippy-cold-no-cache-ansi-murphsicles-zip.log'),
  );
  writeFileSync(
    join(workspace, 'logs', 'nested', 'npm-hit.log'),
    publicLog('gha-setup-node-npm-cache-hit-npm-ci-s3proxy.log'),
  );
  writeFileSync(
    join(workspace, 'logs', 'nested', 'pnpm.log'),
    publicLog('cloudflare-pages-pnpm-install-cold-6digit-ts-moontv.log'),
  );
});
after(() => rm(workspace, { recursive: true, force: true }));

describe('marker-scanner on files', () => {
  it('scans files, directories and globs and writes the report, total and verdict', async () => {
    const result = await runAction('marker-scanner', {
      inputs: { logs: 'logs/zip clippy.log\nlogs/nested/*.log', jobs: 'false' },
      workspace,
    });
    const markers = report(result);
    assert.deepEqual(
      markers.sources.map((s) => [s.name, s.markers]),
      [
        ['logs/nested/npm-hit.log', 0],
        ['logs/nested/pnpm.log', 3],
        ['logs/zip clippy.log', 1328],
      ],
    );
    assert.equal(result.outputs.total, '1331');
    assert.equal(result.outputs.verdict, 'markers');
    assert.equal(markers.categories.download, 1 + 683 + 3);
    assert.match(result.summary, /### marker-scanner: ⚠️ markers: 1331 markers in 3 logs/);
    assert.match(result.summary, /\| <code>third-party-compile<\/code>/);
    assert.match(
      result.summary,
      /<details><summary>logs\/zip clippy\.log: 1328 markers<\/summary>/,
    );
  });

  it('fails on the categories fail-on names, and not on explained markers', async () => {
    const failing = await runAction('marker-scanner', {
      inputs: { logs: 'logs', jobs: 'false', 'fail-on': 'third-party-compile' },
      workspace,
    });
    assert.equal(failing.exitCode, 1);
    assert.deepEqual(
      failing.annotations.map((a) => [a.command, a.message]),
      [
        [
          'error',
          'marker-scanner: fail-on: 637 markers match third-party-compile; see the step summary for where',
        ],
      ],
    );
    assert.equal(failing.outputs.total, '1331', 'outputs are written before failing');

    const explained = await runAction('marker-scanner', {
      inputs: {
        logs: 'logs',
        jobs: 'false',
        'fail-on': 'any',
        allow:
          "- {rule: '*', source: 'logs/zip*', reason: first run after the lockfile changed}\n- {rule: pnpm/*, reason: no pnpm store cache yet}",
      },
      workspace,
    });
    const markers = report(explained);
    assert.equal(markers.verdict, 'no-markers');
    assert.equal(markers.explained, 1331);
    assert.match(explained.summary, /explained: first run after the lockfile changed/);
  });

  it('applies user rules from the markers file', async () => {
    writeFileSync(
      join(workspace, 'markers.yml'),
      'packs: [npm]\nrules:\n  - id: node/audit\n    category: download\n    literal: audited 2255 packages\n',
    );
    const markers = report(
      await runAction('marker-scanner', {
        inputs: { logs: 'logs/nested/npm-hit.log', jobs: 'false', rules: 'markers.yml' },
        workspace,
      }),
    );
    assert.deepEqual(markers.rules, {
      'node/audit': { category: 'download', pack: 'user', count: 1 },
    });
  });

  const bad: [string, Record<string, string>, string][] = [
    [
      'an unknown fail-on category',
      { 'fail-on': 'downloads' },
      "marker-scanner: fail-on: got 'downloads', expected any, a category (index-update|download|",
    ],
    [
      'an unknown pack',
      { packs: 'cargo,maven' },
      "marker-scanner: packs: got 'maven', expected a comma list of cargo|cargo-install|",
    ],
    [
      'an invalid user regex',
      { rules: 'rules:\n  - {id: my/rule, category: download, regex: "(unclosed"}' },
      'marker-scanner: rules input:2:',
    ],
    [
      'a samples count out of range',
      { samples: '0' },
      "marker-scanner: samples: got '0', expected an integer from 1 to 50",
    ],
    [
      'a missing rules file',
      { rules: 'nope.yml' },
      "marker-scanner: rules: got 'nope.yml', expected a file in the workspace or inline YAML",
    ],
  ];
  for (const [what, inputs, message] of bad) {
    it(`rejects ${what} with a message naming the input`, async () => {
      const result = await runAction('marker-scanner', {
        inputs: { logs: 'logs', jobs: 'false', ...inputs },
        workspace,
      });
      assert.equal(result.exitCode, 1);
      assert.equal(result.annotations.length, 1);
      assert.ok(result.annotations[0]!.message.startsWith(message), result.annotations[0]!.message);
      assert.doesNotMatch(result.stdout + result.stderr, /\n\s+at /, 'no stack trace');
    });
  }

  it('reports a binary file and a glob without matches instead of failing', async () => {
    writeFileSync(join(workspace, 'core.bin'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1]));
    const result = await runAction('marker-scanner', {
      inputs: { logs: 'core.bin\nmissing/*.log', jobs: 'false' },
      workspace,
    });
    const markers = report(result);
    assert.equal(markers.sources[0]!.binary, true);
    assert.equal(markers.unreadable, 1);
    assert.deepEqual(
      result.annotations.map((a) => [a.command, a.message]),
      [['warning', "logs: nothing matched 'missing/*.log'"]],
    );
  });
});

describe('marker-scanner on this run’s jobs', () => {
  let api: GitHubApiServer;
  let blobs: GitHubApiServer;
  const RUN = 3106110597;
  const logs = new Map<number, Buffer>();

  before(async () => {
    api = await GitHubApiServer.start();
    blobs = await GitHubApiServer.start();
    const [first, second, ...rest] = CILIUM_JOBS.jobs;
    // Two jobs renamed as the lanes of a dual-lane matrix, and the scanning job itself running.
    const jobs = [
      { ...first, name: 'clippy (github)' },
      { ...second, name: 'clippy (velnor)', steps: CODA_STEPS },
      ...rest,
      {
        ...rest[0],
        id: 999,
        name: 'markers',
        status: 'in_progress',
        conclusion: null,
        completed_at: null,
      },
    ];
    const ids = jobs.map((job) => Number(job.id));
    logs.set(
      ids[0]!,
      publicLog('gha-windows-actions-cache-v4-miss-cargo-cold-bom-crlf-3d-vibe-bevy.log'),
    );
    logs.set(ids[1]!, publicLog('gha-rust-cache-miss-cold-build-coda-api.log'));
    for (const id of ids.slice(2))
      logs.set(id, publicLog('gha-setup-node-npm-cache-hit-npm-ci-s3proxy.log'));
    api.paginated(
      'GET',
      '/repos/:owner/:repo/actions/runs/:run/attempts/:attempt/jobs',
      () => jobs,
      { key: 'jobs' },
    );
    api.redirect(
      'GET',
      '/repos/:owner/:repo/actions/jobs/:job/logs',
      (req) => `${blobs.url}/logs/${req.params.job}.txt`,
    );
    blobs.route('GET', '/logs/:file', (req) => {
      const log = logs.get(Number(req.params.file!.replace('.txt', '')));
      return log
        ? { rawBody: log, headers: { 'content-type': 'text/plain' } }
        : { status: 404, body: {} };
    });
  });
  after(async () => {
    await api.close();
    await blobs.close();
  });

  const env = () => ({
    GITHUB_API_URL: api.url,
    GITHUB_RUN_ID: String(RUN),
    GITHUB_REPOSITORY: 'cilium/cilium',
  });

  it('streams every completed job log once, skips running and skipped jobs, and labels lanes', async () => {
    const before = blobs.requests.length;
    const result = await runAction('marker-scanner', {
      inputs: { 'lanes-file': LANES, concurrency: '3' },
      token: 'ghs_test',
      env: env(),
      workspace,
    });
    const markers = report(result);
    const names = markers.sources.map((s) => s.name);
    assert.equal(names.length, 9, 'ten jobs: one skipped, one still running');
    assert.ok(!names.includes('build-and-push-with-qemu') && !names.includes('markers'));
    assert.equal(api.count('GET', '/repos/:owner/:repo/actions/jobs/:job/logs'), 9);
    const downloads = blobs.requests.slice(before);
    assert.equal(downloads.length, 9);
    assert.ok(
      downloads.every((r) => r.headers.authorization === undefined),
      'the token never goes to log storage',
    );
    assert.deepEqual(markers.lanes, {
      github: { 'cache-miss': 3, 'index-update': 1, download: 327 },
      velnor: { 'cache-miss': 2, 'lock-wait': 10, 'third-party-compile': 164 },
    });
    const velnor = markers.sources.find((s) => s.name === 'clippy (velnor)')!;
    assert.equal(velnor.url, CILIUM_JOBS.jobs[1]!.html_url);
    const lock = velnor.rules['cargo/file-lock']!.samples[0]!;
    assert.equal(lock.line, 604);
    // Line 1 of a step in GitHub's log view is its `Run ...` header: line 485 of the job log.
    assert.equal(lock.url, `${String(CILIUM_JOBS.jobs[1]!.html_url)}#step:8:120`);
    assert.equal(
      velnor.rules['rust-cache/miss']!.samples[0]!.url,
      `${String(CILIUM_JOBS.jobs[1]!.html_url)}#step:7:53`,
      'a line in the second both steps share is placed by its step header',
    );
    assert.ok(result.summary.includes(`[line 604](${lock.url})`), 'the summary links the line');
    assert.match(
      result.summary,
      /\| category \| <code>github<\/code> \| <code>velnor<\/code> \| total \|/,
    );
    assert.match(result.stdout, /1 jobs of this run were not complete/);
  });

  it('rescans a log whose download breaks half-way, and reports one that keeps breaking', async () => {
    const id = Number(CILIUM_JOBS.jobs[0]!.id);
    blobs.failNext('GET', `/logs/${id}.txt`, { kind: 'truncated' });
    const result = await runAction('marker-scanner', {
      inputs: { 'lanes-file': LANES },
      token: 'ghs_test',
      env: env(),
      workspace,
    });
    const markers = report(result);
    assert.equal(markers.sources.find((s) => s.name === 'clippy (github)')!.markers, 331);

    blobs.failNext('GET', `/logs/${id}.txt`, { kind: 'truncated' }, 3);
    const broken = await runAction('marker-scanner', {
      inputs: { 'lanes-file': LANES },
      token: 'ghs_test',
      env: env(),
      workspace,
    });
    const source = report(broken).sources.find((s) => s.name === 'clippy (github)')!;
    assert.match(source.error ?? '', /^log unavailable: /);
    assert.ok(
      broken.annotations.some(
        (a) => a.command === 'warning' && a.message.startsWith('clippy (github): log unavailable'),
      ),
    );
  });
});

describe('marker-scanner on job-log artifacts', () => {
  let service: ArtifactService;
  let staging: string;
  before(async () => {
    service = await ArtifactService.start();
    staging = await mkdtemp(join(tmpdir(), 'lanekit-job-logs-'));
    const upload = async (job: string, name: string, files: Record<string, Buffer>) => {
      const root = join(staging, name);
      const paths = Object.entries(files).map(([file, content]) => {
        mkdirSync(join(root, file, '..'), { recursive: true });
        writeFileSync(join(root, file), content);
        return join(root, file);
      });
      const { error } = await runArtifactClient(service, { job }, 'uploadArtifact', [
        name,
        paths,
        root,
      ]);
      assert.equal(error, undefined);
    };
    // The self-hosted lane uploads its own job logs; another artifact must not be scanned.
    await upload('clippy-velnor', 'job-logs-clippy-velnor', {
      'clippy (velnor)/1_Set up job.txt': publicLog('gha-rust-cache-miss-cold-build-coda-api.log'),
      'clippy (velnor)/2_cargo clippy.txt': publicLog(
        'gha-windows-actions-cache-v4-miss-cargo-cold-bom-crlf-3d-vibe-bevy.log',
      ),
    });
    await upload('e2e', 'e2e-report-velnor', {
      'report.txt': Buffer.from('  Downloaded serde v1.0.0\n'),
    });
  });
  after(async () => {
    await service.close();
    await rm(staging, { recursive: true, force: true });
  });

  it('downloads the matching artifacts of this run with the real client and scans every file', async () => {
    const result = await runAction('marker-scanner', {
      inputs: { artifacts: 'job-logs-*', jobs: 'false', 'lanes-file': LANES },
      env: service.env({ job: 'markers' }),
      workspace,
    });
    const markers = report(result);
    assert.deepEqual(
      markers.sources.map((s) => [s.name, s.kind, s.lane, s.markers]),
      [
        ['job-logs-clippy-velnor/clippy (velnor)/1_Set up job.txt', 'artifact', 'velnor', 176],
        ['job-logs-clippy-velnor/clippy (velnor)/2_cargo clippy.txt', 'artifact', 'velnor', 331],
      ],
    );
    assert.deepEqual(markers.lanes.velnor, {
      'cache-miss': 5,
      'lock-wait': 10,
      'third-party-compile': 164,
      'index-update': 1,
      download: 327,
    });
  });

  it('reports, without failing, when the artifact service cannot be reached', async () => {
    const result = await runAction('marker-scanner', {
      inputs: { artifacts: 'job-logs-*', jobs: 'false' },
      env: { ...service.env({ job: 'markers' }), ACTIONS_RESULTS_URL: 'http://127.0.0.1:9/' },
      workspace,
    });
    const markers = report(result);
    assert.equal(markers.sources.length, 1);
    assert.match(markers.sources[0]!.error ?? '', /^could not list artifacts: /);
    assert.equal(markers.unreadable, 1);
  });
});
