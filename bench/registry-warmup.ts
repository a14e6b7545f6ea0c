/**
 * registry-warmup benchmark: saving and restoring a dependency cache through the action, beside
 * plain `tar` + `zstd` of the same tree, in the same run.
 *
 * A tree of `--mib` MiB (default 300) is written once, shaped like a package cache: archives of
 * packages (.crate, .tgz: already compressed, so random bytes), index files and sources (text,
 * compressible), sizes spread from hundreds of bytes to megabytes. Then, in turns:
 *   - lanekit: registry-warmup from its bundle (dist/registry-warmup.js) as a job runs it, with
 *     the real @actions/cache against Azurite behind the local Twirp CacheService: `mode: warm`
 *     on a new key (lookup, tar + zstd, upload, finalize) and, after the tree is deleted,
 *     `mode: restore` (lookup, download, unpack). The custom ecosystem's fetch and verify are
 *     `true`, so only the cache work is timed, plus the step's own start-up;
 *   - plain: `tar -cf` of the same tree through `zstd -T0` (what @actions/cache runs) to a file,
 *     then `curl -T` of that file to a blob in the same Azurite through the same proxy; back,
 *     `curl -o` and `tar -x` through `zstd -d`. Local and transfer times are shown apart.
 *   - the protocol's transfer: the same archive moved the way @actions/cache moves one, with no
 *     action around it: up with the Azure SDK in staged blocks (the options saveCache passes;
 *     an archive over 128 MiB is always staged), down with @actions/http-client into a file (what
 *     it does for a blob host that is not *.blob.core.windows.net, as the local one is not).
 * Target: the action at most 25% slower than the plain commands, each way (the overhead of the
 * action itself: its start-up, keys, cache service calls and checks). The protocol's rows show
 * how much of the rest is the transfer @actions/cache makes against this blob store. Each side runs `--runs`
 * times (default 3), in turns, and the best time counts.
 * `node bench/registry-warmup.ts [--mib N] [--runs N]`. Needs GNU tar, zstd and curl
 * (`apt-get install zstd curl`) and a build (`npm run build`).
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { HttpClient } from '@actions/http-client';
import {
  BlobSASPermissions,
  BlockBlobClient,
  generateBlobSASQueryParameters,
} from '@azure/storage-blob';
import { Azurite } from '../src/rehearsal/azurite.ts';
import { CacheService } from '../src/rehearsal/cache-service.ts';
import { runAction } from '../src/rehearsal/runner.ts';
import { requireBundle } from './lib/bundle.ts';
import { formatDuration, formatInt } from './lib/format.ts';
import { benchHeading } from './lib/heading.ts';
import { pickWeighted, prng } from './lib/prng.ts';
import { table } from './lib/table.ts';
import { fastest } from './lib/timed.ts';
import { timeProcess } from './lib/timed-process.ts';

const OVERHEAD_TARGET = 0.25;
const STEP_TIMEOUT_MS = 600_000;
const MIB = 1024 * 1024;
/** What @actions/cache 6.3 saveCache passes to the Azure SDK's uploadFile (cache.js, uploadUtils.js). */
const CACHE_UPLOAD = { blockSize: 64 * MIB, concurrency: 8, maxSingleShotSize: 128 * MIB };

const { values } = parseArgs({
  options: { mib: { type: 'string', default: '300' }, runs: { type: 'string', default: '3' } },
});
const targetBytes = Math.round(Number(values.mib) * MIB);
const runs = Number(values.runs);
const bundle = requireBundle('registry-warmup.js');
for (const tool of ['zstd', 'tar', 'curl']) {
  if (spawnSync(tool, ['--version'], { stdio: 'ignore' }).status !== 0) {
    console.error(`${tool} is missing: apt-get install ${tool}, then rerun the benchmark.`);
    process.exit(1);
  }
}

type FileKind = 'archive' | 'index' | 'source';

/** Weight, smallest and largest size of each kind of file. */
const KINDS: readonly (readonly [number, { kind: FileKind; min: number; max: number }])[] = [
  [3, { kind: 'archive', min: 4 * 1024, max: MIB }],
  [5, { kind: 'index', min: 300, max: 64 * 1024 }],
  [6, { kind: 'source', min: 1024, max: MIB / 2 }],
];
const LETTERS = 'abcdefghijklmnopqrstuvwxyz_';
const wordRandom = prng(7);
const WORDS = Array.from({ length: 4096 }, () =>
  Array.from(
    { length: 2 + Math.floor(wordRandom() * 9) },
    () => LETTERS[Math.floor(wordRandom() * LETTERS.length)]!,
  ).join(''),
);

