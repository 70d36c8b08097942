import { DomainError } from '@ps/errors';
import { accountBody, accountEmail, accountName, accountUsername, FIRST_NAME, newAccount, newTemporaryPassword } from './account.service';

const reason = (read: () => unknown) => {
  try {
    read();
    return null;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return (error.extensions.details as { reason?: string } | undefined)?.reason ?? error.code;
  }
};

describe('the fields of a new account, checked before the realm sees them', () => {
  it('keeps usernames as the realm does, lower case, and refuses what it would refuse', () => {
    expect(accountUsername('  Admin.ThanhAn_2 ')).toBe('admin.thanhan_2');
    for (const bad of ['ab', 'quản.trị', '.admin', 'a b c', 'x'.repeat(65)]) expect(reason(() => accountUsername(bad))).toBe('USERNAME_INVALID');
  });

  it('takes Vietnamese names and refuses the characters the realm’s profile refuses, naming the character', () => {
    expect(accountName('  Nguyễn Thị Ánh ', FIRST_NAME)).toBe('Nguyễn Thị Ánh');
    expect(accountName("O'Neil-Trần", FIRST_NAME)).toBe("O'Neil-Trần");
    for (const bad of ['<b>Lan</b>', 'Lan & Hoa', 'Lan;', 'a/b', 'tab\there']) expect(reason(() => accountName(bad, FIRST_NAME))).toBe('NAME_CHARACTERS');
    expect(reason(() => accountName('   ', FIRST_NAME))).toBe('BAD_USER_INPUT');
  });

  it('takes no e-mail or a well-formed one, and a known body or none', () => {
    expect(accountEmail('  ')).toBeNull();
    expect(accountEmail(' lan@thanhan.gov.vn ')).toBe('lan@thanhan.gov.vn');
    expect(reason(() => accountEmail('lan@'))).toBe('EMAIL_INVALID');
    expect(accountBody('HOME_AFFAIRS')).toBe('HOME_AFFAIRS');
    expect(accountBody(null)).toBeNull();
    expect(reason(() => accountBody('PARTY'))).toBe('BODY_UNKNOWN');
  });

  it('reads an invitation as a whole, the first bad field refusing it', () => {
    const input = { username: 'Lan.ThanhAn', firstName: 'Thị Lan', lastName: 'Võ', email: null, unitCode: ' 25807 ', role: 'commune-viewer', body: '' };
    expect(newAccount(input)).toEqual({
      username: 'lan.thanhan', firstName: 'Thị Lan', lastName: 'Võ', email: null, unitCode: '25807', body: null,
      role: { name: 'commune-viewer', tier: 'COMMUNE', capability: 'viewer' },
    });
    expect(reason(() => newAccount({ ...input, lastName: 'Võ (tạm)' }))).toBe('NAME_CHARACTERS');
  });

  it('makes temporary passwords that differ and hold every class a password policy asks for', () => {
    const passwords = new Set(Array.from({ length: 50 }, newTemporaryPassword));
    expect(passwords.size).toBe(50);
    for (const password of passwords) expect(password).toMatch(/^(?=.*[a-z])(?=.*[A-Z])(?=.*[0-9]).{20,}$/);
  });
});
