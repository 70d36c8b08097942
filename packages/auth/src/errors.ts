import { DomainError, ErrorCode, ForbiddenError } from '@ps/errors';
import type { Capability, Principal } from './principal';
import { hasCapability } from './principal';

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
      { needed, capability: principal.capability },
    );
  }
}

/** FORBIDDEN for a unit outside the caller's territory. */
export class OutsideTerritoryError extends ForbiddenError {
  constructor(unitCode: string) {
    super(
      `Đơn vị ${unitCode} nằm ngoài địa bàn bạn quản lý`,
      `Unit ${unitCode} is outside your territory`,
      { unitCode },
    );
  }
}
