import { fileContentOf } from './content';
import { rejectsCsv } from './rejects';

describe('fileContentOf', () => {
  it('joins base64 parts cut anywhere', () => {
    const text = Buffer.from('Họ và tên,Số CCCD\n').toString('base64');
    expect(fileContentOf([text.slice(0, 5), text.slice(5)]).toString()).toBe('Họ và tên,Số CCCD\n');
  });

  it('refuses text that is not base64', () => {
    expect(() => fileContentOf(['abc!'])).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', details: { reason: 'CONTENT_NOT_BASE64' } } }));
  });

  it('refuses a file larger than a request may carry, naming the 1 MB limit and the import command', () => {
    const parts = Array.from({ length: 106 }, () => 'A'.repeat(10_000));
    expect(() => fileContentOf(parts, 'pnpm --filter @ps/personnel import <tệp>')).toThrow(/^Tệp quá lớn để nhập qua API \(yêu cầu tối đa 1 MB\).*pnpm --filter @ps\/personnel import/);
  });
});

describe('rejectsCsv', () => {
  it('writes one line per reject under a bilingual header, quoting what needs it', () => {
    expect(rejectsCsv([{ row: 4, field: 'Số CCCD', code: 'DUPLICATE_IN_FILE', message: 'trùng, "x" / repeats' }])).toBe(
      '\uFEFFDòng / row,Cột / field,Mã / code,Lý do / message\r\n4,Số CCCD,DUPLICATE_IN_FILE,"trùng, ""x"" / repeats"\r\n',
    );
  });
});
