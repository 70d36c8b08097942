import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { LocalDate } from '@ps/effective-dating';

export enum LineageKind {
  MERGE = 'MERGE',
  SPLIT = 'SPLIT',
  ADJUST = 'ADJUST',
  MOVE = 'MOVE',
  RENAME = 'RENAME',
  DISSOLVE = 'DISSOLVE',
}

registerEnumType(LineageKind, {
  name: 'LineageKind',
  valuesConfig: {
    MERGE: { description: 'Hợp nhất, nhập / merged into one' },
    SPLIT: { description: 'Chia tách / split from one' },
    ADJUST: { description: 'Điều chỉnh địa giới: một phần diện tích, dân số chuyển sang / boundary adjustment: part of the area moved' },
    MOVE: { description: 'Chuyển sang đơn vị cấp trên khác / moved under another parent' },
    RENAME: { description: 'Đổi tên / renamed' },
    DISSOLVE: { description: 'Giải thể; địa bàn chuyển cho đơn vị kế thừa / dissolved; its territory passed to the successor' },
  },
});

/** predecessor → successor on a date, with what happened between them. */
@Entity({ name: 'unit_lineage' })
export class UnitLineage {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'predecessor_code', type: 'text' })
  predecessorCode!: string;

  @Column({ name: 'successor_code', type: 'text' })
  successorCode!: string;

  @Column({ type: 'text' })
  kind!: LineageKind;

  @Column({ name: 'effective_date', type: 'date' })
  effectiveDate!: string;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'decision_id', type: 'uuid', nullable: true })
  decisionId!: string | null;
}

/** One side of a lineage link, seen from a unit version. */
@ObjectType({ description: 'Đơn vị tiền thân hoặc kế thừa / a predecessor or successor' })
export class LineageLink {
  @Field(() => ID, { description: 'Mã đơn vị ở đầu kia / the other unit’s code' })
  code!: string;

  @Field(() => LineageKind)
  kind!: LineageKind;

  @Field(() => LocalDate)
  effectiveDate!: string;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  /** The date the other unit is read on: the day before (predecessor) or the date itself (successor). */
  readOn!: string;

  decisionId!: string | null;
}
