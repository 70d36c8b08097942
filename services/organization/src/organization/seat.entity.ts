import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { EffectiveVersion } from '@ps/effective-dating';

/** How a seat is filled. */
export enum SeatSelection {
  ELECTED = 'ELECTED',
  APPOINTED = 'APPOINTED',
}

registerEnumType(SeatSelection, {
  name: 'SeatSelection',
  description: 'Cách chọn người vào vị trí / how a seat is filled',
  valuesConfig: {
    ELECTED: { description: 'Bầu cử (cấp ủy viên, ủy viên ban thường vụ…) / elected' },
    APPOINTED: { description: 'Bổ nhiệm, chỉ định / appointed' },
  },
});

/**
 * One version of a seat of an organization (e.g. "Ủy viên Ban Chấp hành", 27 elected places)
 * that personnel fills; places not filled are vacancies (khuyết).
 */
@ObjectType({ description: 'Vị trí bầu cử hoặc bổ nhiệm của tổ chức / elected or appointed seat' })
@Entity({ name: 'organization_seat' })
export class OrganizationSeat extends EffectiveVersion {
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Field({ description: 'Chức danh / title, e.g. "Bí thư", "Ủy viên Ban Thường vụ"' })
  @Column({ type: 'text' })
  title!: string;

  @Field(() => SeatSelection)
  @Column({ type: 'text' })
  selection!: SeatSelection;

  @Field(() => Int, { description: 'Số người / number of places' })
  @Column({ type: 'integer' })
  capacity!: number;
}
