import { canonicalJson, NotCanonical, sha256Hex } from './canonical';

describe('canonicalJson', () => {
  it('sorts keys at every depth, keeps array order and drops undefined properties', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: null, y: 'é' }], c: true }, u: undefined })).toBe(
      '{"a":{"c":true,"d":[3,{"y":"é","z":null}]},"b":1}',
    );
  });

  it('refuses values JSON cannot carry exactly, naming where they are', () => {
    expect(() => canonicalJson({ at: new Date(0) })).toThrow('$.at is not a value JSON carries exactly: [object Date]');
    expect(() => canonicalJson({ x: [1, Number.NaN] })).toThrow('$.x.1 is not a value JSON carries exactly: NaN');
    expect(() => canonicalJson([undefined])).toThrow(NotCanonical);
    expect(() => canonicalJson({ n: 1n })).toThrow(TypeError);
    expect(() => canonicalJson(Number.POSITIVE_INFINITY)).toThrow(TypeError);
  });

  it('keeps strings and keys as given unless asked for Unicode NFC', () => {
    const decomposed = { 'caf\u0065\u0301': 'r\u0065\u0301sum\u0065\u0301' };
    expect(canonicalJson(decomposed)).toBe(JSON.stringify(decomposed));
    expect(canonicalJson(decomposed, { root: 'content', nfc: true })).toBe('{"café":"résumé"}');
  });
});

describe('sha256Hex', () => {
  it('is the lowercase hex SHA-256 of the UTF-8 bytes', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
