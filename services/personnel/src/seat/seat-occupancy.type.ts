import { LocalDate } from '@ps/effective-dating';
import { Field, ID, Int, ObjectType } from 'type-graphql';

/** Who holds a place of a seat on the date. */
@ObjectType({ description: 'Người đang giữ ghế / a holder of a seat' })
export class SeatHolder {
  @Field(() => ID, { description: 'Phân công / the assignment' })
  assignmentId!: string;

  @Field(() => ID)
  personId!: string;

  @Field({ description: 'Họ và tên / full name' })
  fullName!: string;

  @Field({ description: 'Mã chức danh / title code' })
  titleCode!: string;

  @Field({ description: 'Kiêm nhiệm / a concurrent post' })
  concurrent!: boolean;

  @Field(() => LocalDate, { description: 'Giữ từ / holding since' })
  since!: string;
}

/** A seat of an organization on a date: its places, who holds them, and since when any is vacant. */
@ObjectType({ description: 'Ghế của tổ chức và người giữ, vào ngày tra cứu / a seat with its holders, as of a date' })
export class SeatOccupancy {
  @Field(() => ID)
  seatId!: string;

  @Field(() => ID)
  organizationId!: string;

  @Field({ description: 'Tên tổ chức / the organization’s name' })
  organizationName!: string;

  @Field(() => ID, { description: 'Đơn vị / the unit' })
  unitCode!: string;

  @Field({ description: 'Chức danh của ghế / the seat’s title' })
  title!: string;

  @Field({ description: 'Bầu (ELECTED) hay bổ nhiệm (APPOINTED) / how it is filled' })
  selection!: string;

  @Field(() => Int, { description: 'Số người / places' })
  capacity!: number;

  @Field(() => Int, { description: 'Số chỗ đã có người / places filled' })
  filled!: number;

  @Field(() => Int, { description: 'Số chỗ trống / places vacant' })
  vacant!: number;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'Trống từ (ngày người cuối cùng rời ghế, hoặc ngày có ghế); null khi đủ người / vacant since; null when full',
  })
  vacantSince!: string | null;

  @Field(() => [SeatHolder])
  holders!: SeatHolder[];
}
