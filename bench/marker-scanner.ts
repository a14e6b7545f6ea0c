/**
 * marker-scanner benchmark: the scanning core on a large log, beside GNU grep and ripgrep given
 * the same patterns, in the same run.
 *
 * A log of `--gib` GiB (default 1) is built from the lines of every fixture log (public and
 * tool-made, ANSI, BOM and CRLF included) repeated, and scanned with the full rule set:
 *   - lanekit: `lanekit scan --json` from the bundle (dist/cli.js, the file scan marker-scanner
 *     uses; a log over 128 MiB is split in two halves scanned at once, the second by a worker
 *     thread), reporting its peak resident memory (also on a 64 MiB log, to show memory does not
 *     grow with the log);
 *   - `grep -E -c -f patterns` (the rules' regexes in POSIX ERE) and `rg -c -f patterns` (the
 *     same regexes in ripgrep's syntax), both unanchored since raw lines start with a timestamp.
 * grep and rg see the raw lines, so they miss markers split by colour codes; their counts are
 * printed to show that, not to match ours. Targets: at least grep's speed, at least half of
 * ripgrep's, peak memory under 100 MB. `node bench/marker-scanner.ts [--gib N]`. Needs Debian's
 * ripgrep (`apt-get install ripgrep`); without it the ripgrep column is skipped. lanekit and
 * ripgrep run 3 times in turns and the best time counts (the peak memory is the highest); GNU
 * grep, 10x slower, runs once. lanekit also scans with one user rule added (a markers file), as
 * marker-scanner matches user rules: once a regex the scanner finds by its literal word, once one
 * it must test on every line.
 */
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BUILTIN_PACKS } from '../src/markers/builtin-packs.ts';
import type { MarkersReport } from '../src/markers/report.ts';
import { PUBLIC_LOGS, TOOL_LOGS } from '../test/harness/fixtures.ts';
import { requireBundle } from './lib/bundle.ts';
import { formatDuration } from './lib/format.ts';
import { benchHeading } from './lib/heading.ts';
import { table } from './lib/table.ts';
import { fastest } from './lib/timed.ts';
import type { TimedProcess } from './lib/timed-process.ts';
import { timeProcess } from './lib/timed-process.ts';

const RULES = BUILTIN_PACKS.flatMap((pack) => pack.rules);
const SMALL_LOG_BYTES = 64 * 1024 * 1024;
const MEMORY_TARGET_MB = 100;
const RUNS = 3;
/** Markers files adding one user rule: found by its word `Pulling`, or (case-insensitive) not. */
const USER_RULES: Readonly<Record<string, string>> = {
  'found by a word':
    "rules:\n  - {id: docker/pull, category: download, regex: 'Pulling fs layer'}\n",
  'on every line':
    "rules:\n  - {id: docker/pull, category: download, regex: '(?i:pulling fs layer)'}\n",
};

const { values } = parseArgs({ options: { gib: { type: 'string', default: '1' } } });
const targetBytes = Math.round(Number(values.gib) * 1024 ** 3);
const cli = requireBundle('cli.js');

/**
 * A rule's regex for tools that see raw lines: without its `^` anchors, since a raw GitHub log
 * line starts with a timestamp, and with `\/` (not an escape in Rust's syntax) as `/`.
 */
function unanchored(anchored: string): string {
  // Unanchored, a leading `\s*` matches the empty string: drop it.
  const source = anchored.replace(/^\^\\s\*/, '');
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    if (char === '\\') {
      const next = source[++i] ?? '';
      out += next === '/' ? '/' : `\\${next}`;
    } else if (char === '^' && (out === '' || out.endsWith('|') || out.endsWith('(?:'))) {
      continue;
    } else {
      out += char;
    }
  }
  return out;
}

const ERE_OUTSIDE: Readonly<Record<string, string>> = {
  d: '[0-9]',
  s: '[[:space:]]',
  S: '[^[:space:]]',
  w: '[[:alnum:]_]',
};
const ERE_INSIDE: Readonly<Record<string, string>> = { d: '0-9', s: '[:space:]', w: '[:alnum:]_' };

