import { errorTitle, KNOWN_ERROR_CODES, messageIn } from './errors';

describe('errors as the console shows them', () => {
  it('has a Vietnamese and an English title for every code it knows, and names an unknown code', () => {
    for (const code of KNOWN_ERROR_CODES) {
      expect(errorTitle(code, 'vi')).not.toEqual(errorTitle(code, 'en'));
    }
    expect(errorTitle('SOMETHING_NEW', 'vi')).toBe('Không thực hiện được (SOMETHING_NEW)');
  });

  it('shows the half of the gateway’s bilingual message in the chosen language', () => {
    const message = 'Đơn vị 25807 không tự phê duyệt, thẩm định đề án của mình / Unit 25807 does not approve or appraise its own proposal';
    expect(messageIn(message, 'vi')).toBe('Đơn vị 25807 không tự phê duyệt, thẩm định đề án của mình');
    expect(messageIn(message, 'en')).toBe('Unit 25807 does not approve or appraise its own proposal');
    expect(messageIn('Chỉ tiếng Việt', 'en')).toBe('Chỉ tiếng Việt');
  });
});
