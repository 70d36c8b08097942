import { LocalDate } from '@ps/effective-dating';
import { Tier } from '@ps/service-kit';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Nhóm vị trí việc làm: leadership, professional or support (Decree 62/2020). */
export enum PositionGroup {
  LEADERSHIP = 'LEADERSHIP',
  PROFESSIONAL = 'PROFESSIONAL',
  SUPPORT = 'SUPPORT',
}

/** The tiers a title can sit at: the territory tree's, one GraphQL enum shared by every subgraph. */
export { Tier };

registerEnumType(PositionGroup, { name: 'PositionGroup', description: 'Lãnh đạo, quản lý / chuyên môn, nghiệp vụ / hỗ trợ, phục vụ' });

/**
 * One version of a title (chức danh) in the catalogue: the tier and kind of organization it
 * sits in, its position group, whether it is a key post (Regulation 65-QĐ/TW: filled by
 * non-locals or rotation), and the regulation that defines it.
 */
@ObjectType({ description: 'Chức danh trong danh mục / a title of the catalogue, as of a date' })
@Entity({ name: 'title' })
export class Title {
  @Field(() => ID, { description: 'Mã chức danh / stable code, e.g. COMMUNE_PARTY_SECRETARY' })
  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Field(() => LocalDate)
  @PrimaryColumn({ name: 'valid_from', type: 'date' })
  validFrom!: string;

  @Field(() => LocalDate, { nullable: true })
  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo!: string | null;

  @Field({ description: 'Tên chức danh / name' })
  @Column({ type: 'text' })
  name!: string;

  @Field(() => Tier, { description: 'Cấp của chức danh / the tier it sits at' })
  @Column({ type: 'text' })
  tier!: Tier;

  @Field({ description: 'Loại tổ chức có chức danh này / the kind of organization it sits in' })
  @Column({ name: 'organization_kind', type: 'text' })
  organizationKind!: string;

  @Field(() => PositionGroup)
  @Column({ name: 'position_group', type: 'text' })
  positionGroup!: PositionGroup;

  @Field({ description: 'Chức danh chủ chốt (bí thư, chủ tịch, quân sự, tài chính…) / key post' })
  @Column({ name: 'key_post', type: 'boolean' })
  keyPost!: boolean;

  @Field({ description: 'Văn bản, điều khoản quy định / source document and article' })
  @Column({ type: 'text' })
  source!: string;
}
