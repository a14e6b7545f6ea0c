import { errorMessage } from '../common/error-message.ts';
import { formatOfPath, parseStructured } from './structured-keys.ts';

export interface FileRequest {
  readonly side: 'base' | 'head';
  readonly path: string;
}

/** Reads files' text on either side of the diff, all at once; undefined where one does not exist. */
export interface ContentReader {
  read(requests: readonly FileRequest[]): Promise<(string | undefined)[]>;
}

export type Parsed = { ok: true; doc: unknown } | { ok: false; error: string };

/** The files a plan needs, read in one go and parsed on demand. */
export class Documents {
  readonly #texts = new Map<string, string | undefined>();
  readonly #parsed = new Map<string, Parsed>();

  static async load(contents: ContentReader, requests: FileRequest[]): Promise<Documents> {
    const docs = new Documents();
    const unique = [...new Map(requests.map((r) => [Documents.#key(r.side, r.path), r])).values()];
    const texts = await contents.read(unique);
    unique.forEach((r, i) => docs.#texts.set(Documents.#key(r.side, r.path), texts[i]));
    return docs;
  }

  static #key(side: string, path: string): string {
    return `${side}\0${path}`;
  }

  parse(side: 'base' | 'head', path: string | undefined): Parsed {
    if (path === undefined) return { ok: true, doc: undefined };
    const key = Documents.#key(side, path);
    let parsed = this.#parsed.get(key);
    if (parsed === undefined) {
      const text = this.#texts.get(key);
      parsed = { ok: true, doc: undefined };
      if (text !== undefined) {
        try {
          parsed = { ok: true, doc: parseStructured(text, formatOfPath(path) ?? 'toml') };
        } catch (error) {
          parsed = {
            ok: false,
            error: `${side}: ${errorMessage(error)}`,
          };
        }
      }
      this.#parsed.set(key, parsed);
    }
    return parsed;
  }
}
