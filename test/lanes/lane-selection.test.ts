import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { requestedLanes, selectLanes } from '../../src/lanes/lane-selection.ts';
import { parseLanesConfig } from '../../src/lanes/lanes-config.ts';
import type { Trust } from '../../src/lanes/trust.ts';
import { eventTrust } from '../../src/lanes/trust.ts';
import { ConfigurationError } from '../../src/runner/errors.ts';
import { pullRequestPayload, pushPayload } from '../../src/rehearsal/payloads.ts';

const config = parseLanesConfig(
  `default: github
lanes:
  github: { runs-on: ubuntu-24.04, hosted: true }
  arm: { runs-on: ubuntu-24.04-arm, hosted: true, required: false }
  velnor: { runs-on: [self-hosted, velnor], hosted: false, required: false }
`,
  '.github/lanekit/lanes.yml',
);
const names = (lanes: readonly { name: string }[]) => lanes.map((l) => l.name);
const trusted: Trust = { trusted: true, reason: 'push runs code from the repository itself' };
const fork: Trust = { trusted: false, reason: 'pull request #7 comes from the fork a/b' };

describe('requestedLanes', () => {
  const cases: { input: string | undefined; lanes: string[] }[] = [
    { input: undefined, lanes: ['github'] },
    { input: '', lanes: ['github'] },
    { input: 'default', lanes: ['github'] },
    { input: 'both', lanes: ['github', 'arm', 'velnor'] },
    { input: 'ALL', lanes: ['github', 'arm', 'velnor'] },
    { input: 'velnor', lanes: ['velnor'] },
    { input: 'velnor, default', lanes: ['github', 'velnor'] },
    { input: 'velnor,arm,velnor', lanes: ['arm', 'velnor'] },
    { input: 'velnor\narm', lanes: ['arm', 'velnor'] },
  ];
  for (const c of cases) {
    it(`${JSON.stringify(c.input)} asks for ${c.lanes.join(', ')}`, () => {
      assert.deepEqual(names(requestedLanes(c.input, config)), c.lanes);
    });
  }

  it('rejects an unknown lane, naming the input and the lanes there are', () => {
    assert.throws(
      () => requestedLanes('github, velnorr', config),
      new ConfigurationError(
        "lanes: got 'velnorr', expected default, both, all, or a comma list of the lanes of .github/lanekit/lanes.yml: github|arm|velnor",
      ),
    );
  });
});

describe('selectLanes', () => {
  it('keeps what a trusted event asks for', () => {
    const selection = selectLanes(config, requestedLanes('both', config), trusted);
    assert.deepEqual(names(selection.lanes), ['github', 'arm', 'velnor']);
    assert.deepEqual(selection.dropped, []);
    assert.equal(selection.notice, undefined);
  });

  it('keeps an untrusted event on hosted lanes, saying which lanes it dropped and why', () => {
    const selection = selectLanes(config, requestedLanes('both', config), fork);
    assert.deepEqual(names(selection.lanes), ['github', 'arm']);
    assert.deepEqual(names(selection.dropped), ['velnor']);
    assert.equal(
      selection.notice,
      'Untrusted event (pull request #7 comes from the fork a/b): hosted lanes only, so velnor will not run',
    );
  });

  const forkPull = pullRequestPayload({
    baseSha: 'a'.repeat(40),
    headSha: 'b'.repeat(40),
    fork: true,
  });
  const push = pushPayload({ before: 'a'.repeat(40), after: 'b'.repeat(40) });
  for (const [event, what, payload] of [
    ['frobnicate', 'a fork pull request', forkPull],
    ['frobnicate', 'a push', push],
    ['', 'a push', push],
    ['Pull_Request', 'a fork pull request', forkPull],
    ['Push', 'a push', push],
    ['workflow_run', 'a push', push],
  ] as const) {
    it(`keeps both (asked for) to hosted lanes on the event ${JSON.stringify(event)} with ${what}`, () => {
      const selection = selectLanes(
        config,
        requestedLanes('both', config),
        eventTrust(event, payload),
      );
      assert.deepEqual(names(selection.lanes), ['github', 'arm']);
      assert.deepEqual(names(selection.dropped), ['velnor']);
      assert.match(
        selection.notice ?? '',
        /^Untrusted event \(.+\): hosted lanes only, so velnor will not run$/,
      );
    });
  }

  it('says nothing when an untrusted event asked only for hosted lanes', () => {
    const selection = selectLanes(config, requestedLanes('default', config), fork);
    assert.deepEqual(names(selection.lanes), ['github']);
    assert.equal(selection.notice, undefined);
  });

  it('runs the default hosted lane when trust leaves nothing of what was asked', () => {
    const selection = selectLanes(config, requestedLanes('velnor', config), fork);
    assert.deepEqual(names(selection.lanes), ['github']);
    assert.match(
      selection.notice ?? '',
      /none of the lanes asked for \(velnor\) is hosted, so the hosted lane github runs instead/,
    );
  });

  it('falls back to the first hosted lane when the default lane is not hosted', () => {
    const selfHostedDefault = parseLanesConfig(
      'default: velnor\nlanes:\n  velnor: { runs-on: [self-hosted], hosted: false }\n  github: { runs-on: ubuntu-24.04, hosted: true }\n',
      'f',
    );
    const selection = selectLanes(selfHostedDefault, requestedLanes('', selfHostedDefault), fork);
    assert.deepEqual(names(selection.lanes), ['github']);
  });

  it('fails when an untrusted event finds no hosted lane at all', () => {
    const selfHostedOnly = parseLanesConfig(
      'lanes:\n  velnor: { runs-on: [self-hosted], hosted: false }\n',
      'lanes.yml',
    );
    assert.throws(
      () => selectLanes(selfHostedOnly, requestedLanes('', selfHostedOnly), fork),
      /lanes: lanes\.yml has no lane with hosted: true, and this event is untrusted \(pull request #7 comes from the fork a\/b\)/,
    );
  });
});