/** The same regex in POSIX ERE, as GNU grep -E reads it (brackets take no escapes there). */
function toEre(source: string): string {
  const js = unanchored(source).replace(/\(\?:/g, '(').replace(/\\x60/g, '`');
  let out = '';
  for (let i = 0; i < js.length; i++) {
    const char = js[i]!;
    if (char === '[') {
      const negated = js[i + 1] === '^';
      if (negated) i++;
      let members = '';
      let closing = false;
      for (i++; i < js.length && js[i] !== ']'; i++) {
        if (js[i] !== '\\') {
          members += js[i]!;
          continue;
        }
        const next = js[++i] ?? '';
        if (next === ']') closing = true;
        else members += ERE_INSIDE[next] ?? next;
      }
      // A `]` member must come first in a POSIX bracket expression.
      out += `[${negated ? '^' : ''}${closing ? ']' : ''}${members}]`;
    } else if (char === '\\') {
      const next = js[++i] ?? '';
      out += ERE_OUTSIDE[next] ?? `\\${next}`;
    } else {
      out += char;
    }
  }
  return out;
}

/** Writes `bytes` of log made of every fixture log, repeated; returns the size written. */
function buildLog(path: string, bytes: number): number {
  const dirs = [PUBLIC_LOGS, TOOL_LOGS];
  const logs = dirs.flatMap((dir) =>
    existsSync(dir)
      ? readdirSync(dir)
          .filter((file) => file.endsWith('.log'))
          .sort()
          .map((file) => readFileSync(join(dir, file)))
      : [],
  );
  const block = Buffer.concat(
    logs.map((log) => (log.at(-1) === 10 ? log : Buffer.concat([log, Buffer.from('\n')]))),
  );
  const chunk = Buffer.concat(
    Array.from({ length: Math.max(1, Math.floor((8 << 20) / block.length)) }, () => block),
  );
  const fd = openSync(path, 'w');
  let written = 0;
  try {
    while (written < bytes)
      written += writeSync(fd, chunk, 0, Math.min(chunk.length, bytes - written));
  } finally {
    closeSync(fd);
  }
  return written;
}

const REPORT_PEAK_MEMORY =
  "data:text/javascript,process.on('exit',()=>process.stderr.write('maxrss='+process.resourceUsage().maxRSS))";

/** `lanekit scan --json` from the bundle, as users run it: wall time, markers, peak RSS. */
async function lanekit(
  path: string,
  rulesFile?: string,
): Promise<{ ms: number; markers: number; maxRssMb: number }> {
  const run = await timeProcess(process.execPath, [
    '--import',
    REPORT_PEAK_MEMORY,
    cli.path,
    'scan',
    '--json',
    ...(rulesFile === undefined ? [] : ['--rules', rulesFile]),
    path,
  ]);
  if (run?.code !== 0) throw new Error(`lanekit scan failed: ${run?.stderr ?? 'not started'}`);
  const report = JSON.parse(run.stdout) as MarkersReport;
  const rss = /maxrss=(\d+)/.exec(run.stderr);
  return { ms: run.ms, markers: report.total, maxRssMb: Number(rss?.[1] ?? Number.NaN) / 1024 };
}

const dir = mkdtempSync(join(tmpdir(), 'lanekit-bench-markers-'));
try {
  const big = join(dir, 'big.log');
  const small = join(dir, 'small.log');
  const bigBytes = buildLog(big, targetBytes);
  buildLog(small, SMALL_LOG_BYTES);
  const patterns = join(dir, 'patterns.ere');
  const rgPatterns = join(dir, 'patterns.rg');
  writeFileSync(patterns, RULES.map((rule) => toEre(rule.pattern.source)).join('\n') + '\n');
  // ASCII classes, as the rules' own regexes have (no `u` flag): ripgrep's Unicode `\s` and
  // `\w` make its automaton too large for 45 patterns and it falls back to a slow engine.
  writeFileSync(
    rgPatterns,
    RULES.map((rule) => `(?-u)${unanchored(rule.pattern.source)}`).join('\n') + '\n',
  );
  const mib = bigBytes / 1024 ** 2;
  // Warm the page cache so every tool reads from memory.
  spawnSync('cat', [big], { stdio: 'ignore' });

  // Best of RUNS, taken in turns with ripgrep, so a noisy neighbour hurts neither more.
  const ourRuns: Awaited<ReturnType<typeof lanekit>>[] = [];
  const rgRuns: TimedProcess[] = [];
  const userRuleFiles = Object.entries(USER_RULES).map(([what, markers]) => {
    const file = join(dir, `markers-${what.replaceAll(' ', '-')}.yml`);
    writeFileSync(file, markers);
    return { what, file, runs: [] as Awaited<ReturnType<typeof lanekit>>[] };
  });
  for (let run = 0; run < RUNS; run++) {
    ourRuns.push(await lanekit(big));
    for (const user of userRuleFiles) user.runs.push(await lanekit(big, user.file));
    const rgRun = await timeProcess('rg', ['-c', '-f', rgPatterns, big]);
    if (rgRun) rgRuns.push(rgRun);
  }
  const ours = { ...fastest(ourRuns), maxRssMb: Math.max(...ourRuns.map((run) => run.maxRssMb)) };
  const oursSmall = await lanekit(small);
  const grep = await timeProcess('grep', ['-E', '-c', '-f', patterns, big]);
  if (process.env.BENCH_KEEP) console.log(dir);
  const rg = rgRuns.length === 0 ? undefined : fastest(rgRuns);

  const row = (tool: string, ms: number | undefined, count: string, note: string) => [
    tool,
    ms === undefined ? 'n/a' : formatDuration(ms),
    ms === undefined ? '' : `${(mib / (ms / 1000)).toFixed(0)} MiB/s`,
    count,
    note,
  ];
  const rawLines = 'lines matching any pattern, raw';
  console.log(benchHeading('marker-scanner'));
  if (cli.staleNote) console.log(`  ${cli.staleNote}`);
  console.log(
    `  ${mib.toFixed(0)} MiB log from the fixture lines, ${RULES.length} rules (${BUILTIN_PACKS.length} packs)\n`,
  );
  console.log(
    table(
      [
        ['tool', 'time', 'speed', 'count', 'note'],
        row(
          'lanekit scanner',
          ours.ms,
          String(ours.markers),
          `unexplained markers; peak RSS ${ours.maxRssMb.toFixed(0)} MB`,
        ),
        ...userRuleFiles.map((user) => {
          const best = fastest(user.runs);
          return row(
            `lanekit + user rule ${user.what}`,
            best.ms,
            String(best.markers),
            `${(best.ms / ours.ms).toFixed(2)}x the time without it`,
          );
        }),
        row('grep -E -c -f (GNU grep)', grep?.ms, grep?.stdout.trim() ?? '-', rawLines),
        row(
          'rg -c -f (ripgrep)',
          rg?.ms,
          rg?.stdout.trim() ?? '-',
          rg ? rawLines : 'rg not installed',
        ),
      ],
      'lrrrl',
    ),
  );
  console.log(
    `\npeak RSS: ${ours.maxRssMb.toFixed(0)} MB on ${mib.toFixed(0)} MiB, ${oursSmall.maxRssMb.toFixed(0)} MB on ${(SMALL_LOG_BYTES / 1024 ** 2).toFixed(0)} MiB (target < ${MEMORY_TARGET_MB} MB)`,
  );
  const verdicts = [
    grep
      ? `vs grep: ${(grep.ms / ours.ms).toFixed(2)}x grep's speed (target >= 1)`
      : 'grep: not run',
    rg
      ? `vs ripgrep: ${(rg.ms / ours.ms).toFixed(2)}x ripgrep's speed (target >= 0.5)`
      : 'ripgrep: not run',
    `memory: ${ours.maxRssMb < MEMORY_TARGET_MB ? 'met' : 'MISSED'}`,
  ];
  console.log(verdicts.join('\n'));
} finally {
  if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
}
