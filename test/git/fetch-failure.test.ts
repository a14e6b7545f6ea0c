import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FetchFailure } from '../../src/git/fetch-failure.ts';
import { classifyFetchFailure, describeFetchFailure } from '../../src/git/fetch-failure.ts';

describe('classifyFetchFailure: what git said, in the C locale', () => {
  const cases: [FetchFailure['kind'], string][] = [
    [
      'authentication',
      "fatal: could not read Username for 'https://github.com': terminal prompts disabled",
    ],
    ['authentication', "fatal: Authentication failed for 'https://github.com/o/r.git/'"],
    [
      'authentication',
      "remote: Repository not found.\nfatal: repository 'https://github.com/o/private.git/' not found",
    ],
    [
      'authentication',
      "fatal: unable to access 'https://github.com/o/r.git/': The requested URL returned error: 403",
    ],
    [
      'authentication',
      'error: RPC failed; HTTP 401 curl 22 The requested URL returned error: 401\nfatal: expected flush after ref listing',
    ],
    [
      'authentication',
      'git@github.com: Permission denied (publickey).\nfatal: Could not read from remote repository.',
    ],
    ['missing', 'fatal: remote error: upload-pack: not our ref ' + 'f'.repeat(40)],
    ['missing', "fatal: couldn't find remote ref refs/heads/gone"],
    ['missing', 'error: Server does not allow request for unadvertised object ' + 'a'.repeat(40)],
    [
      'network',
      "fatal: unable to access 'https://github.com/o/r.git/': Could not resolve host: github.com",
    ],
    [
      'network',
      "fatal: unable to access 'https://github.com/o/r.git/': Failed to connect to github.com port 443 after 2 ms: Couldn't connect to server",
    ],
    [
      'network',
      "fatal: unable to access 'https://github.com/o/r.git/': Operation timed out after 300000 milliseconds",
    ],
    [
      'network',
      "fatal: unable to access 'https://proxy.example/': Could not resolve proxy: proxy.example",
    ],
    ['network', "fatal: unable to access 'https://github.com/o/r.git/': SSL certificate problem"],
    ['network', 'fatal: the remote end hung up unexpectedly\nfatal: early EOF'],
    [
      'network',
      "fatal: '/gone' does not appear to be a git repository\nfatal: Could not read from remote repository.",
    ],
    ['other', 'fatal: shallow file has changed since we read it'],
    ['other', ''],
  ];
  for (const [kind, stderr] of cases) {
    it(`tells ${kind} from ${JSON.stringify(stderr.split('\n').at(-1)).slice(0, 70)}`, () => {
      assert.equal(classifyFetchFailure(stderr, false).kind, kind);
    });
  }

  it("quotes git's first error line, with no credentials from a URL", () => {
    const failure = classifyFetchFailure(
      "warning: redirecting\nfatal: unable to access 'https://x-access-token:ghs_secret@github.com/o/r.git/': The requested URL returned error: 401",
      true,
    );
    assert.equal(
      failure.detail,
      "fatal: unable to access 'https://github.com/o/r.git/': The requested URL returned error: 401",
    );
    assert.ok(!describeFetchFailure(failure).includes('ghs_secret'));
  });

  const fixes: [FetchFailure, RegExp[]][] = [
    [
      { kind: 'authentication', detail: 'd', withToken: false },
      [
        /^origin asked for credentials and there were none \(d\)/,
        /persist-credentials: true/,
        /token input/,
        /fetch-depth: 0/,
      ],
    ],
    [
      { kind: 'authentication', detail: 'd', withToken: true },
      [
        /^origin refused the token input too \(d\)/,
        /GITHUB_SERVER_URL only/,
        /contents: read/,
        /fetch-depth: 0/,
      ],
    ],
    [
      { kind: 'network', detail: 'd', withToken: false },
      [/^origin could not be reached \(d\)/, /fetch-depth: 0/],
    ],
    [
      { kind: 'missing', detail: 'd', withToken: false },
      [/^origin does not have it \(d\)/, /force push or a deleted branch/, /base and head inputs/],
    ],
    [
      { kind: 'other', detail: 'd', withToken: false },
      [/^git fetch failed \(d\)/, /fetch-depth: 0/],
    ],
  ];
  for (const [failure, patterns] of fixes) {
    it(`names the fix for ${failure.kind}${failure.withToken ? ' with the token' : ''}`, () => {
      const text = describeFetchFailure(failure);
      for (const pattern of patterns) assert.match(text, pattern);
    });
  }
});
