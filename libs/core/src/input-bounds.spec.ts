import { ValidationFailed } from '@app/domain';
import { checkInput, clipText, INPUT_LIMITS, InputRoot, parseJsonBody, scanJson } from './input-bounds';

/** The refusal `run` throws: its code and its one field. */
function refusal(run: () => unknown): { code: string; field: string; message: string } {
  try {
    run();
  } catch (error) {
    if (!(error instanceof ValidationFailed)) throw error;
    return { code: error.code, field: error.fields[0].field, message: error.fields[0].messages[0] };
  }
  throw new Error('expected a refusal');
}

const nested = (levels: number, inner = '1'): string => '['.repeat(levels) + inner + ']'.repeat(levels);
const list = (length: number, element = '0'): string => `[${Array.from({ length }, () => element).join(',')}]`;
const object = (keys: number): string => `{${Array.from({ length: keys }, (_, i) => `"k${i}":${i}`).join(',')}}`;

/** The same limits on JSON text (scanJson, before parsing) and on parsed input (checkInput). */
const checks: [string, (json: string) => unknown][] = [
  ['the JSON text', (json) => scanJson(json)],
  ['the parsed value', (json) => checkInput(JSON.parse(json), 'body')],
];

describe.each(checks)('structural bounds on %s', (_, check) => {
  it(`accepts ${INPUT_LIMITS.depth} levels of nesting and refuses one more, naming the path`, () => {
    expect(() => check(`{"a":${nested(INPUT_LIMITS.depth - 1)}}`)).not.toThrow();
    expect(refusal(() => check(`{"milestones":[{"title":"x"},{"deep":${nested(INPUT_LIMITS.depth - 2)}}]}`))).toEqual({
      code: 'INPUT_TOO_DEEP',
      field: `milestones.1.deep${'.0'.repeat(INPUT_LIMITS.depth - 3)}`,
      message: expect.stringContaining(`more than ${INPUT_LIMITS.depth} levels deep`),
    });
  });

  it(`accepts arrays of ${INPUT_LIMITS.arrayLength} elements and refuses longer ones at the array`, () => {
    expect(() => check(`{"ids":${list(INPUT_LIMITS.arrayLength)}}`)).not.toThrow();
    expect(refusal(() => check(`{"bid":{"milestones":${list(INPUT_LIMITS.arrayLength + 1, '{}')}}}`))).toMatchObject({
      code: 'ARRAY_TOO_LONG',
      field: 'bid.milestones',
    });
    expect(refusal(() => check(list(100_000)))).toMatchObject({ code: 'ARRAY_TOO_LONG', field: 'body' });
  });

  it(`accepts objects of ${INPUT_LIMITS.keys} fields and refuses more`, () => {
    expect(() => check(object(INPUT_LIMITS.keys))).not.toThrow();
    expect(refusal(() => check(`[1,${object(INPUT_LIMITS.keys + 1)}]`))).toMatchObject({ code: 'TOO_MANY_KEYS', field: '1' });
  });

  it('counts nothing inside strings: brackets, commas and escaped quotes in text are text', () => {
    const text = JSON.stringify({ proposal: `${'[{'.repeat(50)}${','.repeat(1000)} \\" \\\\" ${'}]'.repeat(50)}` });
    expect(() => check(text)).not.toThrow();
  });
});

describe('scanJson, before JSON.parse', () => {
  it('refuses half a million nested arrays without parsing them', () => {
    const parse = jest.spyOn(JSON, 'parse');
    expect(refusal(() => parseJsonBody(Buffer.from(nested(500_000))))).toMatchObject({ code: 'INPUT_TOO_DEEP', field: '0.0.0.0.0.0.0.0.0.0' });
    expect(refusal(() => parseJsonBody(Buffer.from(`{"milestones":${list(100_000, '{}')}}`)))).toMatchObject({ code: 'ARRAY_TOO_LONG' });
    expect(parse).not.toHaveBeenCalled();
    parse.mockRestore();
  });

  it('names an escaped key as it was meant', () => {
    expect(refusal(() => scanJson(`{"mile\\u0073tones":${list(INPUT_LIMITS.arrayLength + 1)}}`))).toMatchObject({ field: 'milestones' });
  });

  it('leaves malformed text to JSON.parse, which answers INVALID_JSON at the body', () => {
    expect(() => scanJson('{"a": "unterminated')).not.toThrow();
    expect(refusal(() => parseJsonBody(Buffer.from('{"email": ')))).toMatchObject({ code: 'INVALID_JSON', field: 'body' });
    expect(refusal(() => parseJsonBody(Buffer.from('  ')))).toMatchObject({ code: 'INVALID_JSON', field: 'body' });
    expect(parseJsonBody(Buffer.from('{"email":"li.wei@example.cn"}'))).toEqual({ email: 'li.wei@example.cn' });
  });
});

