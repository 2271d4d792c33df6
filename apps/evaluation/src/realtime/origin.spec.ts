import { originAllowed } from './origin';

describe('originAllowed', () => {
  const allowed = ['https://jiebang.example.cn', 'http://localhost:5173'];

  it('lets clients without an Origin (not browsers) through', () => {
    expect(originAllowed(undefined, 'api.example.cn', allowed)).toBe(true);
    expect(originAllowed('', 'api.example.cn', [])).toBe(true);
  });

  it('accepts the configured origins exactly', () => {
    expect(originAllowed('https://jiebang.example.cn', 'api.example.cn', allowed)).toBe(true);
    expect(originAllowed('http://localhost:5173', '127.0.0.1:3003', allowed)).toBe(true);
    expect(originAllowed('https://jiebang.example.cn.evil.io', 'api.example.cn', allowed)).toBe(false);
    expect(originAllowed('http://jiebang.example.cn', 'api.example.cn', allowed)).toBe(false);
  });

  it('accepts the same origin as the service, and nothing else, when none are configured', () => {
    expect(originAllowed('http://localhost:3000', 'localhost:3000', [])).toBe(true);
    expect(originAllowed('https://EVAL.example.cn', 'eval.example.cn', [])).toBe(true);
    expect(originAllowed('https://evil.example', 'localhost:3000', [])).toBe(false);
    expect(originAllowed('null', 'localhost:3000', [])).toBe(false);
    expect(originAllowed('https://evil.example', undefined, [])).toBe(false);
  });
});
