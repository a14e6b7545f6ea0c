import { ConfigurationError } from '../runner/errors.ts';
import type { EventPayload } from './event.ts';

/** What a field of the payload must be, when it is there at all. */
type Shape =
  | 'string'
  | 'number'
  | 'boolean'
  | { readonly object: Readonly<Record<string, Shape>>; readonly required?: readonly string[] }
  | { readonly list: Shape }
  | { readonly nullable: Shape };

const message = { object: { message: 'string' } } as const;
const repo = { nullable: { object: { full_name: 'string' } } } as const;
const branch: Shape = { object: { sha: 'string', ref: 'string', repo }, required: ['sha', 'ref'] };

/** The fields lanekit reads, as `EventPayload` types them. */
const PAYLOAD: Shape = {
  object: {
    before: 'string',
    after: 'string',
    created: 'boolean',
    deleted: 'boolean',
    forced: 'boolean',
    ref: 'string',
    head_commit: { nullable: message },
    commits: { list: message },
    pull_request: {
      object: {
        number: 'number',
        changed_files: 'number',
        base: branch,
        head: branch,
        labels: { list: { object: { name: 'string' }, required: ['name'] } },
      },
      required: ['number', 'base', 'head'],
    },
    merge_group: {
      object: {
        base_sha: 'string',
        head_sha: 'string',
        base_ref: 'string',
        head_commit: message,
      },
      required: ['base_sha', 'head_sha'],
    },
    repository: { object: { default_branch: 'string', full_name: 'string' } },
  },
};

const kind = (value: unknown) =>
  value === null
    ? 'null'
    : Array.isArray(value)
      ? 'a list'
      : typeof value === 'object'
        ? 'an object'
        : `a ${typeof value}`;

function describe(shape: Shape): string {
  if (typeof shape === 'string') return `a ${shape}`;
  if ('list' in shape) return 'a list';
  if ('nullable' in shape) return `${describe(shape.nullable)} or null`;
  return 'an object';
}

/** The first field at `path` whose value is not what `shape` says, as a message. */
function problem(value: unknown, shape: Shape, path: string): string | undefined {
  if (typeof shape === 'string') {
    return typeof value === shape
      ? undefined
      : `${path} is ${kind(value)}, expected ${describe(shape)}`;
  }
  if ('nullable' in shape) return value === null ? undefined : problem(value, shape.nullable, path);
  if ('list' in shape) {
    if (!Array.isArray(value)) return `${path} is ${kind(value)}, expected a list`;
    for (const [index, item] of value.entries()) {
      const found = problem(item, shape.list, `${path}[${index}]`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return `${path} is ${kind(value)}, expected an object`;
  }
  const fields = value as Record<string, unknown>;
  for (const field of shape.required ?? []) {
    if (fields[field] === undefined) return `${path}.${field} is missing`;
  }
  for (const [field, fieldShape] of Object.entries(shape.object)) {
    if (fields[field] === undefined) continue;
    const found = problem(fields[field], fieldShape, `${path}.${field}`);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * The event payload, checked against the fields lanekit reads: a payload GitHub would never
 * send (a pull request without its head, a sha that is not a string) is a configuration error
 * naming the field, not a crash further on.
 */
export function checkedPayload(eventName: string, value: unknown): EventPayload {
  const found = problem(value, PAYLOAD, 'payload');
  if (found !== undefined) {
    throw new ConfigurationError(
      `GITHUB_EVENT_PATH: the ${eventName || 'event'} payload is not what GitHub sends: ${found}`,
    );
  }
  return value as EventPayload;
}
