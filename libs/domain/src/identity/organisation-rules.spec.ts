import { creditCodeCheckChar, creditCodeRequired, isCountryCode, isValidCreditCode } from './organisation-rules';

describe('unified social credit code', () => {
  it('accepts a code whose check character matches', () => {
    // 9 1 3 5 0 1 0 0 M 0 0 0 1 0 0 Y 4 weighted by 1,3,9,...,28 sums to 2,390; 2390 mod 31 = 3; 31 - 3 = 28 -> '3'
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
  });

  it('refuses a wrong check character, a wrong length and forbidden letters', () => {
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false);
    expect(isValidCreditCode('91350100M000100Y4')).toBe(false);
    expect(isValidCreditCode('91350100I000100Y43')).toBe(false); // I, O, S, V, Z are never used
    expect(isValidCreditCode('91350100m000100y43')).toBe(false);
  });

  it('is required of Chinese enterprises and companies only', () => {
    expect(creditCodeRequired('ENTERPRISE', 'CN')).toBe(true);
    expect(creditCodeRequired('COMPANY', 'CN')).toBe(true);
    expect(creditCodeRequired('UNIVERSITY', 'CN')).toBe(false);
    expect(creditCodeRequired('ENTERPRISE', 'DE')).toBe(false);
  });
});

describe('country codes', () => {
  it('knows ISO 3166-1 alpha-2 countries', () => {
    expect(isCountryCode('CN')).toBe(true);
    expect(isCountryCode('DE')).toBe(true);
    expect(isCountryCode('SG')).toBe(true);
  });

  it('refuses unknown, lower-case and non-country codes', () => {
    expect(isCountryCode('QQ')).toBe(false);
    expect(isCountryCode('cn')).toBe(false);
    expect(isCountryCode('EU')).toBe(false);
    expect(isCountryCode('CHN')).toBe(false);
  });
});
