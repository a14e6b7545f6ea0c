/**
 * A token as actions/checkout hands it to git: an `AUTHORIZATION: basic` header for requests to
 * the GitHub server only (`http.<server>/.extraheader`), so that no other host ever sees it.
 * Passed through the environment (see GitOptions.secretConfig), never argv or logs. The empty
 * value first drops any header the checkout's config holds: two would be refused.
 */
export function tokenCredentials(
  token: string,
  serverUrl: string,
): readonly (readonly [key: string, value: string])[] {
  const basic = Buffer.from(`x-access-token:${token}`, 'utf8').toString('base64');
  const key = `http.${new URL(serverUrl).origin}/.extraheader`;
  return [
    [key, ''],
    [key, `AUTHORIZATION: basic ${basic}`],
  ];
}
