import { DomainError, ErrorCode, ForbiddenError, UnauthenticatedError } from '@ps/errors';
import type { Capability, Principal } from './principal';
import { hasCapability, MANAGEMENT_BODIES } from './principal';

export { OutsideTerritoryError } from '@ps/errors';

/** Why a bearer token was refused, each in fixed words: a library's account of it goes to the log only. */
export const TOKEN_FAILURES = {
  TOKEN_MISSING: {
    vi: 'Chưa xác thực: thiếu mã truy cập (Authorization: Bearer …)',
    en: 'Unauthenticated: no bearer token (Authorization: Bearer …)',
  },
  TOKEN_MALFORMED: {
    vi: 'Chưa xác thực: mã truy cập không đúng định dạng',
    en: 'Unauthenticated: the bearer token is malformed',
  },
  TOKEN_SIGNATURE: {
    vi: 'Chưa xác thực: chữ ký của mã truy cập không hợp lệ',
    en: 'Unauthenticated: the token signature is not valid',
  },
  TOKEN_EXPIRED: {
    vi: 'Chưa xác thực: mã truy cập đã hết hạn, vui lòng đăng nhập lại',
    en: 'Unauthenticated: the token has expired, please sign in again',
  },
  TOKEN_TYPE: {
    vi: 'Chưa xác thực: đây không phải mã truy cập (access token)',
    en: 'Unauthenticated: this is not an access token',
  },
  TOKEN_ISSUER: {
    vi: 'Chưa xác thực: mã truy cập không do máy chủ xác thực của hệ thống cấp',
    en: "Unauthenticated: the token was not issued by this platform's sign-in server",
  },
  TOKEN_AUDIENCE: {
    vi: 'Chưa xác thực: mã truy cập không cấp cho hệ thống này',
    en: 'Unauthenticated: the token was not issued for this platform',
  },
  TOKEN_SESSION_ENDED: {
    vi: 'Chưa xác thực: phiên đăng nhập đã kết thúc (đã đăng xuất hoặc bị thu hồi), vui lòng đăng nhập lại',
    en: 'Unauthenticated: the sign-in session has ended (logged out or revoked), please sign in again',
  },
} as const;

export type TokenFailure = keyof typeof TOKEN_FAILURES;

/**
 * 401 UNAUTHENTICATED with `details.reason` naming why the token was refused. `libraryMessage`
 * (what keycloak-connect said) is for the log: it is not part of the GraphQL error.
 */
export class TokenRefusedError extends UnauthenticatedError {
  constructor(
    readonly reason: TokenFailure,
    readonly libraryMessage?: string,
  ) {
    super(TOKEN_FAILURES[reason], { reason });
  }
}

/**
 * The token is under a key the platform has not fetched yet and Keycloak cannot be asked for it
 * (down or not answering): 503, the token is neither accepted nor called bad. Tokens under keys
 * already fetched keep verifying meanwhile. `libraryMessage` (why the fetch failed) is for the log.
 */
export class SignInUnavailableError extends DomainError {
  constructor(readonly libraryMessage?: string) {
    super(
      'SIGN_IN_UNAVAILABLE',
      {
        vi: 'Không liên lạc được dịch vụ đăng nhập (Keycloak): chưa kiểm tra được mã truy cập mới, vui lòng thử lại sau ít phút',
        en: 'The sign-in service (Keycloak) cannot be reached: a new token cannot be checked yet, please try again in a few minutes',
      },
      { httpStatus: 503, details: { reason: 'TOKEN_KEYS_UNAVAILABLE' } },
    );
  }
}

/** The token is valid but carries no platform role or no `unit_code`: 403, not 401. */
export class UnassignedAccountError extends DomainError {
  constructor(missing: string) {
    super(
      ErrorCode.Forbidden,
      {
        vi: `Tài khoản chưa được phân quyền (thiếu ${missing})`,
        en: `Account has no platform assignment (missing ${missing})`,
      },
      { httpStatus: 403 },
    );
  }
}

/**
 * The token names a body the platform does not know (the realm's user profile allows only
 * {@link MANAGEMENT_BODIES}): 403, refused rather than read as "no body".
 */
export class UnknownBodyError extends DomainError {
  constructor() {
    super(
      ErrorCode.Forbidden,
      {
        vi: `Tài khoản có cơ quan (body) không hợp lệ: chỉ nhận ${MANAGEMENT_BODIES.join(', ')} hoặc để trống`,
        en: `The account's body is not valid: only ${MANAGEMENT_BODIES.join(', ')} or none`,
      },
      { httpStatus: 403, details: { reason: 'BODY_UNKNOWN', allowed: [...MANAGEMENT_BODIES] } },
    );
  }
}

/** Throws FORBIDDEN unless the principal holds at least `needed`. */
export function requireCapability(principal: Principal, needed: Capability): void {
  if (!hasCapability(principal, needed)) {
    throw new ForbiddenError(
      `Vai trò của bạn không được phép thực hiện thao tác này (cần quyền ${needed})`,
      `Your role may not do this (needs ${needed})`,
      { reason: 'CAPABILITY', needed, capability: principal.capability },
    );
  }
}
