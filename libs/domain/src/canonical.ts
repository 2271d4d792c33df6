import { createHash } from 'node:crypto';

/** Lowercase hex SHA-256 of the text's UTF-8 bytes: receipts, the record's chain, request and token hashes. */
export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** JavaScript's default string order (by UTF-16 code unit): the same on every machine and locale. */
export const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** What canonical JSON cannot carry exactly, and where: `path` runs from the value's root. */
export class NotCanonical extends TypeError {
  constructor(
    root: string,
    readonly path: (string | number)[],
    readonly reason: string,
  ) {
    super(`${[root, ...path].join('.')} ${reason}`);
  }
}

export interface CanonicalOptions {
  /** What the root is called in a NotCanonical message ('content' for a bid, '$' by default). */
  root: string;
  /** Strings and keys in Unicode NFC (a bid's content); otherwise hashed as given (the room's record). */
  nfc: boolean;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null);

/** Describes any value, even an object whose prototype has no toString. */
const describe = (value: unknown): string => (typeof value === 'object' || typeof value === 'function' ? Object.prototype.toString.call(value) : String(value));

/**
 * The one JSON text of a value: object keys sorted (recursively, by code unit), arrays in their
 * order, no whitespace; with `nfc`, strings and keys in Unicode NFC. Properties whose value is
 * undefined are left out, as JSON.stringify and jsonb do; values JSON cannot carry exactly (NaN,
 * Infinity, undefined in an array, Dates and other class instances, functions, bigints) throw
 * NotCanonical (a TypeError) rather than being silently changed, so what is hashed is what is stored.
 */
export function canonicalJson(value: unknown, options: CanonicalOptions = { root: '$', nfc: false }): string {
  const write = (item: unknown, path: (string | number)[]): string => {
    if (item === null || typeof item === 'boolean') return JSON.stringify(item);
    if (typeof item === 'string') return JSON.stringify(options.nfc ? item.normalize('NFC') : item);
    if (typeof item === 'number' && Number.isFinite(item)) return JSON.stringify(item);
    if (Array.isArray(item)) return `[${Array.from(item, (element, i) => write(element, [...path, i])).join(',')}]`;
    if (isPlainObject(item)) {
      const members = new Map<string, string>();
      for (const [key, member] of Object.entries(item)) {
        if (member === undefined) continue;
        const name = options.nfc ? key.normalize('NFC') : key;
        if (members.has(name)) throw new NotCanonical(options.root, path, `has two keys that read ${JSON.stringify(name)} in Unicode NFC`);
        members.set(name, `${JSON.stringify(name)}:${write(member, [...path, key])}`);
      }
      return `{${[...members].sort(([a], [b]) => compareStrings(a, b)).map(([, member]) => member).join(',')}}`;
    }
    throw new NotCanonical(options.root, path, `is not a value JSON carries exactly: ${describe(item)}`);
  };
  return write(value, []);
}
