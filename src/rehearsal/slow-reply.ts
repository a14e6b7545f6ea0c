import { setTimeout as sleep } from 'node:timers/promises';

/** Waits `ms` before a fake server answers; false when the server closed meanwhile. */
export async function waitUnlessClosed(ms: number, closing: AbortSignal): Promise<boolean> {
  try {
    await sleep(ms, undefined, { signal: closing });
    return true;
  } catch {
    return false;
  }
}
