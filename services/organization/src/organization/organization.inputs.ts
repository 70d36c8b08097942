import { Field, ID, InputType } from 'type-graphql';
import { EffectiveChangeInput } from '../decision/decision.inputs';
import { OrganizationKind } from './organization.entity';

@InputType({ description: 'Thành lập tổ chức / establish an organization' })
export class CreateOrganizationInput {
  @Field(() => ID, { description: 'Đơn vị hành chính / administrative unit' })
  unitCode!: string;

  @Field(() => ID, { nullable: true, description: 'Tổ chức cấp trên cùng đơn vị / parent organization in the same unit' })
  parentId?: string | null;

  @Field(() => OrganizationKind)
  kind!: OrganizationKind;

  @Field()
  name!: string;

  @Field(() => EffectiveChangeInput)
  change!: EffectiveChangeInput;
}

@InputType({
  description:
    'Thay đổi tổ chức từ ngày hiệu lực; trường bỏ trống giữ nguyên / change from the effective date; omitted fields carry over',
})
export class ChangeOrganizationInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => OrganizationKind, { nullable: true })
  kind?: OrganizationKind | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Tổ chức cấp trên mới; null: trực thuộc đơn vị, bỏ trống: giữ nguyên / new parent; null detaches, omitted keeps',
  })
  parentId?: string | null;

  @Field(() => EffectiveChangeInput)
  change!: EffectiveChangeInput;
}
