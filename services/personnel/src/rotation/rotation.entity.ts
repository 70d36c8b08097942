import { EffectiveVersion, LocalDate } from '@ps/effective-dating';
import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';

/**
 * One version of a rotation (luân chuyển): a planned cadre sent from one unit to a catalogue
 * title at another, from the start date until the planned end. An extension is a new version
 * with a later planned end; completing it closes the version. It is its own record: the
 * person's e-file and assignments stay as they are.
 */
@ObjectType({ description: 'Luân chuyển cán bộ / a cadre rotation' })
@Entity({ name: 'rotation' })
export class Rotation extends EffectiveVersion {
  @Field(() => ID)
  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @Field(() => ID, { description: 'Đơn vị đi / the unit the cadre leaves' })
  @Column({ name: 'from_unit_code', type: 'text' })
  fromUnitCode!: string;

  @Field(() => ID, { description: 'Đơn vị đến / the destination unit' })
  @Column({ name: 'to_unit_code', type: 'text' })
  toUnitCode!: string;

  @Field({ description: 'Chức danh tại nơi đến (mã trong danh mục) / title at the destination' })
  @Column({ name: 'title_code', type: 'text' })
  titleCode!: string;

  @Field(() => LocalDate, { description: 'Ngày bắt đầu / start date' })
  @Column({ name: 'starts_on', type: 'date' })
  startsOn!: string;

  @Field(() => LocalDate, { description: 'Ngày kết thúc dự kiến / planned end' })
  @Column({ name: 'planned_end_on', type: 'date' })
  plannedEndOn!: string;
}

/** A rotation version as the audit trail records it. */
export function rotationSnapshot(rotation: Rotation) {
  const { id, personId, fromUnitCode, toUnitCode, titleCode, startsOn, plannedEndOn, validFrom, validTo } = rotation;
  return { id, personId, fromUnitCode, toUnitCode, titleCode, startsOn, plannedEndOn, validFrom, validTo };
}
