import { EffectiveChangeInput } from '@ps/effective-dating';
import { Field, ID, InputType, Int } from 'type-graphql';
import { RatingLevel } from '../rating/rating.entity';
import { RuleSubject } from '../rule-set/rule-set.kinds';

@InputType({ description: 'Mở phiếu đánh giá năm của một người (thông tin như khi chấm điểm kỳ) / open a person’s evaluation of a year' })
export class OpenEvaluationInput {
  @Field(() => ID, { description: 'Người được đánh giá (mã của dịch vụ nhân sự) / the person' })
  personId!: string;

  @Field({ description: 'Họ và tên / full name' })
  fullName!: string;

  @Field(() => ID, { description: 'Cơ quan, đơn vị sử dụng / the employing agency’s unit' })
  unitCode!: string;

  @Field(() => ID, { description: 'Tổ chức (mã của dịch vụ tổ chức) / the organization' })
  organizationId!: string;

  @Field({ description: 'Mã chức danh / title code' })
  titleCode!: string;

  @Field(() => RuleSubject, { description: 'Đối tượng áp dụng bộ quy tắc / whom the rule set applies to' })
  subject!: RuleSubject;

  @Field(() => Int, { description: 'Năm đánh giá / the year rated' })
  year!: number;

  @Field({ defaultValue: '', description: 'Nhóm có nhiệm vụ tương đồng (để tính tỷ lệ) / group of similar duties, for quotas' })
  dutyGroup!: string;

  @Field({ defaultValue: false, description: 'Người đứng đầu, cấp phó (do cấp trên đánh giá) / holds a leading post (rated by the tier above)' })
  leader!: boolean;

  @Field(() => EffectiveChangeInput, { description: 'Ngày mở, lý do, văn bản / opened on, why, on which record' })
  change!: EffectiveChangeInput;
}

@InputType({ description: 'Cá nhân tự đánh giá, xếp loại / the person’s self-assessment' })
export class RecordSelfAssessmentInput {
  @Field(() => ID)
  evaluationId!: string;

  @Field(() => RatingLevel, { description: 'Mức tự xếp loại / the level self-assessed' })
  level!: RatingLevel;

  @Field({ description: 'Bản tự nhận xét / the self-assessment' })
  comment!: string;

  @Field(() => EffectiveChangeInput)
  change!: EffectiveChangeInput;
}

@InputType({ description: 'Ý kiến của tập thể tại cuộc họp đơn vị / the unit staff meeting’s comments' })
export class RecordStaffMeetingCommentsInput {
  @Field(() => ID)
  evaluationId!: string;

  @Field({ description: 'Ý kiến nhận xét / the comments' })
  comment!: string;

  @Field(() => EffectiveChangeInput, { description: 'Ngày họp, lý do, biên bản / meeting day, why, its minutes' })
  change!: EffectiveChangeInput;
}

@InputType({ description: 'Người quản lý trực tiếp đề xuất mức xếp loại / the direct manager’s proposal' })
export class ProposeRatingInput {
  @Field(() => ID)
  evaluationId!: string;

  @Field(() => RatingLevel)
  level!: RatingLevel;

  @Field({ description: 'Nhận xét, đánh giá / the manager’s comment' })
  comment!: string;

  @Field(() => EffectiveChangeInput)
  change!: EffectiveChangeInput;
}

@InputType({ description: 'Mức người đứng đầu quyết định cho một phiếu / the head’s level for one evaluation' })
export class RatingDecisionInput {
  @Field(() => ID)
  evaluationId!: string;

  @Field(() => RatingLevel, { description: 'Mức được chọn; quy tắc có thể hạ mức, không nâng / the level chosen; the rules may lower it, never raise it' })
  level!: RatingLevel;

  @Field({ defaultValue: false, description: 'Để xảy ra tham nhũng trong đơn vị phụ trách (người đứng đầu) / corruption in the unit a leader runs' })
  corruptionInUnit!: boolean;
}

@InputType({ description: 'Người đứng đầu cơ quan sử dụng quyết định xếp loại (một đợt) / the head of the employing agency decides a batch of ratings' })
export class DecideRatingsInput {
  @Field(() => [RatingDecisionInput])
  decisions!: RatingDecisionInput[];

  @Field(() => EffectiveChangeInput, { description: 'Ngày quyết định, lý do, quyết định / decided on, why, the decision' })
  change!: EffectiveChangeInput;
}

@InputType({ description: 'Khiếu nại kết quả xếp loại / appeal a decided rating' })
export class FileRatingAppealInput {
  @Field(() => ID)
  evaluationId!: string;

  @Field({ description: 'Lý do khiếu nại / why' })
  reason!: string;

  @Field(() => EffectiveChangeInput, { description: 'Ngày nộp, lý do, đơn / filed on, why, the letter' })
  change!: EffectiveChangeInput;
}

@InputType({ description: 'Giải quyết khiếu nại kết quả xếp loại / resolve an appeal' })
export class ResolveRatingAppealInput {
  @Field(() => ID)
  appealId!: string;

  @Field({ description: 'Chấp nhận (xếp loại lại) hay không / upheld (re-rated) or dismissed' })
  upheld!: boolean;

  @Field(() => RatingLevel, { nullable: true, description: 'Mức mới khi chấp nhận / the new level when upheld' })
  level?: RatingLevel | null;

  @Field({ description: 'Nội dung giải quyết / the resolution' })
  resolution!: string;

  @Field(() => EffectiveChangeInput, { description: 'Ngày giải quyết, lý do, quyết định / resolved on, why, the decision' })
  change!: EffectiveChangeInput;
}
