import { BadUserInputError, ForbiddenError } from '@ps/errors';
import type { Contradiction } from './rule-set.contradictions';

/** A rule set refused for contradicting itself or another set: every reason, each with its code and place. */
export class RuleSetContradictionError extends BadUserInputError {
  constructor(code: string, contradictions: readonly Contradiction[]) {
    super(
      `Bộ quy tắc xếp loại ${code} không hợp lệ: ${contradictions.map((found) => found.vi).join('; ')}`,
      `Rating rule set ${code} is refused: ${contradictions.map((found) => found.en).join('; ')}`,
      { reason: 'RULE_SET_CONTRADICTION', reasons: contradictions.map(({ reason, path }) => ({ reason, path })) },
    );
  }
}

/** Rule sets are central decisions: only the centre's recorder records them. */
export class NotNationalRecorderError extends ForbiddenError {
  constructor(role: string) {
    super(
      `Chỉ người ghi nhận cấp trung ương (national-recorder) được ghi nhận bộ quy tắc xếp loại; vai trò của bạn: ${role}`,
      `Only the national recorder records rating rule sets; your role: ${role}`,
      { reason: 'NATIONAL_RECORDER_ONLY', role },
    );
  }
}