/** Text of `size` bytes: words of a 4,096-word vocabulary, as sources and index lines compress. */
function text(random: () => number, size: number): Buffer {
  const out = Buffer.allocUnsafe(size);
  let at = 0;
  while (at < size) {
    const word = WORDS[Math.floor(random() * WORDS.length)]!;
    at += out.write(random() < 0.1 ? `${word}\n` : `${word} `, at);
  }
  return out;
}

/** `size` bytes that do not compress, as a package archive. */
function incompressible(random: () => number, size: number): Buffer {
  const out = Buffer.allocUnsafe(size + 3);
  for (let at = 0; at < size; at += 4) out.writeUInt32LE((random() * 2 ** 32) >>> 0, at);
  return out.subarray(0, size);
}

/** Writes the tree under `dir`; returns its file count and bytes. */
function buildTree(dir: string, bytes: number): { files: number; bytes: number } {
  const random = prng(12);
  let written = 0;
  let files = 0;
  while (written < bytes) {
    const { kind, min, max } = pickWeighted(random, KINDS);
    const size = Math.round(min * (max / min) ** random());
    const sub = join(dir, kind, (files % 256).toString(16).padStart(2, '0'));
    mkdirSync(sub, { recursive: true });
    const content = kind === 'archive' ? incompressible(random, size) : text(random, size);
    writeFileSync(join(sub, `${kind}-${files}${kind === 'archive' ? '.crate' : '.txt'}`), content);
    written += size;
    files++;
  }
  return { files, bytes: written };
}

/** Files and bytes under `dir`, to check that a restore brought the whole tree back. */
function treeSize(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}

/**
 * Writes the page cache still holds go to disk first, so that a timed part does not pay for the
 * hundreds of MiB the part before it wrote (extracting after a large write took 2-3x as long).
 */
const settle = () => spawnSync('sync');

async function elapsedMs(run: () => Promise<unknown>): Promise<number> {
  settle();
  const started = performance.now();
  await run();
  return performance.now() - started;
}

async function timedCommand(command: string, args: readonly string[]): Promise<number> {
  settle();
  const run = await timeProcess(command, args);
  if (run?.code !== 0)
    throw new Error(`${command} ${args.join(' ')} failed: ${run?.stderr ?? 'not started'}`);
  return run.ms;
}

/** A signed URL (read, create, write) for a blob of the service's container, through its proxy. */
function signedBlobUrl(service: CacheService, blobName: string): string {
  const sas = generateBlobSASQueryParameters(
    {
      containerName: service.container.containerName,
      blobName,
      permissions: BlobSASPermissions.parse('rcw'),
      expiresOn: new Date(Date.now() + 3600_000),
    },
    service.azurite.credential,
  );
  return service.blobs.rewrite(
    `${service.container.getBlobClient(blobName).url}?${sas.toString()}`,
  );
}

