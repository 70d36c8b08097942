import { DomainError, ErrorCode } from '@ps/errors';

/** Keycloak could not be reached or answered with a failure: nothing the caller did wrong. */
export class AccountDirectoryUnavailableError extends DomainError {
  constructor() {
    super('ACCOUNT_DIRECTORY_UNAVAILABLE', {
      vi: 'Máy chủ tài khoản (Keycloak) tạm thời không trả lời; chưa có thay đổi nào, vui lòng thử lại sau',
      en: 'The account server (Keycloak) is not answering; nothing was changed, please try again later',
    });
  }
}

/** Another account already has this username or e-mail (Keycloak's 409). */
export class AccountExistsError extends DomainError {
  constructor(username: string, email: string | null) {
    super(
      ErrorCode.Conflict,
      {
        vi: `Tên đăng nhập ${username}${email ? ` hoặc thư điện tử ${email}` : ''} đã được dùng cho tài khoản khác`,
        en: `The username ${username}${email ? ` or the e-mail ${email}` : ''} already belongs to another account`,
      },
      { details: { reason: 'ACCOUNT_EXISTS', username, email } },
    );
  }
}

/** Keycloak refused the account's data (its user profile's validation, e.g. a malformed e-mail). */
export class AccountRefusedError extends DomainError {
  constructor(field: string) {
    super(
      ErrorCode.BadUserInput,
      { vi: `Máy chủ tài khoản không nhận dữ liệu của tài khoản (${field})`, en: `The account server refused the account's data (${field})` },
      { details: { reason: 'ACCOUNT_REFUSED', field } },
    );
  }
}
