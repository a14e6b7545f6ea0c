/**
 * Checks a response body against GitHub's own OpenAPI description of the endpoint (the
 * installed `@octokit/openapi`), so that recorded and generated REST fixtures cannot drift from
 * the shapes GitHub documents.
 *
 * Cost: the package is 385 MB, but only its `api.github.com.json` (13 MB, with `$ref`s) is read,
 * once per process. Only the component schemas an endpoint's response reaches are converted
 * (OpenAPI 3.0's `nullable` becomes JSON Schema's `null` type) and registered with ajv, and
 * each endpoint's validator is compiled once. The figures are in
 * test/fixtures/github-api/README.md.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { ROOT } from '../../src/rehearsal/runner.ts';

const DESCRIPTION = join(
  ROOT,
  'node_modules',
  '@octokit',
  'openapi',
  'generated',
  'api.github.com.json',
);
/** Each component schema is registered under this prefix plus its name, when first reached. */
const COMPONENT_ID = 'https://api.github.com/openapi/components/schemas/';
const COMPONENT_REF = '#/components/schemas/';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface Description {
  readonly paths: Record<string, Record<string, { responses?: Record<string, JsonObject> }>>;
  readonly components: { schemas: Record<string, Json>; responses: Record<string, Json> };
}

interface Loaded {
  readonly description: Description;
  readonly ajv: Ajv;
  /** Component schemas already converted and registered with ajv. */
  readonly registered: Set<string>;
}

let loaded: Loaded | undefined;
const validators = new Map<string, ValidateFunction>();

const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * OpenAPI 3.0 → JSON Schema: `nullable: true` becomes a `null` type (and a null enum value), or
 * an `anyOf` with null where there is no `type`; component refs point at their registered ids.
 * Collects the names of the components it refers to.
 */
function toJsonSchema(node: Json, refs: Set<string>): Json {
  if (Array.isArray(node)) return node.map((item) => toJsonSchema(item, refs));
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'example' || key === 'examples') continue;
    if (key === '$ref' && typeof value === 'string' && value.startsWith(COMPONENT_REF)) {
      const name = value.slice(COMPONENT_REF.length);
      refs.add(name);
      out[key] = `${COMPONENT_ID}${name}`;
    } else out[key] = toJsonSchema(value, refs);
  }
  if (out.nullable !== true) return out;
  delete out.nullable;
  if (out.type === undefined) return { anyOf: [out, { type: 'null' }] };
  out.type = Array.isArray(out.type) ? [...out.type, 'null'] : [out.type, 'null'];
  if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  return out;
}

function load(): Loaded {
  if (loaded) return loaded;
  const description = JSON.parse(readFileSync(DESCRIPTION, 'utf8')) as Description;
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
  const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
  addFormats(ajv);
  loaded = { description, ajv, registered: new Set() };
  return loaded;
}

/** Registers the component schemas `refs` names and every one they reach, each once. */
function register({ description, ajv, registered }: Loaded, refs: Iterable<string>): void {
  const pending = [...refs];
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (registered.has(name)) continue;
    const schema = description.components.schemas[name];
    if (schema === undefined) throw new Error(`GitHub's OpenAPI description has no schema ${name}`);
    const reached = new Set<string>();
    const converted = toJsonSchema(schema, reached) as JsonObject;
    markFormats(ajv, schema);
    ajv.addSchema({ ...converted, $id: `${COMPONENT_ID}${name}` });
    registered.add(name);
    pending.push(...reached);
  }
}

/** GitHub's own formats (`repo.nwo`…) pass unchecked; ajv-formats' ones (date-time, uri) are checked. */
function markFormats(ajv: Ajv, node: Json | undefined): void {
  if (Array.isArray(node)) for (const item of node) markFormats(ajv, item);
  if (!isObject(node)) return;
  if (typeof node.format === 'string' && !(node.format in ajv.formats)) {
    ajv.addFormat(node.format, true);
  }
  for (const [key, value] of Object.entries(node)) {
    if (key !== 'example' && key !== 'examples') markFormats(ajv, value);
  }
}

/** An endpoint as the description names it: `GET /repos/{owner}/{repo}/actions/cache/usage`. */
export type Endpoint = `${'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'} /${string}`;

function validatorFor(endpoint: Endpoint, status: number): ValidateFunction {
  const key = `${endpoint} ${status}`;
  const known = validators.get(key);
  if (known) return known;
  const state = load();
  const { description, ajv } = state;
  const [method, path] = endpoint.split(' ') as [string, string];
  const operation = description.paths[path]?.[method.toLowerCase()];
  if (!operation) throw new Error(`GitHub's OpenAPI description has no ${endpoint}`);
  const response = operation.responses?.[String(status)];
  const resolved =
    typeof response?.$ref === 'string' ? resolveResponse(description, response.$ref) : response;
  const content = resolved?.content;
  const json = isObject(content)
    ? Object.entries(content).find(([type]) => /\bjson\b/.test(type))?.[1]
    : undefined;
  if (!isObject(json) || json.schema === undefined) {
    throw new Error(`${endpoint} has no JSON schema for status ${status}`);
  }
  const refs = new Set<string>();
  const schema = toJsonSchema(json.schema, refs) as JsonObject;
  register(state, refs);
  markFormats(ajv, json.schema);
  const validate = ajv.compile(schema);
  validators.set(key, validate);
  return validate;
}

function resolveResponse(description: Description, ref: string): JsonObject | undefined {
  const name = /^#\/components\/responses\/(.+)$/.exec(ref)?.[1];
  const found = name === undefined ? undefined : description.components.responses[name];
  return isObject(found) ? found : undefined;
}

function describe(error: ErrorObject): string {
  const where = error.instancePath === '' ? '(body)' : error.instancePath;
  const params = Object.entries(error.params)
    .map(([name, value]) => `${name}: ${JSON.stringify(value)}`)
    .join(', ');
  return `${where} ${error.message ?? error.keyword} (${params})`;
}

/** What in `body` breaks a component schema (`basic-error`, `job`); empty when nothing does. */
export function componentErrors(name: string, body: unknown): string[] {
  const key = `#${name}`;
  let validate = validators.get(key);
  if (!validate) {
    const state = load();
    register(state, [name]);
    validate = state.ajv.compile({ $ref: `${COMPONENT_ID}${name}` });
    validators.set(key, validate);
  }
  return validate(body) ? [] : (validate.errors ?? []).map(describe);
}

/** What in `body` breaks the endpoint's documented response schema; empty when nothing does. */
export function openApiErrors(endpoint: Endpoint, status: number, body: unknown): string[] {
  const validate = validatorFor(endpoint, status);
  return validate(body) ? [] : (validate.errors ?? []).map(describe);
}
