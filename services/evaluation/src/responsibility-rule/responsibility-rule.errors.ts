import { BadUserInputError, NotInForceError } from '@ps/errors';
import type { RuleDefect } from './responsibility-rule.rules';

/** A rule refused: every reason, each with its code and place. */
export class ResponsibilityRuleDefectError extends BadUserInputError {
  constructor(defects: readonly RuleDefect[]) {
    super(
      `Quy định trách nhiệm công việc không hợp lệ: ${defects.map((found) => found.vi).join('; ')}`,
      `The job-responsibility rule is refused: ${defects.map((found) => found.en).join('; ')}`,
      { reason: 'RESPONSIBILITY_RULE_DEFECTS', reasons: defects.map(({ reason, path }) => ({ reason, path })) },
    );
  }
}

/** No rule of the holder was in force on the date a period is scored under. */
export class NoResponsibilityRuleError extends NotInForceError {
  constructor(holder: { unitCode: string; organizationId: string; titleCode: string }, date: string) {
    super(
      `Không có quy định trách nhiệm công việc của chức danh ${holder.titleCode} tại tổ chức ${holder.organizationId} (${holder.unitCode}) có hiệu lực ngày ${date}`,
      `No job-responsibility rule of title ${holder.titleCode} in organization ${holder.organizationId} (${holder.unitCode}) was in force on ${date}`,
      { reason: 'NO_RESPONSIBILITY_RULE', ...holder, date },
    );
  }
}
