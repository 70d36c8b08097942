import { EffectiveVersion } from '@ps/effective-dating';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import type { ExpectedProduct } from './responsibility-rule.rules';

/** One expected work product: both what a rule shows and what recording one takes. */
@ObjectType('ExpectedWorkProduct', { description: 'Sản phẩm công việc phải hoàn thành trong kỳ / an expected work product' })
@InputType('ExpectedWorkProductInput')
export class ExpectedWorkProduct implements ExpectedProduct {
  @Field({ description: 'Mã sản phẩm, VD BAO_CAO_THANG / product code' })
  code!: string;

  @Field()
  name!: string;

  @Field(() => Float, { description: 'Trọng số; tổng các sản phẩm bằng 100 / weight, the products sum to 100' })
  weight!: number;

  @Field(() => Int, { description: 'Số lượng phải hoàn thành trong kỳ / quantity expected per period' })
  expectedQuantity!: number;

  @Field({ description: 'Tiêu chuẩn chất lượng / quality standard' })
  qualityStandard!: string;

  @Field(() => Float, { defaultValue: 100, description: 'Tỷ lệ (%) số lượng đạt chuẩn tối thiểu để không bị coi là không đạt / least share meeting the standard' })
  minQualityPercent!: number;

  @Field(() => Int, { nullable: true, description: 'Hạn: ngày thứ mấy của kỳ (1 = ngày đầu); bỏ trống: ngày cuối kỳ / due by this day of the period; null: its last day' })
  deadlineDay!: number | null;
}

/**
 * A job-responsibility rule (quy định trách nhiệm công việc) of one title in one organization of
 * a unit: the catalogue of work products expected each period, effective-dated. The organization
 * and the title are references to what other services own, kept as given.
 */
@ObjectType({ description: 'Quy định trách nhiệm công việc theo chức danh / a job-responsibility rule' })
@Entity({ name: 'responsibility_rule' })
export class ResponsibilityRule extends EffectiveVersion {
  @Field(() => ID)
  @Column({ name: 'unit_code', type: 'text' })
  unitCode!: string;

  @Field(() => ID, { description: 'Tổ chức (mã của dịch vụ tổ chức) / the organization' })
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Field({ description: 'Mã chức danh / title code' })
  @Column({ name: 'title_code', type: 'text' })
  titleCode!: string;

  @Field(() => [ExpectedWorkProduct])
  @Column({ type: 'jsonb' })
  products!: ExpectedWorkProduct[];
}

/** A rule version as the audit trail records it. */
export function ruleSnapshot(rule: ResponsibilityRule) {
  const { id, unitCode, organizationId, titleCode, products, validFrom, validTo } = rule;
  return { id, unitCode, organizationId, titleCode, products, validFrom, validTo };
}