describe('checkInput on parsed input', () => {
  it(`refuses strings longer than ${INPUT_LIMITS.stringLength} characters and keys longer than ${INPUT_LIMITS.keyLength}`, () => {
    expect(() => checkInput({ proposal: 'x'.repeat(INPUT_LIMITS.stringLength) }, 'body')).not.toThrow();
    expect(refusal(() => checkInput({ proposal: 'x'.repeat(INPUT_LIMITS.stringLength + 1) }, 'body'))).toMatchObject({
      code: 'STRING_TOO_LONG',
      field: 'proposal',
    });
    expect(refusal(() => checkInput({ ['k'.repeat(INPUT_LIMITS.keyLength + 1)]: 1 }, 'body'))).toMatchObject({ code: 'KEY_TOO_LONG' });
  });

  it.each<[string, unknown, InputRoot, string]>([
    ['a NUL in a nested value', { milestones: [{ title: 'ok' }, { title: 'a\u0000b' }] }, 'body', 'milestones.1.title'],
    ['a NUL in a query parameter', Object.assign(Object.create(null) as object, { q: '\u0000' }), 'query', 'q'],
    ['a lone high surrogate', { email: 'li\ud800@example.cn' }, 'body', 'email'],
    ['a lone low surrogate', { tags: ['ok', '\udc00'] }, 'body', 'tags.1'],
    ['a pair in the wrong order', { text: '\ude00\ud83d' }, 'payload', 'text'],
    ['a NUL in a key, shown escaped', { 'a\u0000': 1 }, 'body', 'a\\u0000'],
    ['a NUL as the whole input', '\u0000', 'params', 'params'],
  ])('refuses %s as VALIDATION_FAILED at its field', (_, input, root, field) => {
    expect(refusal(() => checkInput(input, root))).toMatchObject({ code: 'VALIDATION_FAILED', field });
  });

  it('names every field holding such text in one answer', () => {
    const refused = (() => {
      try {
        checkInput({ title: 'a\u0000', tags: ['ok', '\ud800'], summary: 'fine' }, 'body');
      } catch (error) {
        return error as ValidationFailed;
      }
      throw new Error('expected a refusal');
    })();
    expect(refused.fields.map((f) => f.field)).toEqual(['title', 'tags.1']);
  });

  it('accepts every character PostgreSQL can store, astral ones and control characters included', () => {
    expect(() => checkInput({ name: '李伟 😀 𠀀 \u0001\t\n\uFFFF' }, 'body')).not.toThrow();
  });

  it('refuses keys that reach a prototype, and only those', () => {
    expect(refusal(() => checkInput(JSON.parse('{"a":{"__proto__":{"admin":true}}}'), 'body'))).toEqual({
      code: 'FORBIDDEN_KEY',
      field: 'a.__proto__',
      message: 'a.__proto__ is not an accepted field',
    });
    expect(refusal(() => checkInput(JSON.parse('{"constructor":{"prototype":{}}}'), 'body'))).toMatchObject({ code: 'FORBIDDEN_KEY' });
    // A rubric may well have a criterion keyed "constructor" or "prototype".
    expect(() => checkInput({ scores: { constructor: 7, prototype: 8 } }, 'payload')).not.toThrow();
  });
});

describe('clipText', () => {
  it('cuts long text with an ellipsis, never between the halves of a surrogate pair', () => {
    expect(clipText('abcdef', 10)).toBe('abcdef');
    expect(clipText('abcdef', 4)).toBe('abc…');
    expect(clipText('ab😀cd', 4)).toBe('ab…');
  });
});
