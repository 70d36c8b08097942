import { randomUUID } from 'node:crypto';
import { requireCapability, type GuardedUnit, type Principal } from '@ps/auth';
import { inForceOn, insertVersion, requiredText, stampAsOf, versionOn, writeDated, type DatedWrite } from '@ps/effective-dating';
import { BadUserInputError, NotFoundError } from '@ps/errors';
import { groupBy } from '@ps/service-kit';
import type { DataSource } from 'typeorm';
import { planForWriting } from '../plan/plan.access';
import { actualSnapshot, IndicatorActual, indicatorSnapshot, ReformIndicator } from './indicator.entity';
import type { AddReformIndicatorInput, RecordIndicatorActualInput } from './indicator.inputs';

/** A target or an actual is a finite amount, not negative. */
function amount(value: number, field: { vi: string; en: string }): number {
  if (!Number.isFinite(value) || value < 0) {
    throw new BadUserInputError(`${field.vi} ${value} phải là số không âm`, `${field.en} ${value} must be a number, not negative`, { reason: 'NEGATIVE_AMOUNT', value });
  }
  return value;
}

export class IndicatorService {
  constructor(private readonly dataSource: DataSource) {}

  /** Indicators in force on `asOf` of plans already read through the territory guard (one query per batch). */
  async ofPlans(planIds: readonly string[], asOf: string): Promise<Map<string, ReformIndicator[]>> {
    const indicators = await this.dataSource
      .getRepository(ReformIndicator)
      .createQueryBuilder('indicator')
      .where('indicator.plan_id IN (:...planIds)', { planIds })
      .andWhere(inForceOn('indicator', ':asOf'), { asOf })
      .orderBy('indicator.name')
      .getMany();
    return groupBy(indicators.map((indicator) => stampAsOf(indicator, asOf)), (indicator) => indicator.planId);
  }

  /** Actuals reported by `asOf`, by period (one query per batch). */
  async actualsOf(indicatorIds: readonly string[], asOf: string): Promise<Map<string, IndicatorActual[]>> {
    const actuals = await this.dataSource
      .getRepository(IndicatorActual)
      .createQueryBuilder('actual')
      .where('actual.indicator_id IN (:...indicatorIds)', { indicatorIds })
      .andWhere(inForceOn('actual', ':asOf'), { asOf })
      .orderBy('actual.period_to')
      .getMany();
    return groupBy(actuals.map((actual) => stampAsOf(actual, asOf)), (actual) => actual.indicatorId);
  }

  /** Sets an indicator of a plan with its target. */
  async add(principal: Principal, input: AddReformIndicatorInput): Promise<ReformIndicator> {
    requireCapability(principal, 'officer');
    const fields = {
      name: requiredText(input.name, { vi: 'Tên chỉ tiêu', en: 'Indicator name' }),
      measure: requiredText(input.measure, { vi: 'Đơn vị tính', en: 'Measure' }),
      target: amount(input.target, { vi: 'Mục tiêu', en: 'Target' }),
    };
    return writeDated(this.dataSource, { actor: principal, operation: 'addReformIndicator', change: input.change }, async (write) => {
      const { plan, unit } = await planForWriting(write, principal, input.planId);
      const indicator = await insertVersion(write, ReformIndicator, { id: randomUUID(), planId: plan.id, ...fields });
      about(write, indicator, unit).after(indicatorSnapshot(indicator));
      return stampAsOf(indicator, write.date);
    });
  }

  /** Records an indicator's actual for a period, reported no earlier than the period's last day. */
  async recordActual(principal: Principal, input: RecordIndicatorActualInput): Promise<IndicatorActual> {
    requireCapability(principal, 'officer');
    const actualValue = amount(input.actual, { vi: 'Kết quả', en: 'Actual' });
    if (input.periodTo < input.periodFrom) {
      throw new BadUserInputError(`Kỳ kết thúc ${input.periodTo} trước khi bắt đầu ${input.periodFrom}`, `Period ends ${input.periodTo} before it starts ${input.periodFrom}`, {
        reason: 'PERIOD_REVERSED',
      });
    }
    return writeDated(this.dataSource, { actor: principal, operation: 'recordIndicatorActual', change: input.change }, async (write) => {
      if (write.date < input.periodTo) {
        throw new BadUserInputError(`Báo cáo ngày ${write.date} trước khi kỳ kết thúc ${input.periodTo}`, `Reported on ${write.date}, before the period ends on ${input.periodTo}`, {
          reason: 'REPORTED_BEFORE_PERIOD_ENDS',
        });
      }
      const indicator = await versionOn(write.manager, ReformIndicator, input.indicatorId, write.date);
      if (!indicator) throw new NotFoundError(`Không có chỉ tiêu ${input.indicatorId}`, `No indicator ${input.indicatorId}`, { reason: 'INDICATOR_NOT_FOUND' });
      const { unit } = await planForWriting(write, principal, indicator.planId);
      const actual = await insertVersion(write, IndicatorActual, {
        id: randomUUID(), indicatorId: indicator.id, periodFrom: input.periodFrom, periodTo: input.periodTo, actual: actualValue,
      });
      about(write, indicator, unit).after(actualSnapshot(actual));
      return stampAsOf(actual, write.date);
    });
  }
}

function about(write: DatedWrite, indicator: ReformIndicator, unit: GuardedUnit): DatedWrite {
  return write.about({ type: 'ReformIndicator', id: indicator.id, label: `${indicator.name} – ${unit.name} (${unit.code})`, unitCode: unit.code, unitPaths: [unit.path] });
}
