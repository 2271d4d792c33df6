import { containsOwnName, isCommonPassword } from './password-policy';

describe('password policy', () => {
  it.each(['password', 'PASSWORD', '12345678', 'qwertyuiop', '1qaz2wsx', 'iloveyou', 'woaini1314', 'a123456789', 'jiebang123'])(
    'knows %s as a common password',
    (password) => expect(isCommonPassword(password)).toBe(true),
  );

  it.each(['correct-horse-battery', 'demo-password-2026', '山高月小水落石出', 'a-long-password'])('does not flag %s', (password) => {
    expect(isCommonPassword(password)).toBe(false);
  });

  it('finds the email, its local part and the display name inside a password, in any case', () => {
    const owner = { email: 'wang.fang@example.cn', displayName: 'Fang Wang' };
    expect(containsOwnName('WANG.FANG-2026', owner)).toBe(true);
    expect(containsOwnName('my wang.fang@example.cn', owner)).toBe(true);
    expect(containsOwnName('xx fang wang xx', owner)).toBe(true);
    expect(containsOwnName('fangwang!!', owner)).toBe(true);
    expect(containsOwnName('a-long-password', owner)).toBe(false);
  });

  it('looks for two-character Chinese names, but not for two-letter Latin ones', () => {
    expect(containsOwnName('王芳的密码很长很长', { displayName: '王芳' })).toBe(true);
    expect(containsOwnName('believe-in-it', { email: 'li@example.cn', displayName: 'Li' })).toBe(false);
    expect(containsOwnName('believe-in-it', {})).toBe(false);
  });
});
