import { DomainError, ErrorCode, ForbiddenError } from '@ps/errors';
import type { Capability, Principal } from './principal';
import { hasCapability } from './principal';

export { OutsideTerritoryError } from '@ps/errors';

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
