import { ServiceError } from '../runner/errors.ts';

const PERMISSION_HINTS: Record<number, string> = {
  401: 'the token is missing or expired',
  403: 'the token lacks a permission this call needs (see the action README for the least permissions)',
  404: 'not found, or not visible to this token',
};

/**
 * Turns an Octokit RequestError into a ServiceError that says which call failed and why: the
 * status GitHub answered, or, when no answer came, what the connection did instead (Octokit
 * reports a failed fetch as a 500 without a response).
 */
export async function apiCall<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof Error && 'status' in error && typeof error.status === 'number') {
      if (!('response' in error) || error.response === undefined) {
        throw new ServiceError(`GitHub API ${what}: ${error.message}`, { cause: error });
      }
      const hint = PERMISSION_HINTS[error.status];
      throw new ServiceError(
        `GitHub API ${what} answered ${error.status}: ${error.message}${hint ? ` (${hint})` : ''}`,
        { cause: error },
      );
    }
    throw error;
  }
}
