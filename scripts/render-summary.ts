/**
 * Renders a step summary to one HTML page and, with --screenshot, draws it in Debian's chromium
 * headless (offline, fresh profile) to check what a reviewer sees: every Mermaid block drawn as
 * an SVG, no Mermaid error, and with --expect-gantt at least one Gantt chart.
 *
 *   node scripts/render-summary.ts <summary.md> [--out page.html] [--screenshot page.png]
 *        [--expect-gantt] [--width 1280] [--max-height px] [--title text]
 *   node scripts/render-summary.ts <page.html> --screenshot page.png [--expect-gantt] ...
 *
 * A page already made (out/index.html of `lanekit rehearse`) is drawn as it is.
 *
 * Exits 1 when a check fails, 2 on bad usage; prints what it saw as one JSON line.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { RENDER_STATUS_ATTRIBUTE, summaryPage } from '../src/rehearsal/summary-page.ts';

export interface PageCheck {
  readonly status: string;
  readonly error: string;
  readonly mermaidBlocks: number;
  readonly drawnSvgs: number;
  readonly ganttSvgs: number;
  readonly errorSvgs: number;
  /** Text Mermaid prints when it cannot draw a block ("Syntax error in text", ...). */
  readonly errorText: boolean;
  /** Task labels of every Gantt chart, as drawn. */
  readonly ganttTaskLabels: readonly string[];
}

export interface RenderedPage {
  readonly check: PageCheck;
  readonly png: Buffer | undefined;
}

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
  '--disable-dev-shm-usage',
  // Nothing leaves the machine: every host name fails to resolve.
  '--host-resolver-rules=MAP * ~NOTFOUND',
];

/** What the check script collects in the page once drawing has ended. */
const CHECK_EXPRESSION = `(() => {
  if (location.protocol !== 'file:' || !document.body) return JSON.stringify({ status: '' });
  const svgs = [...document.querySelectorAll('pre.mermaid svg')];
  return JSON.stringify({
    status: document.body.getAttribute(${JSON.stringify(RENDER_STATUS_ATTRIBUTE)}) ?? '',
    error: document.body.getAttribute('data-render-error') ?? '',
    mermaidBlocks: document.querySelectorAll('pre.mermaid').length,
    drawnSvgs: svgs.length,
    ganttSvgs: svgs.filter((svg) => svg.getAttribute('aria-roledescription') === 'gantt').length,
    errorSvgs: svgs.filter((svg) => svg.getAttribute('aria-roledescription') === 'error').length,
    errorText: /Syntax error in text|Parse error on line|No diagram type detected/.test(document.body.innerText),
    ganttTaskLabels: svgs
      .filter((svg) => svg.getAttribute('aria-roledescription') === 'gantt')
      .flatMap((svg) => [...svg.querySelectorAll('text.taskText, text.taskTextOutsideRight, text.taskTextOutsideLeft')])
      .map((text) => text.textContent.trim()),
  });
})()`;

/** The problems a reviewer would see; empty when the page is fine. */
export function pageProblems(check: PageCheck, expectGantt: boolean): string[] {
  const problems: string[] = [];
  if (check.status !== 'done')
    problems.push(
      `Mermaid did not finish drawing (${check.status || 'no status'}): ${check.error}`,
    );
  if (check.drawnSvgs !== check.mermaidBlocks) {
    problems.push(`${check.mermaidBlocks} Mermaid blocks but ${check.drawnSvgs} SVGs drawn`);
  }
  if (check.errorSvgs > 0 || check.errorText) problems.push('the page shows a Mermaid error');
  if (expectGantt && check.ganttSvgs === 0) problems.push('no Gantt chart was drawn');
  return problems;
}

