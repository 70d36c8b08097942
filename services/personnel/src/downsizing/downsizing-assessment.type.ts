import { Field, ObjectType } from 'type-graphql';
import { DownsizingRule } from './downsizing.entity';

/** One exclusion in force, checked against a person's circumstances: the check's answer, and what a candidate lists. */
@ObjectType({ description: 'Một trường hợp chưa xem xét tinh giản, đối chiếu với người này / one exclusion, checked for the person' })
export class ExclusionFinding {
  @Field() code!: string;
  @Field() name!: string;
  @Field({ description: 'Văn bản, điều khoản / source' }) source!: string;
  @Field({ description: 'Người này thuộc trường hợp này / applies to the person' }) applies!: boolean;
  @Field({ description: 'Được bỏ qua vì tự nguyện / waived by volunteering' }) waived!: boolean;
  @Field({ description: 'Vì sao / why' }) reason!: string;
}

/** What downsizingCheck answers: the ground in force, every exclusion with why, and the verdict. */
@ObjectType({ description: 'Kết quả đối chiếu quy định tinh giản / whether a downsizing is allowed, and why' })
export class DownsizingAssessment {
  @Field() groundCode!: string;
  @Field(() => DownsizingRule, { nullable: true, description: 'Căn cứ (null: không có hiệu lực vào ngày đó) / the ground, null when not in force' })
  ground!: DownsizingRule | null;
  @Field(() => [ExclusionFinding]) exclusions!: ExclusionFinding[];
  @Field({ description: 'Được quyết định tinh giản / allowed' }) allowed!: boolean;
}
