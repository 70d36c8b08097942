import { termLabel, termOf } from './planning-term';

describe('a term as written', () => {
  it('reads five years, with a hyphen or an en dash', () => {
    expect(termOf('2025-2030')).toEqual({ start: 2025, end: 2030 });
    expect(termLabel(termOf(' 2015 – 2020 '))).toBe('2015-2020');
  });

  it.each(['2025-2031', '2030-2025', '2025', 'nhiệm kỳ 2025-2030', '1940-1945'])('refuses "%s"', (text) => {
    expect(() => termOf(text)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', details: { reason: 'TERM_FORMAT' } }) }));
  });
});
