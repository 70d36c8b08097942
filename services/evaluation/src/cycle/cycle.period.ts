import { addMonths, dayBefore } from '@ps/effective-dating';
import { BadUserInputError } from '@ps/errors';
import { CYCLE_MONTHS, type CycleKind } from './cycle.kinds';

/** A period of whole days, both ends included. */
export interface CyclePeriod {
  from: string;
  to: string;
}

/** A period that is not a calendar month, quarter or year. */
export class PeriodBoundaryError extends BadUserInputError {}

/**
 * The period of a cycle: `from` opens a month (MONTHLY), a quarter (January, April, July or
 * October: QUARTERLY) or a year (ANNUAL), and `to` is the last day of that month, quarter or year.
 */
export function checkCyclePeriod(kind: CycleKind, period: CyclePeriod): CyclePeriod {
  const [, month, day] = period.from.split('-').map(Number);
  const months = CYCLE_MONTHS[kind];
  const expectedTo = dayBefore(addMonths(period.from, months));
  if (day !== 1 || (month - 1) % months !== 0) {
    throw new PeriodBoundaryError(
      `Kỳ ${kind} phải bắt đầu từ ngày đầu ${months === 1 ? 'tháng' : months === 3 ? 'quý' : 'năm'}, không phải ${period.from}`,
      `A ${kind} cycle starts on the first day of its ${months === 1 ? 'month' : months === 3 ? 'quarter' : 'year'}, not ${period.from}`,
      { reason: 'PERIOD_START', kind, from: period.from },
    );
  }
  if (period.to !== expectedTo) {
    throw new PeriodBoundaryError(
      `Kỳ ${kind} từ ${period.from} phải kết thúc ngày ${expectedTo}, không phải ${period.to}`,
      `A ${kind} cycle from ${period.from} ends on ${expectedTo}, not ${period.to}`,
      { reason: 'PERIOD_END', kind, from: period.from, to: period.to, expectedTo },
    );
  }
  return period;
}

/** Days in a period, both ends counted. */
export function daysIn(period: CyclePeriod): number {
  return Math.round((Date.parse(`${period.to}T00:00:00Z`) - Date.parse(`${period.from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** The date `day` of the period falls on (1 = its first day), the period's last day when it is shorter. */
export function dayOfPeriod(period: CyclePeriod, day: number | null): string {
  if (day === null || day >= daysIn(period)) return period.to;
  const date = new Date(`${period.from}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + day - 1);
  return date.toISOString().slice(0, 10);
}
