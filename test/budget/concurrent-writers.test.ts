/**
 * 16 processes append to one record file at once, in each language a step may use: every line
 * lands whole and is counted. Line sizes run up to the 4096-byte limit, where a write split in
 * two would show as a torn line (and fail the parse) rather than as a lower count.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { MAX_RECORD_LINE_BYTES } from '../../src/budget/record.ts';
import { parseRecordFile } from '../../src/budget/record-file.ts';

const WRITERS = 16;
const LINES = 120;
/** Padding per line: cycles from none to a line of exactly MAX_RECORD_LINE_BYTES. */
const PAD_CYCLE = 7;
const LINE_FRAME = Buffer.byteLength('{"operation":"deploy","name":"w00-000","detail":""}\n');
const MAX_PAD = MAX_RECORD_LINE_BYTES - LINE_FRAME;

const dir = mkdtempSync(join(tmpdir(), 'lanekit-budget-writers-'));
after(() => {
  rmSync(dir, { recursive: true, force: true });
});

// Each writer gets: the file, its number, the line count, the pad cycle and the largest pad.
const WRITER_ARGS = (file: string, writer: number) => [
  file,
  String(writer).padStart(2, '0'),
  String(LINES),
  String(PAD_CYCLE),
  String(MAX_PAD),
];

const SHELL = `
file=$1 w=$2 n=$3 cycle=$4 max=$5 i=0
while [ "$i" -lt "$n" ]; do
  pad=$(( max * (i % cycle) / (cycle - 1) ))
  detail=$(printf "%\${pad}s" "" | tr ' ' x)
  printf '{"operation":"deploy","name":"w%s-%03d","detail":"%s"}\\n' "$w" "$i" "$detail" >> "$file"
  i=$((i + 1))
done`;

const PYTHON = `
import sys
file, w, n, cycle, top = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
with open(file, "a", encoding="utf-8") as out:
    for i in range(n):
        pad = top * (i % cycle) // (cycle - 1)
        out.write('{"operation":"deploy","name":"w%s-%03d","detail":"%s"}\\n' % (w, i, "x" * pad))
        out.flush()
`;

const NODE = `
const { appendFileSync } = require('node:fs');
const [file, w, n, cycle, top] = process.argv.slice(1);
for (let i = 0; i < Number(n); i++) {
  const pad = Math.floor((Number(top) * (i % Number(cycle))) / (Number(cycle) - 1));
  const name = 'w' + w + '-' + String(i).padStart(3, '0');
  appendFileSync(file, JSON.stringify({ operation: 'deploy', name, detail: 'x'.repeat(pad) }) + '\\n');
}`;

const languages: Record<string, (file: string, writer: number) => [string, string[]]> = {
  'sh (printf >>)': (file, w) => ['sh', ['-c', SHELL, 'sh', ...WRITER_ARGS(file, w)]],
  'python3 (open a, write, flush)': (file, w) => [
    'python3',
    ['-c', PYTHON, ...WRITER_ARGS(file, w)],
  ],
  'node (appendFileSync)': (file, w) => [process.execPath, ['-e', NODE, ...WRITER_ARGS(file, w)]],
};

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`${command} exited ${String(code)}: ${stderr}`));
    });
  });
}

describe(`${WRITERS} parallel writers appending to one record file`, () => {
  for (const [language, command] of Object.entries(languages)) {
    it(`${language}: all ${WRITERS * LINES} lines counted, each once, none torn`, async () => {
      const file = join(dir, `${language.split(' ')[0]!}.jsonl`);
      await Promise.all(Array.from({ length: WRITERS }, (_, w) => run(...command(file, w))));
      const bytes = readFileSync(file);
      const records = parseRecordFile(bytes, file, 'writers');
      assert.equal(records.length, WRITERS * LINES);
      const names = new Set(records.map((record) => record.name));
      assert.equal(names.size, WRITERS * LINES, 'every line is a different record');
      const longest = Math.max(
        ...bytes
          .toString()
          .split('\n')
          .map((l) => Buffer.byteLength(l) + 1),
      );
      assert.equal(longest, MAX_RECORD_LINE_BYTES, 'lines reach the limit');
    });
  }
});
