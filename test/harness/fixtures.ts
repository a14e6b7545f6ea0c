/**
 * Where the test inputs live, all inside the repository so that a plain clone runs every test:
 * third-party material (public CI logs, recorded REST responses; see the README in each folder
 * for its source) and logs made with real tools on a development machine.
 */
import { join } from 'node:path';
import { ROOT } from '../../src/rehearsal/runner.ts';

const FIXTURES = join(ROOT, 'test', 'fixtures');

export const PUBLIC_LOGS = join(FIXTURES, 'logs', 'public');
export const RECORDED_API_DIR = join(FIXTURES, 'github-api');
export const TOOL_LOGS = join(FIXTURES, 'logs', 'tools');
