import { BadUserInputError, NotFoundError } from '@ps/errors';

/** TASK_ORGANIZATION_NOT_FOUND: reform knows no organization of these ids in force on the task's date. */
export class TaskOrganizationNotFoundError extends NotFoundError {
  constructor(organizationIds: readonly string[], date: string) {
    super(
      `Không có tổ chức ${organizationIds.join(', ')} có hiệu lực ngày ${date}`,
      `No organization ${organizationIds.join(', ')} in force on ${date}`,
      { reason: 'TASK_ORGANIZATION_NOT_FOUND', organizationIds, date },
    );
  }
}

/** TASK_ORGANIZATION_OUTSIDE_PLAN: the organizations lay outside the plan's unit on the task's date. */
export class TaskOrganizationOutsidePlanError extends BadUserInputError {
  constructor(organizationIds: readonly string[], unitCode: string, date: string) {
    super(
      `Tổ chức ${organizationIds.join(', ')} không thuộc đơn vị ${unitCode} của kế hoạch vào ngày ${date}`,
      `Organization ${organizationIds.join(', ')} lies outside the plan's unit ${unitCode} on ${date}`,
      { reason: 'TASK_ORGANIZATION_OUTSIDE_PLAN', organizationIds, unitCode, date },
    );
  }
}

/** TASK_OWNER_NOT_FOUND: no person of this id is known (personnel never registered one). */
export class TaskOwnerNotFoundError extends NotFoundError {
  constructor(personId: string) {
    super(`Không có cán bộ ${personId}`, `No person ${personId}`, { reason: 'TASK_OWNER_NOT_FOUND', personId });
  }
}