/** Opens `htmlPath` in chromium headless, waits for Mermaid, checks the page, screenshots it whole. */
export async function renderInChromium(
  htmlPath: string,
  options: {
    readonly width?: number;
    readonly screenshot?: boolean;
    /** Clips the screenshot to the page's top this many pixels high. */
    readonly maxHeight?: number;
    readonly timeoutMs?: number;
  } = {},
): Promise<RenderedPage> {
  const profile = mkdtempSync(join(tmpdir(), 'lanekit-chromium-'));
  const browser = spawn(
    'chromium',
    [...CHROMIUM_FLAGS, `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  browser.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<never>((_, reject) => {
    browser.on('error', reject);
    browser.on('exit', (code) => {
      reject(new Error(`chromium exited (${code}): ${stderr.slice(-2000)}`));
    });
  });
  try {
    const deadline = Date.now() + (options.timeoutMs ?? 60_000);
    const endpoint = await Promise.race([devToolsEndpoint(() => stderr, deadline), exited]);
    const page = await Promise.race([pageSession(endpoint), exited]);
    try {
      await page.send('Emulation.setDeviceMetricsOverride', {
        width: options.width ?? 1280,
        height: 900,
        deviceScaleFactor: 1,
        mobile: false,
      });
      await page.send('Page.navigate', { url: pathToFileURL(resolve(htmlPath)).href });
      let check: PageCheck;
      for (;;) {
        check = JSON.parse(await page.evaluate(CHECK_EXPRESSION)) as PageCheck;
        if (check.status !== '' || Date.now() > deadline) break;
        await new Promise((done) => setTimeout(done, 100));
      }
      let png: Buffer | undefined;
      if (options.screenshot === true) {
        const metrics = (await page.send('Page.getLayoutMetrics')) as {
          cssContentSize: { width: number; height: number };
        };
        const shot = (await page.send('Page.captureScreenshot', {
          format: 'png',
          captureBeyondViewport: true,
          clip: {
            x: 0,
            y: 0,
            width: Math.ceil(metrics.cssContentSize.width),
            height: Math.min(
              Math.ceil(metrics.cssContentSize.height),
              options.maxHeight ?? Number.POSITIVE_INFINITY,
            ),
            scale: 1,
          },
        })) as { data: string };
        png = Buffer.from(shot.data, 'base64');
      }
      return { check, png };
    } finally {
      page.close();
    }
  } finally {
    browser.kill();
    await new Promise((done) => {
      if (browser.exitCode !== null || browser.signalCode !== null) done(undefined);
      else browser.once('exit', done);
    });
    rmSync(profile, { recursive: true, force: true });
  }
}

/** chromium prints `DevTools listening on ws://127.0.0.1:<port>/devtools/browser/<id>` when ready. */
async function devToolsEndpoint(stderr: () => string, deadline: number): Promise<string> {
  for (;;) {
    const match = /DevTools listening on (ws:\/\/[^\s]+)/.exec(stderr());
    if (match) return match[1]!;
    if (Date.now() > deadline) throw new Error(`chromium did not start: ${stderr().slice(-2000)}`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

interface PageSession {
  send(method: string, params?: object): Promise<unknown>;
  evaluate(expression: string): Promise<string>;
  close(): void;
}

/** A DevTools protocol session on a new page target, over Node's own WebSocket. */
async function pageSession(browserEndpoint: string): Promise<PageSession> {
  const socket = new WebSocket(browserEndpoint);
  await new Promise((opened, failed) => {
    socket.addEventListener('open', opened, { once: true });
    socket.addEventListener('error', failed, { once: true });
  });
  let nextId = 1;
  const pending = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: Error) => void }
  >();
  socket.addEventListener('message', (event) => {
    const message = JSON.parse(String(event.data)) as {
      id?: number;
      result?: unknown;
      error?: { message: string };
    };
    const waiter = message.id === undefined ? undefined : pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id!);
    if (message.error) waiter.reject(new Error(message.error.message));
    else waiter.resolve(message.result);
  });
  const call = (method: string, params: object = {}, sessionId?: string) =>
    new Promise<unknown>((done, failed) => {
      const id = nextId++;
      pending.set(id, { resolve: done, reject: failed });
      socket.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
    });
  const { targetId } = (await call('Target.createTarget', { url: 'about:blank' })) as {
    targetId: string;
  };
  const { sessionId } = (await call('Target.attachToTarget', { targetId, flatten: true })) as {
    sessionId: string;
  };
  const send = (method: string, params?: object) => call(method, params, sessionId);
  return {
    send,
    async evaluate(expression) {
      const reply = (await send('Runtime.evaluate', { expression, returnByValue: true })) as {
        result: { value?: unknown };
        exceptionDetails?: { text: string };
      };
      if (reply.exceptionDetails) throw new Error(`in the page: ${reply.exceptionDetails.text}`);
      return String(reply.result.value);
    },
    close: () => {
      socket.close();
    },
  };
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      screenshot: { type: 'string' },
      'expect-gantt': { type: 'boolean', default: false },
      width: { type: 'string', default: '1280' },
      'max-height': { type: 'string' },
      title: { type: 'string' },
    },
  });
  const width = Number(values.width);
  const maxHeight = values['max-height'] === undefined ? undefined : Number(values['max-height']);
  const source = positionals[0] ?? '';
  const made = source.endsWith('.html');
  const usable = made
    ? values.screenshot !== undefined && values.out === undefined
    : values.out !== undefined || values.screenshot !== undefined;
  const heightOk = maxHeight === undefined || (Number.isInteger(maxHeight) && maxHeight >= 100);
  if (positionals.length !== 1 || !usable || !Number.isInteger(width) || width < 320 || !heightOk) {
    console.error(
      'usage: node scripts/render-summary.ts <summary.md> (--out page.html | --screenshot page.png | both) [--expect-gantt] [--width >=320] [--max-height >=100] [--title text]\n       node scripts/render-summary.ts <page.html> --screenshot page.png [--expect-gantt] [--width >=320] [--max-height >=100]',
    );
    return 2;
  }
  const screenshot = values.screenshot;
  const scratch =
    values.out === undefined && !made ? mkdtempSync(join(tmpdir(), 'lanekit-summary-')) : undefined;
  const out = made ? source : (values.out ?? join(scratch!, 'summary.html'));
  if (!made) {
    const html = summaryPage(readFileSync(source, 'utf8'), {
      title: values.title ?? basename(source),
      openDetails: screenshot !== undefined,
    });
    writeFileSync(out, html);
  }
  try {
    if (screenshot === undefined) {
      console.log(JSON.stringify({ html: out }));
      return 0;
    }
    const page = await renderInChromium(out, {
      width,
      screenshot: true,
      ...(maxHeight === undefined ? {} : { maxHeight }),
    });
    writeFileSync(screenshot, page.png!);
    const problems = pageProblems(page.check, values['expect-gantt']);
    const { ganttTaskLabels, ...seen } = page.check;
    console.log(
      JSON.stringify({ ...seen, ganttTasks: ganttTaskLabels.length, screenshot, problems }),
    );
    return problems.length === 0 ? 0 : 1;
  } finally {
    if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true });
  }
}

if (import.meta.main) process.exitCode = await main();
