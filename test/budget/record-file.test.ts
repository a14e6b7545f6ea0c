import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_RECORD_LINE_BYTES, recordLine } from '../../src/budget/record.ts';
import { MalformedRecords, parseRecordFile } from '../../src/budget/record-file.ts';

const parse = (text: string | Buffer) =>
  parseRecordFile(
    Buffer.isBuffer(text) ? text : Buffer.from(text),
    'records.jsonl',
    'deploy-tests',
  );

function problemsOf(text: string | Buffer): readonly string[] {
  try {
    parse(text);
  } catch (error) {
    if (error instanceof MalformedRecords) return error.problems;
    throw error;
  }
  assert.fail('the file was accepted');
}

describe('parseRecordFile', () => {
  it('reads each line with its job, file and line number; counted defaults to true', () => {
    const text =
      '{"operation":"deploy","name":"app","time":"2026-05-31T05:38:00Z"}\n' +
      '\n' +
      '{"operation":"deploy","name":"keycloak","counted":false,"detail":{"why":"promotion"}}\r\n';
    assert.deepEqual(parse(text), [
      {
        operation: 'deploy',
        name: 'app',
        counted: true,
        time: '2026-05-31T05:38:00Z',
        detail: undefined,
        job: 'deploy-tests',
        source: 'records.jsonl',
        line: 1,
      },
      {
        operation: 'deploy',
        name: 'keycloak',
        counted: false,
        time: undefined,
        detail: { why: 'promotion' },
        job: 'deploy-tests',
        source: 'records.jsonl',
        line: 3,
      },
    ]);
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    assert.equal(parse(bom).length, 2, 'a BOM (PowerShell Out-File) is not a problem');
    assert.deepEqual(parse(''), []);
  });

  it('fails on every malformed line with its file and line number', () => {
    const good = '{"operation":"deploy","name":"app"}\n';
    const text = [
      good,
      '{"operation":"deploy","name":"app"\n', // cut short
      '{"operation":"deploy","na{"operation":"deploy","name":"b"}\n', // two writes interleaved
      '{"operation":"Deploy"}\n',
      '{"operation":"deploy","count":2}\n',
      '{"operation":"deploy","counted":"no"}\n',
      '{"operation":"deploy","time":"yesterday"}\n',
      '[1]\n',
      good,
      '{"operation":"deploy"}', // no newline: a writer cut off
    ].join('');
    assert.deepEqual(
      problemsOf(text).map((p) => p.replace(/: .*/, '')),
      [2, 3, 4, 5, 6, 7, 8, 10].map((n) => `records.jsonl:${n}`),
    );
    const problems = problemsOf(text);
    assert.match(problems[0]!, /^records\.jsonl:2: not a JSON line: /);
    assert.match(
      problems[3]!,
      /unknown key 'count', expected operation, name, counted, time, detail/,
    );
    assert.match(problems[7]!, /the last line has no newline/);
    assert.throws(
      () => parse(text),
      /^MalformedRecords: malformed record line records\.jsonl:2: not a JSON line: .* \(and 7 more\); no count is made from a corrupt record$/,
    );
  });

  it(`refuses a line over ${MAX_RECORD_LINE_BYTES} bytes, which parallel writers may tear`, () => {
    const line = (size: number) => {
      const base = '{"operation":"deploy","detail":""}\n';
      return `{"operation":"deploy","detail":"${'x'.repeat(size - base.length)}"}\n`;
    };
    assert.equal(Buffer.byteLength(line(MAX_RECORD_LINE_BYTES)), MAX_RECORD_LINE_BYTES);
    assert.equal(parse(line(MAX_RECORD_LINE_BYTES)).length, 1);
    assert.match(
      problemsOf(line(MAX_RECORD_LINE_BYTES + 1))[0]!,
      /^records\.jsonl:1: 4097 bytes, over the 4096-byte line limit/,
    );
  });

  it('reads back what recordLine writes, and recordLine refuses an overlong record', () => {
    const record = {
      operation: 'image-push',
      name: 'web',
      counted: true,
      time: undefined,
      detail: [1],
    };
    assert.deepEqual(parse(recordLine(record))[0], {
      ...record,
      job: 'deploy-tests',
      source: 'records.jsonl',
      line: 1,
    });
    assert.throws(
      () => recordLine({ ...record, detail: 'x'.repeat(MAX_RECORD_LINE_BYTES) }),
      /over the 4096-byte line limit \(shorten detail\)/,
    );
  });
});
