import { EffectiveChangeInput } from '@ps/effective-dating';
import { Field, ID, InputType } from 'type-graphql';
import { MassOrganizationType, OrganizationBase, OrganizationKind } from './organization.entity';

@InputType({ description: 'Thành lập tổ chức / establish an organization' })
export class CreateOrganizationInput {
  @Field(() => ID, { description: 'Đơn vị hành chính / administrative unit' })
  unitCode!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Tổ chức cấp trên, cùng đơn vị hoặc đơn vị cấp trên (cấp ủy: tổ chức đảng bầu ra nó) / parent organization',
  })
  parentId?: string | null;

  @Field(() => OrganizationKind)
  kind!: OrganizationKind;

  @Field(() => MassOrganizationType, { nullable: true, description: 'Bắt buộc với MASS_ORGANIZATION / required for mass organizations' })
  subtype?: MassOrganizationType | null;

  @Field(() => OrganizationBase, {
    nullable: true,
    description:
      'Mặc định theo loại: UNIT cho cấp ủy, HĐND, UBND, MTTQ, đoàn thể; INSTITUTION cho tổ chức cơ sở đảng, chi bộ, đơn vị sự nghiệp / default by kind',
  })
  base?: OrganizationBase | null;

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

  @Field(() => MassOrganizationType, { nullable: true })
  subtype?: MassOrganizationType | null;

  @Field(() => OrganizationBase, { nullable: true })
  base?: OrganizationBase | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Tổ chức cấp trên mới; null: trực thuộc đơn vị, bỏ trống: giữ nguyên / new parent; null detaches, omitted keeps',
  })
  parentId?: string | null;

  @Field(() => EffectiveChangeInput)
  change!: EffectiveChangeInput;
}
