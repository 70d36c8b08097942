import { LocalDate } from '@ps/effective-dating';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Organization } from '../organization/organization.type';
import { RatingLevel } from '../rating/rating.entity';

@ObjectType({ description: 'Số lượng và tỷ lệ (%) theo mức xếp loại / counts and shares (%) per rating level' })
export class RatingDistribution {
  @Field(() => Int, { description: 'HTXS' })
  excellent!: number;

  @Field(() => Int, { description: 'HTT' })
  good!: number;

  @Field(() => Int, { description: 'HTNV' })
  completed!: number;

  @Field(() => Int, { description: 'KHTNV' })
  notCompleted!: number;

  @Field(() => Int, { description: 'Tổng số được xếp loại / rated in all' })
  total!: number;

  @Field(() => Float, { description: 'Tỷ lệ HTXS (%) / share of HTXS' })
  excellentShare!: number;

  @Field(() => Float, { description: 'Tỷ lệ HTT (%)' })
  goodShare!: number;

  @Field(() => Float, { description: 'Tỷ lệ HTNV (%)' })
  completedShare!: number;

  @Field(() => Float, { description: 'Tỷ lệ KHTNV (%)' })
  notCompletedShare!: number;
}

@ObjectType({ description: 'Một dòng theo đơn vị / one unit’s line' })
export class UnitRatingRow {
  @Field(() => ID)
  unitCode!: string;

  @Field()
  unitName!: string;

  @Field({ description: 'true: chỉ các cơ quan của chính đơn vị; false: đơn vị trực thuộc và mọi cấp dưới / the unit’s own agencies only, or a unit below with all under it' })
  ownAgencies!: boolean;

  @Field(() => RatingDistribution)
  ratings!: RatingDistribution;
}

/** The organization's name is evaluation's own copy, so the Excel workbook can print it too. */
const NAME =
  'Tên tổ chức vào ngày của báo cáo (asOf), theo bản sao của dịch vụ đánh giá; null khi chưa biết / the organization’s name as of the report’s date, from evaluation’s copy; null while unknown';

@ObjectType({ description: 'Một dòng theo tổ chức / one organization’s line' })
export class OrganizationRatingRow {
  @Field(() => ID)
  organizationId!: string;

  @Field(() => Organization, { nullable: true, description: 'Tổ chức (dịch vụ tổ chức trả lời; null khi không còn) / the organization, as the organization service answers it' })
  organization!: Organization;

  @Field(() => String, { nullable: true, description: NAME })
  organizationName!: string | null;

  @Field(() => ID)
  unitCode!: string;

  @Field()
  unitName!: string;

  @Field(() => RatingDistribution)
  ratings!: RatingDistribution;
}

@ObjectType({ description: 'Kết quả xếp loại của một người đứng đầu hoặc cấp phó / a leader’s own rating' })
export class LeaderRating {
  @Field(() => ID)
  personId!: string;

  @Field()
  fullName!: string;

  @Field()
  titleCode!: string;

  @Field(() => RatingLevel)
  level!: RatingLevel;
}

@ObjectType({
  description: 'Trách nhiệm người đứng đầu: xếp loại của người đứng đầu và chất lượng cán bộ của tổ chức / a head’s accountability: the leaders’ ratings beside their staff’s',
})
export class HeadAccountabilityRow {
  @Field(() => ID)
  organizationId!: string;

  @Field(() => Organization, { nullable: true, description: 'Tổ chức / the organization' })
  organization!: Organization;

  @Field(() => String, { nullable: true, description: NAME })
  organizationName!: string | null;

  @Field(() => ID)
  unitCode!: string;

  @Field()
  unitName!: string;

  @Field(() => [LeaderRating], { description: 'Người đứng đầu, cấp phó được xếp loại (có thể rỗng) / the leaders rated (may be none)' })
  leaders!: LeaderRating[];

  @Field(() => RatingDistribution, { description: 'Cán bộ không giữ chức vụ lãnh đạo của tổ chức / the staff, leaders left out' })
  staff!: RatingDistribution;

  @Field({ description: 'Có cán bộ không hoàn thành nhiệm vụ / some of the staff did not complete their tasks' })
  staffNotCompleted!: boolean;
}

@ObjectType({ description: 'Báo cáo kết quả đánh giá, xếp loại chất lượng của một đơn vị trong một năm / a unit’s rating report of a year' })
export class RatingReport {
  @Field(() => ID)
  unitCode!: string;

  @Field()
  unitName!: string;

  @Field(() => Int)
  year!: number;

  @Field(() => LocalDate, { description: 'Mức xếp loại có hiệu lực vào ngày / levels as in force on' })
  asOf!: string;

  @Field(() => [UnitRatingRow], { description: 'Chính đơn vị và từng đơn vị trực thuộc / the unit itself and each unit directly below it' })
  units!: UnitRatingRow[];

  @Field(() => [OrganizationRatingRow])
  organizations!: OrganizationRatingRow[];

  @Field(() => [HeadAccountabilityRow])
  heads!: HeadAccountabilityRow[];

  @Field(() => RatingDistribution, { description: 'Tổng cộng / totals' })
  total!: RatingDistribution;
}

@ObjectType({ description: 'Kết quả xếp loại của một năm trong xu hướng / one year of a trend' })
export class RatingTrendYear {
  @Field(() => Int)
  year!: number;

  @Field(() => RatingDistribution)
  ratings!: RatingDistribution;
}

@ObjectType({ description: 'Tệp báo cáo (mã hoá base64) / a report file, base64-encoded' })
export class ReportFile {
  @Field()
  fileName!: string;

  @Field()
  contentType!: string;

  @Field()
  contentBase64!: string;
}
