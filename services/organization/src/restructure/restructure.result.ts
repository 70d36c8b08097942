import { Field, ObjectType } from 'type-graphql';
import { AdministrativeUnit } from '../unit/unit.entity';
import { stampAsOf, LocalDate } from '@ps/effective-dating';
import { dayBefore } from '@ps/effective-dating';

@ObjectType({ description: 'Kết quả sắp xếp đơn vị / what a restructuring changed' })
export class RestructuringResult {
  @Field(() => LocalDate)
  effectiveDate!: string;

  @Field(() => [AdministrativeUnit], { description: 'Phiên bản kết thúc (như ngày trước hiệu lực) / versions ended' })
  ended!: AdministrativeUnit[];

  @Field(() => [AdministrativeUnit], { description: 'Phiên bản bắt đầu (từ ngày hiệu lực) / versions started' })
  started!: AdministrativeUnit[];
}

/** The ended versions read as of the day before, the started ones as of the effective date. */
export function restructuringResult(
  effectiveDate: string,
  ended: AdministrativeUnit[],
  started: AdministrativeUnit[],
): RestructuringResult {
  return Object.assign(new RestructuringResult(), {
    effectiveDate,
    ended: ended.map((unit) => stampAsOf(unit, dayBefore(effectiveDate))),
    started: started.map((unit) => stampAsOf(unit, effectiveDate)),
  });
}
