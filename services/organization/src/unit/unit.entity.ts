import { Tier } from '@ps/service-kit';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DatedRecord } from '@ps/effective-dating';

/** The territory tree's tiers: one GraphQL enum shared by every subgraph. */
export { Tier };

/**
 * One version of an administrative unit (đơn vị hành chính), valid from `validFrom`
 * (inclusive) to `validTo` (exclusive, null while current). `path` is the ltree of official
 * codes from the province down, so a subtree is one index scan.
 */
@Directive('@key(fields: "code")')
@ObjectType({ description: 'Đơn vị hành chính (một phiên bản theo thời gian) / administrative unit as of a date' })
@Entity({ name: 'administrative_unit' })
export class AdministrativeUnit extends DatedRecord {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID, { description: 'Mã đơn vị hành chính (GSO) / official code' })
  @Column({ type: 'text' })
  code!: string;

  @Field({ description: 'Tên đầy đủ / full name, e.g. "Xã An Lập"' })
  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'search_name', type: 'text' })
  searchName!: string;

  @Field(() => Tier)
  @Column({ type: 'text' })
  tier!: Tier;

  @Field(() => String, { nullable: true })
  @Column({ name: 'parent_code', type: 'text', nullable: true })
  parentCode!: string | null;

  @Field({ description: 'Đường dẫn mã từ cấp tỉnh / code path from the province, e.g. 74.720.25801' })
  @Column({ type: 'ltree' })
  path!: string;

}
