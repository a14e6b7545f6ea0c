import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { BUILTIN_PACKS } from '../../src/markers/builtin-packs.ts';
import { CompiledRules } from '../../src/markers/compiled-rules.ts';
import { scanFile } from '../../src/markers/file-scan.ts';
import type { LogScanResult } from '../../src/markers/log-scan.ts';
import { LogScan, MAX_LINE_BYTES } from '../../src/markers/log-scan.ts';
import { PUBLIC_LOGS } from '../harness/fixtures.ts';

const rules = BUILTIN_PACKS.flatMap((pack) => pack.rules);
const compiled = new CompiledRules(rules);
const idOf = (name: string) => rules.findIndex((rule) => rule.id === name);

function scanChunks(data: Buffer, size: number, samples = 3): LogScanResult {
  const scan = new LogScan(compiled, { samples, countLines: true });
  for (let at = 0; at < data.length; at += size) scan.feed(data.subarray(at, at + size));
  return scan.finish();
}

const view = (result: LogScanResult) =>
  [...result.hits].map(([index, hits]) => ({
    rule: rules[index]!.id,
    count: hits.count,
    samples: hits.samples.map(
      (s) => `${s.line}@${s.offset}:${s.text}|${s.step ?? ''}|${s.group ?? ''}`,
    ),
  }));

const dir = await mkdtemp(join(tmpdir(), 'lanekit-log-scan-'));
after(() => rm(dir, { recursive: true, force: true }));

