import { EffectiveVersion, LocalDate } from '@ps/effective-dating';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A ground for downsizing someone, or a circumstance that defers it. */
export enum DownsizingRuleKind {
  GROUND = 'GROUND',
  EXCLUSION = 'EXCLUSION',
}

registerEnumType(DownsizingRuleKind, { name: 'DownsizingRuleKind', description: 'Căn cứ tinh giản / trường hợp chưa xem xét tinh giản' });

/** One version of a downsizing rule, with the decree and article that state it. */
@ObjectType({ description: 'Quy định về tinh giản biên chế / a downsizing rule, as of a date' })
@Entity({ name: 'downsizing_rule' })
export class DownsizingRule {
  @Field(() => ID, { description: 'Mã quy định / stable code, e.g. CHILD_UNDER_36_MONTHS' })
  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Field(() => DownsizingRuleKind)
  @Column({ type: 'text' })
  kind!: DownsizingRuleKind;

  @Field(() => LocalDate)
  @PrimaryColumn({ name: 'valid_from', type: 'date' })
  validFrom!: string;

  @Field(() => LocalDate, { nullable: true })
  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo!: string | null;

  @Field({ description: 'Trừ khi người đó tự nguyện / does not apply when the person volunteers' })
  @Column({ name: 'waived_by_volunteering', type: 'boolean' })
  waivedByVolunteering!: boolean;

  @Field(() => Int, { nullable: true, description: 'Thời hạn (tháng) kể từ khi phát sinh / months it lasts from its start' })
  @Column({ name: 'lasts_months', type: 'int', nullable: true })
  lastsMonths!: number | null;

  @Field()
  @Column({ type: 'text' })
  name!: string;

  @Field({ description: 'Văn bản, điều khoản / source document and article' })
  @Column({ type: 'text' })
  source!: string;
}

/** A dated circumstance of a person that defers downsizing (its kind is an exclusion's code). */
@ObjectType({ description: 'Hoàn cảnh chưa xem xét tinh giản / a circumstance deferring downsizing' })
@Entity({ name: 'person_circumstance' })
export class PersonCircumstance extends EffectiveVersion {
  @Field(() => ID)
  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @Field({ description: 'Mã trường hợp / the exclusion’s code' })
  @Column({ type: 'text' })
  kind!: string;
}

/** A decision to downsize a person on a legal ground. */
@ObjectType({ description: 'Quyết định tinh giản biên chế / a downsizing decision' })
@Entity({ name: 'downsizing' })
export class Downsizing extends EffectiveVersion {
  @Field(() => ID)
  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @Field({ description: 'Căn cứ / the ground’s code' })
  @Column({ name: 'ground_code', type: 'text' })
  groundCode!: string;

  @Field({ description: 'Tự nguyện / volunteered' })
  @Column({ type: 'boolean' })
  volunteered!: boolean;

  @Field(() => ID, { nullable: true, description: 'Đề xuất từ kết quả đánh giá / the evaluation candidate it answers' })
  @Column({ name: 'candidate_id', type: 'uuid', nullable: true })
  candidateId!: string | null;
}
