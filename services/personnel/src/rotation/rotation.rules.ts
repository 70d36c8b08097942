import { monthsBetween } from '@ps/effective-dating';
import type { PlannedPosition } from '../facts/person-facts';
import { breachesOf, type CadreRule, type RuleBreach, type RuleCheck } from '../rules/cadre-rule';
import type { Retirement } from '../retirement/retirement-age.rules';

/** What the rotation rules read when a rotation starts. */
export interface RotationContext {
  startsOn: string;
  plannedEndOn: string;
  /** The person's planning-list positions on the start date. */
  planned: readonly PlannedPosition[];
  retirement: Retirement | null;
  titleCode: string;
  /** Whether the destination title is in the catalogue on the start date. */
  titleInCatalogue: boolean;
}

const amountOf = (rule: CadreRule): number => rule.amount ?? 0;

/** The check of each rotation rule code; which apply, and with which values, is the rule set's. */
export const ROTATION_CHECKS: Readonly<Record<string, RuleCheck<RotationContext>>> = {
  ROTATION_PLANNED_ONLY: (_rule, { planned, startsOn }) =>
    planned.length > 0 ? null : {
      reason: {
        vi: `Chỉ luân chuyển cán bộ đã trong quy hoạch; người này không có trong danh sách quy hoạch nào vào ngày ${startsOn}`,
        en: `Only cadres on a planning list may be rotated; this person is on none on ${startsOn}`,
      },
      facts: { planned: 0 },
    },
  ROTATION_YEARS_LEFT: (rule, context) => yearsLeftBreach(amountOf(rule), context),
  ROTATION_MIN_MONTHS: (rule, { startsOn, plannedEndOn }) => {
    const months = monthsBetween(startsOn, plannedEndOn);
    return months >= amountOf(rule) ? null : {
      reason: {
        vi: `Thời gian luân chuyển ít nhất ${amountOf(rule)} tháng; từ ${startsOn} đến ${plannedEndOn} chỉ ${months} tháng`,
        en: `A rotation lasts at least ${amountOf(rule)} months; ${startsOn} to ${plannedEndOn} is ${months}`,
      },
      facts: { requiredMonths: amountOf(rule), months },
    };
  },
  ROTATION_TITLE_IN_CATALOGUE: (_rule, { titleCode, titleInCatalogue, startsOn }) =>
    titleInCatalogue ? null : {
      reason: {
        vi: `Không tạo chức danh mới để luân chuyển: ${titleCode} không có trong danh mục chức danh vào ngày ${startsOn}`,
        en: `No title is created for a rotation: ${titleCode} is not in the title catalogue on ${startsOn}`,
      },
      facts: { titleCode },
    },
};

function yearsLeftBreach(years: number, { startsOn, retirement }: RotationContext): Omit<RuleBreach, 'rule'> | null {
  if (!retirement) {
    return {
      reason: { vi: 'Không đủ căn cứ tính thời gian công tác còn lại: hồ sơ chưa có ngày sinh, giới tính', en: 'No record of birth date and gender to count the years of work left' },
      facts: { requiredYears: years, noRecord: true },
    };
  }
  const monthsLeft = monthsBetween(startsOn, retirement.date);
  if (monthsLeft >= years * 12) return null;
  return {
    reason: {
      vi: `Phải còn ít nhất ${years} năm công tác; từ ${startsOn} đến tuổi nghỉ hưu (${retirement.age.vi}, ngày ${retirement.date}) chỉ còn ${Math.floor(Math.max(monthsLeft, 0) / 12)} năm ${Math.max(monthsLeft, 0) % 12} tháng`,
      en: `Needs at least ${years} years of work left; from ${startsOn} to retirement age (${retirement.age.en}, on ${retirement.date}) only ${Math.floor(Math.max(monthsLeft, 0) / 12)} years ${Math.max(monthsLeft, 0) % 12} months are left`,
    },
    facts: { requiredYears: years, monthsLeft, retirementDate: retirement.date },
  };
}

/** The rotation rules of the set that refuse the start, in the set's order (none: allowed). */
export function rotationBreaches(rules: readonly CadreRule[], context: RotationContext): RuleBreach[] {
  return breachesOf(rules, ROTATION_CHECKS, context);
}
