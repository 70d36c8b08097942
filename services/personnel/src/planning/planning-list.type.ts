import { LocalDate } from '@ps/effective-dating';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PlanningEntry } from './planning.entity';

export enum PlanningGroupKind {
  YOUNG = 'YOUNG',
  WOMEN = 'WOMEN',
  ETHNIC_MINORITY = 'ETHNIC_MINORITY',
}

registerEnumType(PlanningGroupKind, { name: 'PlanningGroup', description: 'Cán bộ trẻ / nữ / dân tộc thiểu số' });

@ObjectType({ description: 'Tỉ lệ một nhóm trong danh sách quy hoạch so với chỉ tiêu / a group’s share of a planning list against its target' })
export class PlanningShare {
  @Field(() => PlanningGroupKind)
  group!: PlanningGroupKind;

  @Field(() => Int, { description: 'Số người thuộc nhóm / people in the group' })
  count!: number;

  @Field(() => Int, { description: 'Số người trong danh sách / distinct people on the list' })
  total!: number;

  @Field(() => Int, { description: 'Số người hồ sơ chưa có thông tin này / people whose file has no record of it' })
  withoutRecord!: number;

  @Field(() => Float, { description: 'Tỉ lệ % / share in percent' })
  percent!: number;

  @Field(() => Int, { nullable: true, description: 'Chỉ tiêu tối thiểu % (nếu quy định có) / minimum target in percent' })
  targetPercent!: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Đạt chỉ tiêu / target met (null without a target)' })
  met!: boolean | null;

  @Field(() => String, { nullable: true, description: 'Văn bản, điều khoản của chỉ tiêu / source of the target' })
  source!: string | null;
}

@ObjectType({ description: 'Danh sách quy hoạch của một đơn vị theo nhiệm kỳ / a unit’s cadre planning list for a term' })
export class PlanningList {
  @Field(() => ID)
  unitCode!: string;

  @Field({ description: 'Nhiệm kỳ / term' })
  term!: string;

  @Field(() => LocalDate)
  asOf!: string;

  @Field(() => [PlanningEntry])
  entries!: PlanningEntry[];

  @Field(() => [PlanningShare])
  shares!: PlanningShare[];
}
