/**
 * Where the test inputs live. Third-party material (public CI logs, recorded REST responses)
 * stays in the shared fixtures folder beside the repository, which CI also has; logs made on
 * this machine with real tools are the repository's own.
 */
import { join } from 'node:path';
import { ROOT } from './runner.ts';

const SHARED_FIXTURES = join(ROOT, '..', 'shared', 'fixtures');

export const PUBLIC_LOGS = join(SHARED_FIXTURES, 'logs', 'public');
export const RECORDED_API_DIR = join(SHARED_FIXTURES, 'github-api');
export const TOOL_LOGS = join(ROOT, 'test', 'fixtures', 'logs', 'tools');
