import { DecisionInput, LocalDate } from '@ps/effective-dating';
import { Field, ID, InputType } from 'type-graphql';
import { DecisionIssuer } from './authority.rules';

@InputType({ description: 'Quyết định của cơ quan có thẩm quyền về đơn vị hành chính / a competent body’s decision on units' })
export class CentralDecisionInput extends DecisionInput {
  @Field(() => DecisionIssuer, { description: 'Cơ quan ban hành / the issuing body' })
  issuer!: DecisionIssuer;
}

/** Effective date, reason and the competent body's decision, as every restructuring states them. */
@InputType({ description: 'Hiệu lực, lý do và quyết định của cơ quan có thẩm quyền / effective date, reason and competent decision' })
export class RestructuringChangeInput {
  @Field(() => LocalDate, { description: 'Ngày có hiệu lực / effective date' })
  effectiveDate!: string;

  @Field({ description: 'Lý do / reason' })
  reason!: string;

  @Field(() => CentralDecisionInput)
  decision!: CentralDecisionInput;
}

@InputType({ description: 'Hợp nhất, nhập đơn vị (N → 1; một đơn vị: thay mã) / merge units (N → 1; one unit: replaced under a new code)' })
export class MergeUnitsInput {
  @Field(() => [ID], { description: 'Các đơn vị được hợp nhất / the units merged' })
  predecessorCodes!: string[];

  @Field(() => ID, { description: 'Mã đơn vị sau hợp nhất (có thể giữ mã một đơn vị cũ) / successor code' })
  successorCode!: string;

  @Field({ description: 'Tên đơn vị sau hợp nhất / successor name' })
  successorName!: string;

  @Field(() => ID, { nullable: true, description: 'Đơn vị cấp trên mới (mặc định: cấp trên chung) / parent' })
  parentCode?: string;

  @Field(() => RestructuringChangeInput)
  change!: RestructuringChangeInput;
}

@InputType({ description: 'Một đơn vị mới sau chia tách / one unit coming out of a split' })
export class SplitSuccessorInput {
  @Field(() => ID)
  code!: string;

  @Field()
  name!: string;

  @Field(() => [ID], { defaultValue: [], description: 'Đơn vị trực thuộc chuyển sang / children it takes over' })
  childCodes!: string[];
}

@InputType({ description: 'Chia tách đơn vị / split a unit (1 → N)' })
export class SplitUnitInput {
  @Field(() => ID)
  code!: string;

  @Field(() => [SplitSuccessorInput])
  successors!: SplitSuccessorInput[];

  @Field(() => RestructuringChangeInput)
  change!: RestructuringChangeInput;
}

@InputType({ description: 'Giải thể, chuyển cấp trên hoặc đổi tên một đơn vị / dissolve, move or rename a unit' })
export class UnitChangeInput {
  @Field(() => ID)
  code!: string;

  @Field(() => ID, { nullable: true, description: 'Đơn vị cấp trên mới (khi chuyển) / new parent (move)' })
  parentCode?: string;

  @Field({ nullable: true, description: 'Tên mới (khi đổi tên) / new name (rename)' })
  name?: string;

  @Field(() => ID, {
    nullable: true,
    description:
      'Khi giải thể: đơn vị nhận địa bàn, tổ chức và biên chế (vd. tỉnh khi không tổ chức cấp huyện) / dissolve: the unit taking over its territory',
  })
  successorCode?: string;

  @Field(() => RestructuringChangeInput)
  change!: RestructuringChangeInput;
}

@InputType({ description: 'Điều chỉnh địa giới: một phần đơn vị này chuyển sang đơn vị kia / boundary adjustment' })
export class AdjustBoundaryInput {
  @Field(() => ID, { description: 'Đơn vị chuyển đi một phần địa bàn / the unit giving part of its area' })
  fromCode!: string;

  @Field(() => ID, { description: 'Đơn vị nhận / the unit receiving it' })
  toCode!: string;

  @Field({ description: 'Phần địa bàn chuyển (mô tả) / the part that moves, described' })
  area!: string;

  @Field(() => [ID], { defaultValue: [], description: 'Thôn, ấp, khu phố chuyển theo / hamlets moving with it' })
  unitCodes!: string[];

  @Field(() => RestructuringChangeInput)
  change!: RestructuringChangeInput;
}
