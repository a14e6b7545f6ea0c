import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pageProblems, renderInChromium } from '../../scripts/render-summary.ts';
import { summaryBodyHtml, summaryPage } from '../../src/rehearsal/summary-page.ts';
import { createGitHubClient } from '../../src/github/client.ts';
import { parseLanesConfig } from '../../src/lanes/lanes-config.ts';
import type { Logger } from '../../src/runner/logger.ts';
import { analyzeRun } from '../../src/timing/analysis.ts';
import { ganttCharts } from '../../src/timing/gantt.ts';
import { readRun } from '../../src/timing/read-run.ts';
import { timingSummary } from '../../src/timing/summary.ts';
import { GitHubApiServer } from '../../src/rehearsal/github-api.ts';
import { serveScenario, twoLaneMatrixRun } from '../harness/run-fixtures.ts';
import { needsChromium } from '../harness/chromium.ts';

/*
 * The summary as a reviewer sees it: Markdown to HTML, Mermaid's browser bundle drawing it in
 * Debian's chromium (see test/harness/chromium.ts for when it is skipped).
 * LANEKIT_SCREENSHOT=<png> also writes the realistic summary's screenshot there; that is how
 * docs/timing-summary.png is made.
 */
const quiet: Logger = { debug: () => {}, info: () => {}, notice: () => {}, warning: () => {} };

const fence = (source: string) => '```mermaid\n' + source + '```\n';

describe('summary page', () => {
  let scratch: string;
  before(() => {
    scratch = mkdtempSync(join(tmpdir(), 'lanekit-render-'));
  });
  after(() => {
    rmSync(scratch, { recursive: true, force: true });
  });

  const render = async (markdown: string, screenshot = false) => {
    const path = join(scratch, `page-${Math.random().toString(36).slice(2)}.html`);
    writeFileSync(path, summaryPage(markdown, { title: 'summary', openDetails: true }));
    return renderInChromium(path, { screenshot });
  };

  it('turns mermaid fences into blocks Mermaid draws, with their source as text', () => {
    const html = summaryBodyHtml(
      '# T\n\n```mermaid\ngantt\n    a #60;b #38; c :j1, 0, 1\n```\n\n```sh\necho "<x>"\n```\n',
    );
    assert.match(html, /<pre class="mermaid">gantt\n {4}a #60;b #38; c :j1, 0, 1<\/pre>/);
    assert.match(
      html,
      /<pre><code class="language-sh">echo &quot;&lt;x&gt;&quot;\n<\/code><\/pre>/,
    );
  });

  it(
    'draws hostile job names as the text they are, and reports a block Mermaid cannot draw',
    needsChromium,
    async () => {
      const names = [
        'build: linux; #35; %% not a comment',
        '<img src=x onerror=alert(1)> & "quotes"',
        'click j1 href "javascript:alert(1)"',
        'style x fill:#f00;',
      ];
      const origin = Date.parse('2026-03-01T00:00:00Z');
      const [chart] = ganttCharts({
        origin,
        readAt: origin + 60_000,
        jobs: names.map((name, index) => ({
          name,
          url: null,
          createdAt: origin,
          startedAt: origin + 1000 * (index + 1),
          completedAt: origin + 30_000,
          status: 'completed',
          conclusion: 'success',
        })),
      });
      const page = await render(
        `## chart\n\n${fence(chart!)}\n## broken\n\n${fence('gantt\n    dateFormat x\n    this line : is not : a task ::\n')}`,
      );
      assert.equal(page.check.mermaidBlocks, 2);
      assert.equal(page.check.ganttSvgs, 1);
      assert.deepEqual(
        page.check.ganttTaskLabels.filter(
          (label) => /^#\d /.test(label) && !label.includes('queued'),
        ),
        names.map((name, index) => `#${index + 1} ${name}`),
      );
      assert.equal(page.check.status, 'error');
      assert.ok(pageProblems(page.check, true).length > 0);
    },
  );

  it(
    'renders a two-lane run read from the REST server: its Gantt drawn, no Mermaid error',
    needsChromium,
    async () => {
      const scenario = twoLaneMatrixRun({ clippyShards: 4, testShards: 6 });
      const server = await GitHubApiServer.start();
      try {
        serveScenario(server, scenario);
        const run = scenario.current.run;
        const env = {
          GITHUB_REPOSITORY: `${scenario.owner}/${scenario.repo}`,
          GITHUB_RUN_ID: String(run.id),
          GITHUB_RUN_ATTEMPT: String(run.run_attempt),
          GITHUB_SHA: run.head_sha,
        };
        const lanes = parseLanesConfig(
          'default: github\nlanes:\n  github: { runs-on: ubuntu-latest, hosted: true }\n  velnor: { runs-on: [self-hosted, velnor], hosted: false }\n',
          'lanes.yml',
        );
        const data = await readRun({
          client: createGitHubClient({ token: 'ghs_test', baseUrl: server.url, log: quiet }),
          target: {
            attempt: {
              owner: scenario.owner,
              repo: scenario.repo,
              runId: run.id,
              attempt: run.run_attempt,
            },
            isThisRun: false,
          },
          env,
          workspace: scratch,
          defaultBranch: 'main',
          compareTo: { kind: 'default-branch' },
          scanLogs: 'none',
          markerRules: { rules: [], allow: [], failOn: [] },
          lanes,
          concurrency: 4,
          checkRunId: undefined,
          log: quiet,
        });
        const markdown = timingSummary(analyzeRun(data, { lanes, targetJob: 'required' }));
        const screenshot = process.env.LANEKIT_SCREENSHOT;
        const page = await render(markdown, screenshot !== undefined);
        assert.deepEqual(pageProblems(page.check, true), []);
        assert.equal(page.check.ganttSvgs, page.check.mermaidBlocks);
        // Every job drawn: its run bar is labelled #n followed by its name.
        assert.equal(
          page.check.ganttTaskLabels.filter(
            (label) => /^#\d+ /.test(label) && !label.endsWith(' queued'),
          ).length,
          data.jobs.filter((job) => job.conclusion !== 'skipped' && job.startedAt !== null).length,
        );
        if (screenshot !== undefined) writeFileSync(screenshot, page.png!);
      } finally {
        await server.close();
      }
    },
  );
});
