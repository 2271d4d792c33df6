import { ErrorCodeOf, FieldError, MAX_PROPOSAL_BYTES, ValidationFailed } from '@app/domain';
import { invalidFields } from './validation';

/**
 * Bounds on any input (HTTP bodies, query strings, route parameters, socket payloads), checked
 * before validation runs: within them no request can cost more than a few milliseconds to parse and
 * validate, or produce a large error answer. Every DTO stays well inside them.
 */
export interface InputLimits {
  /** Objects and arrays inside each other (the deepest DTO, a bid with its milestones, has 2). */
  depth: number;
  /** Elements of one array (the longest DTO list, the invited teams of a challenge, has at most 200). */
  arrayLength: number;
  /** UTF-16 code units of one string: no text field is longer than a proposal's 200 KiB of UTF-8. */
  stringLength: number;
  /** Keys of one object. */
  keys: number;
  /** UTF-16 code units of one key. */
  keyLength: number;
}

export const INPUT_LIMITS: InputLimits = {
  depth: 10,
  arrayLength: 500,
  stringLength: MAX_PROPOSAL_BYTES,
  keys: 100,
  keyLength: 100,
};

/** Codes of the refusals (400, each with the offending path in `details`). */
export const INPUT_ERROR_CODES = {
  tooDeep: 'INPUT_TOO_DEEP',
  arrayTooLong: 'ARRAY_TOO_LONG',
  stringTooLong: 'STRING_TOO_LONG',
  tooManyKeys: 'TOO_MANY_KEYS',
  keyTooLong: 'KEY_TOO_LONG',
  forbiddenKey: 'FORBIDDEN_KEY',
  invalidJson: 'INVALID_JSON',
} as const;

/** What the path of a problem at the root of an input is called. */
export type InputRoot = 'body' | 'query' | 'params' | 'payload';

/** PostgreSQL text and jsonb cannot hold U+0000, nor any encoding of a lone surrogate (a surrogate code point). */
const NUL = '\u0000';
const LONE_SURROGATE = /\p{Cs}/u;
const LONE_SURROGATES = /\p{Cs}/gu;

const escapeCodeUnit = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** At most `max` UTF-16 code units of `text`, ending with … when cut (never between the halves of a surrogate pair). */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text.charAt(max - 2)) ? max - 2 : max - 1;
  return `${text.slice(0, end)}…`;
}

/** A key as it appears in a path: unrepresentable characters escaped, long ones cut. */
const segment = (key: string): string => clipText(key.replace(LONE_SURROGATES, escapeCodeUnit).replaceAll(NUL, escapeCodeUnit(NUL)), 40);

const join = (path: string, key: string): string => (path ? `${path}.${segment(key)}` : segment(key));

function refuse(code: ErrorCodeOf<'VALIDATION'>, path: string, message: string): ValidationFailed {
  return ValidationFailed.field(path, `${path} ${message}`, code);
}

/** What is wrong with text PostgreSQL cannot store, if anything. */
function textProblem(text: string): string | null {
  if (text.includes(NUL)) return 'must not contain the character U+0000';
  if (LONE_SURROGATE.test(text)) return 'must be valid Unicode text: it contains a lone UTF-16 surrogate (U+D800 to U+DFFF)';
  return null;
}

/** `__proto__`, or a `constructor` holding a `prototype`: keys that would reach an object's prototype. */
function forbiddenKey(key: string, value: unknown): boolean {
  if (key === '__proto__') return true;
  return key === 'constructor' && typeof value === 'object' && value !== null && Object.hasOwn(value, 'prototype');
}

/**
 * Checks a parsed input against the limits, iteratively (no recursion however deep it is), and
 * throws a 400 naming the first path beyond them. Text PostgreSQL cannot store (U+0000, a lone
 * surrogate), in values or keys, is refused as VALIDATION_FAILED at each field that holds it.
 */