describe('LogScan', () => {
  for (const file of readdirSync(PUBLIC_LOGS).filter((f) => f.endsWith('.log'))) {
    it(`gives the same result for any chunking of ${file}`, async () => {
      const data = readFileSync(join(PUBLIC_LOGS, file));
      const reference = await scanFile(join(PUBLIC_LOGS, file), compiled, 3);
      for (const size of [1, 13, 4096, data.length]) {
        const streamed = scanChunks(data, size);
        assert.deepEqual(view(streamed), view(reference), `chunks of ${size} bytes`);
        assert.equal(
          streamed.lines,
          data.toString('latin1').split('\n').length - (data.at(-1) === 10 ? 1 : 0),
        );
      }
    });
  }

  it('reports a binary file instead of scanning it', () => {
    const data = Buffer.concat([
      Buffer.from('\x7fELF\x02\x01\x01\x00\x00'),
      Buffer.from('Downloaded serde v1.0.0\n'),
    ]);
    const result = scanChunks(data, 64);
    assert.equal(result.binary, true);
    assert.equal(result.hits.size, 0);
  });

  it('scans an empty log and a log without a final newline', () => {
    assert.deepEqual(view(scanChunks(Buffer.alloc(0), 1)), []);
    const result = scanChunks(Buffer.from('  Downloaded serde v1.0.0'), 5);
    assert.deepEqual(view(result), [
      { rule: 'cargo/downloaded', count: 1, samples: ['1@0:  Downloaded serde v1.0.0||'] },
    ]);
  });

  // The timeout guards against a hang; speed is the bench's business.
  it(
    'caps a 100 MB line, reports it, and keeps scanning the lines after it',
    { timeout: 60_000 },
    async () => {
      const path = join(dir, 'long-line.log');
      const marker = '  Downloaded early v1.0.0 ';
      const long = Buffer.alloc(100 * 1024 * 1024, 'x');
      long.write(marker, 0);
      long.write('   Compiling late v1.0.0', long.length - 40);
      await writeFile(
        path,
        Buffer.concat([
          Buffer.from('first\n'),
          long,
          Buffer.from('\n    Updating crates.io index\n'),
        ]),
      );
      const result = await scanFile(path, compiled, 3);
      assert.equal(result.truncatedLines, 1);
      assert.equal(result.truncatedBytes, long.length - MAX_LINE_BYTES);
      assert.equal(result.hits.get(idOf('cargo/compile-third-party')), undefined, 'past the cap');
      assert.equal(result.hits.get(idOf('cargo/index-update'))!.samples[0]!.line, 3);
      const streamed = scanChunks(
        Buffer.concat([
          Buffer.from('first\n'),
          long.subarray(0, MAX_LINE_BYTES * 2),
          Buffer.from('\n    Updating crates.io index\n'),
        ]),
        65536,
      );
      assert.equal(streamed.truncatedLines, 1);
      assert.equal(streamed.truncatedBytes, MAX_LINE_BYTES);
      assert.equal(streamed.hits.get(idOf('cargo/index-update'))!.samples[0]!.line, 3);
    },
  );

  it('tests the rules of every anchor at a position, when one anchor starts another', () => {
    // `Building` (cargo) and `Building wheel` (pip) start at the same byte.
    const result = scanChunks(
      Buffer.from('2026-01-01T00:00:00.0000000Z   Building wheel for pyyaml (pyproject.toml)\n'),
      4096,
    );
    assert.equal(result.hits.get(idOf('pip/build-wheel'))?.count, 1);
  });

  it('attributes markers to the step and the nested group they appeared in', () => {
    const log = [
      '2026-01-01T00:00:00.0000000Z ##[group]Run jdx/mise-action@v2',
      '2026-01-01T00:00:00.0000000Z with:',
      '2026-01-01T00:00:00.0000000Z ##[endgroup]',
      '2026-01-01T00:00:01.0000000Z ##[group]Restoring mise cache',
      '2026-01-01T00:00:01.5000000Z mise cache not found for mise-v0-linux-x64-abc',
      '2026-01-01T00:00:02.0000000Z ##[endgroup]',
      '2026-01-01T00:00:03.0000000Z ##[group]Run cargo build --locked',
      '2026-01-01T00:00:03.0000000Z ##[endgroup]',
      '2026-01-01T00:00:04.0000000Z \x1b[1m\x1b[92m  Downloaded\x1b[0m anyhow v1.0.86',
    ].join('\n');
    assert.deepEqual(view(scanChunks(Buffer.from(log), 7)), [
      {
        rule: 'mise/cache-miss',
        count: 1,
        samples: [
          `5@${log.indexOf('2026-01-01T00:00:01.5')}:mise cache not found for mise-v0-linux-x64-abc|Run jdx/mise-action@v2|Restoring mise cache`,
        ],
      },
      {
        rule: 'cargo/downloaded',
        count: 1,
        samples: [
          `9@${log.lastIndexOf('2026')}:  Downloaded anyhow v1.0.86|Run cargo build --locked|`,
        ],
      },
    ]);
  });

  it('tests each carriage-return segment of a progress line', () => {
    const result = scanChunks(
      Buffer.from('Building [===>  ] 3/9\r   Compiling serde v1.0.200\r\n'),
      4,
    );
    assert.equal(result.hits.get(idOf('cargo/compile-third-party'))?.count, 1);
  });

  it('never counts a workflow-command-looking line as anything but text', () => {
    const result = scanChunks(
      Buffer.from('::add-mask::x\n##[group]::set-env name=A::b\n  Downloaded x v1.0.0\n'),
      3,
    );
    assert.equal(result.hits.get(idOf('cargo/downloaded'))?.samples[0]?.step, undefined);
  });
});

describe('scanFile in two parts', () => {
  it('gives the result of one scan when a worker scans the second half at the same time', async () => {
    // Every fixture log twice, so that step groups, samples and markers straddle the split.
    const logs = readdirSync(PUBLIC_LOGS)
      .filter((f) => f.endsWith('.log'))
      .sort()
      .map((f) => readFileSync(join(PUBLIC_LOGS, f)));
    const path = join(dir, 'two-parts.log');
    await writeFile(path, Buffer.concat([...logs, ...logs]));
    const whole = await scanFile(path, compiled, 1000, Number.POSITIVE_INFINITY);
    const split = await scanFile(path, compiled, 1000, 0);
    assert.deepEqual(view(split), view(whole));
    assert.equal(split.bytes, whole.bytes);
    assert.deepEqual(split.context, whole.context);
    const inSecondHalf = [...split.hits.values()]
      .flatMap((h) => h.samples)
      .filter((sample) => sample.offset > split.bytes / 2);
    assert.ok(
      inSecondHalf.some((sample) => sample.step !== undefined),
      'samples after the split keep their step',
    );
  });
});
