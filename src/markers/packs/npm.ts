import { definePack } from '../rule.ts';

export const npm = definePack(
  'npm',
  'npm installs',
  [
    {
      id: 'npm/cache-miss',
      category: 'download',
      description: 'npm fetched a package from the registry, not from its cache (--loglevel http)',
      pattern: /^npm (?:http|verb) fetch GET \d{3} \S+ \d+ms \(cache miss\)/,
      anchors: ['cache miss'],
    },
    {
      id: 'npm/retry',
      category: 'network-error',
      description: 'npm retried a request',
      pattern: /^npm (?:WARN|warn) retry will retry/,
      anchors: ['will retry'],
    },
    {
      id: 'npm/network-error',
      category: 'network-error',
      description: 'npm failed on the network',
      pattern:
        /^npm (?:ERR!|error) (?:code )?(?:ETIMEDOUT|ECONNRESET|ECONNREFUSED|EAI_AGAIN|ENOTFOUND|ENETUNREACH|network)\b/,
      anchors: ['npm ERR!', 'npm error'],
    },
  ],
  {
    readable: {
      pattern: /^npm (?:http|verb) (?:fetch|cache) .*\(cache [a-z]+\)/,
      anchors: ['(cache '],
    },
    ran: {
      pattern:
        /^(?:(?:added|removed|changed) \d+ packages?\b|up to date\b|npm (?:ci|install)(?:\s|$))/,
      // Not `added` or `changed`: words that common slow every scan.
      anchors: ['packages in', 'package in', 'audited', 'up to date', 'npm ci', 'npm install'],
    },
    hint: 'npm prints no fetches at its default log level: run it with `--loglevel http` (or set `npm_config_loglevel: http` in the step env)',
  },
);
