import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DatedRecord, Decision } from '@ps/effective-dating';

/** Who holds a staffing quota: an administrative unit (from the tier above) or an organization inside one. */
export enum QuotaHolderKind {
  UNIT = 'UNIT',
  ORGANIZATION = 'ORGANIZATION',
}

registerEnumType(QuotaHolderKind, {
  name: 'QuotaHolderKind',
  description: 'Đơn vị hành chính hoặc tổ chức được giao biên chế / holder of a staffing quota',
});

/** A holder by kind and id (unit code, or the organization's stable id). */
export interface QuotaHolder {
  kind: QuotaHolderKind;
  id: string;
}

/** `UNIT:720`, `ORGANIZATION:<uuid>`: the aggregate id of quota events and the key of the allocation rules. */
export function holderKey(holder: QuotaHolder): string {
  return `${holder.kind}:${holder.id}`;
}

/**
 * One version of a holder's staffing quota (biên chế), in force on [validFrom, validTo).
 * `allocated` and `available` are read as of `asOf`.
 */
@ObjectType({ description: 'Chỉ tiêu biên chế (một phiên bản theo thời gian) / staffing quota as of a date' })
@Entity({ name: 'staffing_quota' })
export class StaffingQuota extends DatedRecord {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => QuotaHolderKind)
  @Column({ name: 'holder_kind', type: 'text' })
  holderKind!: QuotaHolderKind;

  @Field(() => ID, { description: 'Mã đơn vị hoặc mã tổ chức / unit code or organization id' })
  @Column({ name: 'holder_id', type: 'text' })
  holderId!: string;

  @Field(() => Int, { description: 'Số biên chế được giao / headcount allowed' })
  @Column({ type: 'integer' })
  amount!: number;

  @Field(() => ID, { description: 'Đơn vị hành chính của chủ thể / the holder’s administrative unit' })
  unitCode!: string;

  @Field(() => Int, { description: 'Đã phân bổ cho cấp dưới (ngày asOf) / allocated to the holder’s children that day' })
  allocated!: number;

  @Field(() => Int, { description: 'Còn lại để phân bổ / amount minus allocated' })
  available!: number;

  @Field(() => Decision, { nullable: true, description: 'Quyết định giao biên chế / the decision that set it' })
  decision!: Decision | null;
}

/** Both sides of a quota move, as of its effective date. */
@ObjectType({ description: 'Điều chuyển biên chế giữa hai tổ chức / a quota move between two organizations' })
export class QuotaMove {
  @Field(() => StaffingQuota)
  from!: StaffingQuota;

  @Field(() => StaffingQuota)
  to!: StaffingQuota;

  @Field(() => Int, { description: 'Số biên chế điều chuyển / headcount moved' })
  amount!: number;
}
