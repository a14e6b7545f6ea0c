const CONNECT_FAILURES = new Map([
  ['ENOTFOUND', 'DNS: no such host'],
  ['EAI_AGAIN', 'DNS: lookup failed, maybe for a moment'],
  ['ECONNREFUSED', 'connection refused'],
  ['ETIMEDOUT', 'connect timed out'],
  ['UND_ERR_CONNECT_TIMEOUT', 'connect timed out'],
  ['ENETUNREACH', 'network unreachable'],
  ['EHOSTUNREACH', 'host unreachable'],
]);

const ANSWER_FAILURES = new Map([
  ['ECONNRESET', 'connection reset'],
  ['EPIPE', 'connection reset'],
  ['UND_ERR_SOCKET', 'connection closed'],
  ['UND_ERR_HEADERS_TIMEOUT', 'timed out waiting for the answer'],
]);

/** OpenSSL's (CERT_HAS_EXPIRED, DEPTH_ZERO_SELF_SIGNED_CERT, EPROTO, ...) and Node's TLS codes. */
const TLS_CODE = /CERT|SSL|TLS|UNABLE_TO_|^EPROTO$/;

/** The reason in an OpenSSL error line (`...:SSL routines:<function>:<reason>:<file>:<line>:`). */
const OPENSSL_REASON = /routines:[^:]*:([^:]+):/;

/** undici's ProxyAgent when the proxy answers its CONNECT with anything but 200. */
const PROXY_REFUSAL = /^Proxy response \((\d+)\)/;

/**
 * Says what failed from the causes undici chains under its TypeError('fetch failed'), or
 * undefined for a failure that is none of these (an abort, an invalid request).
 */
export function connectionFailure(error: unknown, url: string, proxy: string): string | undefined {
  const via = proxy === '' ? '' : ` through proxy ${new URL(proxy).host}`;
  const target = `${new URL(url).host}${via}`;
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    const code = 'code' in cause && typeof cause.code === 'string' ? cause.code : '';
    const connect = CONNECT_FAILURES.get(code);
    if (connect !== undefined) return `could not connect to ${target} (${connect})`;
    const answer = ANSWER_FAILURES.get(code);
    if (answer !== undefined) {
      return `lost the connection to ${target} before an answer (${answer})`;
    }
    if (TLS_CODE.test(code)) {
      const reason = OPENSSL_REASON.exec(cause.message)?.[1] ?? cause.message.trim();
      return `could not connect to ${target} (TLS: ${reason})`;
    }
    const refusal = PROXY_REFUSAL.exec(cause.message);
    if (refusal !== null) {
      return `could not connect to ${target} (the proxy answered ${refusal[1]!})`;
    }
  }
  return undefined;
}