export function checkInput(input: unknown, root: InputRoot, limits: InputLimits = INPUT_LIMITS): void {
  const unstorable: FieldError[] = [];
  const checkText = (text: string, path: string) => {
    const problem = textProblem(text);
    if (problem) unstorable.push({ field: path, messages: [`${path} ${problem}`] });
  };
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: input, path: '', depth: 0 }];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { value, depth } = next;
    const path = next.path || root;
    if (typeof value === 'string') {
      if (value.length > limits.stringLength) {
        throw refuse(INPUT_ERROR_CODES.stringTooLong, path, `must be at most ${limits.stringLength} characters long`);
      }
      checkText(value, path);
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= limits.depth) {
      throw refuse(INPUT_ERROR_CODES.tooDeep, path, `nests objects and arrays more than ${limits.depth} levels deep`);
    }
    if (Array.isArray(value)) {
      if (value.length > limits.arrayLength) {
        throw refuse(INPUT_ERROR_CODES.arrayTooLong, path, `must have at most ${limits.arrayLength} elements`);
      }
      for (let i = value.length - 1; i >= 0; i -= 1) stack.push({ value: value[i], path: join(next.path, String(i)), depth: depth + 1 });
      continue;
    }
    const keys = Object.keys(value);
    if (keys.length > limits.keys) throw refuse(INPUT_ERROR_CODES.tooManyKeys, path, `must have at most ${limits.keys} fields`);
    for (let i = keys.length - 1; i >= 0; i -= 1) {
      const key = keys[i];
      const child = (value as Record<string, unknown>)[key];
      const at = join(next.path, key);
      if (key.length > limits.keyLength) throw refuse(INPUT_ERROR_CODES.keyTooLong, at, `is a field name longer than ${limits.keyLength} characters`);
      if (forbiddenKey(key, child)) throw refuse(INPUT_ERROR_CODES.forbiddenKey, at, 'is not an accepted field');
      checkText(key, at);
      stack.push({ value: child, path: at, depth: depth + 1 });
    }
  }
  if (unstorable.length > 0) throw invalidFields(unstorable);
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;

/** An open array or object while scanning JSON text: its commas so far, and (objects) its last key. */
interface Container {
  array: boolean;
  commas: number;
  keyStart: number;
  keyEnd: number;
}

/** A key's text from its JSON string (with its quotes); escapes are decoded when the string is valid JSON. */
function scannedKey(raw: string): string {
  if (!raw.includes('\\')) return raw.slice(1, -1);
  try {
    return String(JSON.parse(raw));
  } catch {
    return raw.slice(1, -1);
  }
}

/** The path to the position the innermost of `containers` has reached, e.g. `milestones.7`. */
function scannedPath(text: string, containers: Container[]): string {
  let path = '';
  for (const container of containers) {
    if (container.array) {
      path = join(path, String(container.commas));
      continue;
    }
    if (container.keyStart < 0) continue;
    path = join(path, scannedKey(text.slice(container.keyStart, container.keyEnd)));
  }
  return path || 'body';
}

/** Whether the quote at `at` is escaped: preceded by an odd number of backslashes. */
function escaped(text: string, at: number): boolean {
  let backslashes = 0;
  for (let i = at - 1; i >= 0 && text.charCodeAt(i) === BACKSLASH; i -= 1) backslashes += 1;
  return backslashes % 2 === 1;
}

/**
 * A look at JSON text before it is parsed: nesting depth, array lengths and object sizes, in one
 * pass that stops at the first excess (JSON.parse would otherwise build, e.g., half a million nested
 * arrays first). Strings are skipped with indexOf; malformed text is left to JSON.parse to report.
 */
export function scanJson(text: string, limits: InputLimits = INPUT_LIMITS): void {
  const open: Container[] = [];
  let expectingKey = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      let end = text.indexOf('"', i + 1);
      while (end !== -1 && escaped(text, end)) end = text.indexOf('"', end + 1);
      if (end === -1) return;
      const top = open[open.length - 1];
      if (top && expectingKey) {
        top.keyStart = i;
        top.keyEnd = end + 1;
        expectingKey = false;
      }
      i = end;
    } else if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
      if (open.length >= limits.depth) {
        throw refuse(INPUT_ERROR_CODES.tooDeep, scannedPath(text, open), `nests objects and arrays more than ${limits.depth} levels deep`);
      }
      open.push({ array: c === OPEN_ARRAY, commas: 0, keyStart: -1, keyEnd: -1 });
      expectingKey = c === OPEN_OBJECT;
    } else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) {
      open.pop();
      expectingKey = false;
    } else if (c === COMMA) {
      const top = open[open.length - 1];
      if (!top) continue;
      top.commas += 1;
      const limit = top.array ? limits.arrayLength : limits.keys;
      if (top.commas >= limit) {
        const path = scannedPath(text, open.slice(0, -1));
        throw top.array
          ? refuse(INPUT_ERROR_CODES.arrayTooLong, path, `must have at most ${limits.arrayLength} elements`)
          : refuse(INPUT_ERROR_CODES.tooManyKeys, path, `must have at most ${limits.keys} fields`);
      }
      expectingKey = !top.array;
    }
  }
}

/** The platform's parser of application/json bodies: the bounds first, then JSON.parse; 400 INVALID_JSON when it fails. */
export function parseJsonBody(raw: Buffer, limits: InputLimits = INPUT_LIMITS): unknown {
  const text = raw.toString('utf8');
  if (text.trim() === '') throw refuse(INPUT_ERROR_CODES.invalidJson, 'body', 'is empty, but its content type is application/json');
  scanJson(text, limits);
  try {
    return JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec((error as Error).message)?.[1];
    throw refuse(INPUT_ERROR_CODES.invalidJson, 'body', `is not valid JSON${position ? ` (at character ${position})` : ''}`);
  }
}