const root = mkdtempSync(join(tmpdir(), 'lanekit-bench-warmup-'));
try {
  // One machine layout for every job, as on GitHub: the cache restores to the same paths.
  const home = join(root, 'home');
  const tree = join(home, 'deps');
  const workspace = join(root, 'work');
  mkdirSync(workspace, { recursive: true });
  writeFileSync(join(workspace, 'deps.lock'), 'bench\n');
  const built = buildTree(tree, targetBytes);
  const archive = join(root, 'baseline.tar.zst');
  const downloaded = join(root, 'downloaded.tar.zst');
  const extracted = join(root, 'extracted');

  const step = async (service: CacheService, mode: 'warm' | 'restore', prefix: string) => {
    settle();
    const result = await runAction('registry-warmup', {
      inputs: {
        mode,
        ecosystem: 'custom',
        prefix,
        paths: '~/deps',
        'key-files': 'deps.lock',
        fetch: 'true',
        verify: 'true',
        summary: 'false',
      },
      workspace,
      env: { ...service.env({ job: `${mode}-${prefix}` }), HOME: home },
      timeoutMs: STEP_TIMEOUT_MS,
    });
    if (result.exitCode !== 0) throw new Error(`${mode} failed:\n${result.stdout}${result.stderr}`);
    return result;
  };

  const timings = {
    warm: [] as number[],
    restore: [] as number[],
    tar: [] as number[],
    upload: [] as number[],
    download: [] as number[],
    untar: [] as number[],
    stagedUpload: [] as number[],
    clientDownload: [] as number[],
  };
  let archiveBytes = 0;
  let entryBytes = 0;
  /** What @actions/cache said of its transfers in the last run: where the action's time went. */
  let transferLines: string[] = [];
  for (let run = 0; run < runs; run++) {
    // A new Azurite each run: it keeps archives in memory and frees deleted ones only later;
    // room for the action's entry and the two baseline copies.
    const azurite = await Azurite.start({ memoryLimitMiB: Math.ceil((4 * targetBytes) / MIB) });
    const service = await CacheService.start({ azurite });
    try {
      const prefix = `bench-${run}`;
      const warmed = await step(service, 'warm', prefix);
      if (warmed.outputs.populated !== 'true' || service.entries().length !== 1) {
        throw new Error(`warm ${prefix}: nothing saved:\n${warmed.stdout}`);
      }
      timings.warm.push(warmed.durationMs);
      entryBytes = service.entries()[0]!.sizeBytes;
      rmSync(tree, { recursive: true });
      const restored = await step(service, 'restore', prefix);
      if (restored.outputs['cache-hit'] !== 'true') throw new Error(`restore ${prefix}: a miss`);
      timings.restore.push(restored.durationMs);
      transferLines = (warmed.stdout + restored.stdout)
        .split('\n')
        .filter((line) => /^(?:Sent|Received) .*MBs\/sec|^Cache (?:Size|restored)/.test(line));
      const back = treeSize(tree);
      if (back.files !== built.files || back.bytes !== built.bytes) {
        throw new Error(`restore ${prefix}: ${back.files} files, ${back.bytes} bytes came back`);
      }

      const blobUrl = signedBlobUrl(service, 'baseline.tar.zst');
      timings.tar.push(
        await timedCommand('tar', [
          '--posix',
          '-I',
          'zstd -T0',
          '-cf',
          archive,
          '-C',
          home,
          'deps',
        ]),
      );
      archiveBytes = statSync(archive).size;
      const put = ['-sSf', '-X', 'PUT', '-H', 'x-ms-blob-type: BlockBlob', '-T', archive, blobUrl];
      timings.upload.push(await timedCommand('curl', put));
      timings.download.push(await timedCommand('curl', ['-sSf', '-o', downloaded, blobUrl]));
      rmSync(extracted, { recursive: true, force: true });
      mkdirSync(extracted);
      timings.untar.push(
        await timedCommand('tar', ['-I', 'zstd -d -T0', '-xf', downloaded, '-C', extracted]),
      );
      const staged = signedBlobUrl(service, 'baseline-staged.tar.zst');
      timings.stagedUpload.push(
        await elapsedMs(() => new BlockBlobClient(staged).uploadFile(archive, CACHE_UPLOAD)),
      );
      timings.clientDownload.push(
        await elapsedMs(async () => {
          const response = await new HttpClient('bench').get(staged);
          await pipeline(response.message, createWriteStream(downloaded));
        }),
      );
    } finally {
      await service.close();
      await azurite.close();
    }
  }

  const best = (ms: readonly number[]) => fastest(ms.map((value) => ({ ms: value }))).ms;
  const rows = [
    ['', 'registry-warmup', 'tar + zstd', 'transfer', 'plain total', 'overhead', 'target <= 25%'],
    ...(
      [
        ['save (warm, new key)', timings.warm, timings.tar, timings.upload],
        ['restore', timings.restore, timings.untar, timings.download],
        ['save, protocol transfer', timings.warm, timings.tar, timings.stagedUpload],
        ['restore, protocol transfer', timings.restore, timings.untar, timings.clientDownload],
      ] as const
    ).map(([what, ours, local, transfer]) => {
      // Best of each part: the plain total is the quickest it has been.
      const plain = best(local) + best(transfer);
      const overhead = best(ours) / plain - 1;
      return [
        what,
        formatDuration(best(ours)),
        formatDuration(best(local)),
        formatDuration(best(transfer)),
        formatDuration(plain),
        `${(overhead * 100).toFixed(1)}%`,
        overhead <= OVERHEAD_TARGET ? 'met' : 'MISSED',
      ];
    }),
  ];
  console.log(benchHeading('registry-warmup'));
  if (bundle.staleNote) console.log(bundle.staleNote);
  console.log(
    `tree: ${formatInt(built.files)} files, ${(built.bytes / MIB).toFixed(1)} MiB; ` +
      `archive: ${(archiveBytes / MIB).toFixed(1)} MiB with tar + zstd, ` +
      `${(entryBytes / MIB).toFixed(1)} MiB saved by the action; best of ${runs}`,
  );
  console.log(table(rows, 'lrrrrrl'));
  console.log(`@actions/cache, last run:\n${transferLines.map((line) => `  ${line}`).join('\n')}`);
  console.log(
    `all runs, ms: ${Object.entries(timings)
      .map(([what, ms]) => `${what} ${ms.map(Math.round).join(' ')}`)
      .join('; ')}`,
  );
} finally {
  rmSync(root, { recursive: true, force: true });
}
