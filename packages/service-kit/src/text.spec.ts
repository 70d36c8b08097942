import * as effectiveDating from '@ps/effective-dating';
import { foldText, todayInVietnam } from './text';

describe('foldText', () => {
  it('matches Vietnamese text regardless of diacritics, case and spacing', () => {
    expect(foldText('Xã Định An')).toBe('xa dinh an');
    expect(foldText('  ĐẢNG BỘ   xã An Lập, ')).toBe('dang bo xa an lap');
    expect(foldText('Quản lý nhà nước về đất đai')).toBe(foldText('quan ly nha nuoc ve dat dai'));
  });

  it('keeps text that differs in more than diacritics apart', () => {
    expect(foldText('Quản lý đất đai')).not.toBe(foldText('Quản lý đê điều'));
  });
});

describe('todayInVietnam', () => {
  it("is effective-dating's, not a copy", () => {
    expect(todayInVietnam).toBe(effectiveDating.todayInVietnam);
  });

  it('uses the Vietnam date, seven hours ahead of UTC', () => {
    expect(todayInVietnam(new Date('2025-06-30T18:30:00Z'))).toBe('2025-07-01');
    expect(todayInVietnam(new Date('2025-06-30T16:30:00Z'))).toBe('2025-06-30');
  });
});
