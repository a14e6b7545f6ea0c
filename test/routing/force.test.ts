import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { forceCause, messageTrailers } from '../../src/routing/force.ts';
import { parseRoutesConfig } from '../../src/routing/routes-config.ts';
import { pullRequestPayload } from '../../src/rehearsal/payloads.ts';

const config = parseRoutesConfig(
  "routes:\n  a:\n    paths: [x]\nforce:\n  labels: ['ci:all']\n  trailers: ['CI-Routes: all']\n",
  'routes.yml',
);

describe('messageTrailers', () => {
  it('reads the Key: value lines of the last paragraph only', () => {
    assert.deepEqual(
      messageTrailers('Subject\n\nBody: not a trailer\n\nCI-Routes: all\nSigned-off-by: A <a@b>\n'),
      [
        { key: 'ci-routes', value: 'all', text: 'CI-Routes: all' },
        { key: 'signed-off-by', value: 'a <a@b>', text: 'Signed-off-by: A <a@b>' },
      ],
    );
  });
});

describe('forceCause', () => {
  const payload = pullRequestPayload({ baseSha: 'a', headSha: 'b', labels: ['bug'] });
  it('is a configured label', () => {
    assert.equal(
      forceCause(
        config,
        pullRequestPayload({ baseSha: 'a', headSha: 'b', labels: ['ci:all'] }),
        [],
      ),
      'label:ci:all',
    );
  });
  it('is a configured trailer, whatever its case', () => {
    assert.equal(forceCause(config, payload, ['fix\n\nci-routes: ALL']), 'trailer:CI-Routes: all');
  });
  it('is nothing for other labels, a trailer in the body, or another value', () => {
    assert.equal(
      forceCause(config, payload, ['fix\n\nCI-Routes: all\n\nthe end', 'x\n\nCI-Routes: docs']),
      undefined,
    );
  });
});
