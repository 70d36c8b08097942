import { EffectiveVersion } from '@ps/effective-dating';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import type { Person } from '../person/person.entity';
import { Tier } from '../title/title.entity';

/**
 * One version of a person's place on a planning list (quy hoạch): planned for a position — a
 * catalogue title at a unit — in a term. Removing them closes the version.
 */
@ObjectType({ description: 'Một người trong danh sách quy hoạch / a person on a cadre planning list' })
@Entity({ name: 'cadre_planning' })
export class PlanningEntry extends EffectiveVersion {
  @Field(() => ID)
  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @Field({ description: 'Chức danh quy hoạch (mã trong danh mục) / planned title code' })
  @Column({ name: 'title_code', type: 'text' })
  titleCode!: string;

  @Field(() => Tier, { description: 'Cấp của chức danh / the title’s tier' })
  @Column({ type: 'text' })
  tier!: Tier;

  @Field(() => ID, { description: 'Đơn vị của chức danh / the position’s unit' })
  @Column({ name: 'unit_code', type: 'text' })
  unitCode!: string;

  @Field(() => Int, { description: 'Năm đầu nhiệm kỳ / first year of the term' })
  @Column({ name: 'term_start', type: 'integer' })
  termStart!: number;

  @Field(() => Int, { description: 'Năm cuối nhiệm kỳ / last year of the term' })
  @Column({ name: 'term_end', type: 'integer' })
  termEnd!: number;

  /** The person as of the date asked, when the read joined them (the list does, in its one query). */
  person?: Person;
}

/** A planning entry as the audit trail records it. */
export function planningSnapshot(entry: PlanningEntry) {
  const { id, personId, titleCode, tier, unitCode, termStart, termEnd, validFrom, validTo } = entry;
  return { id, personId, titleCode, tier, unitCode, termStart, termEnd, validFrom, validTo };
}
