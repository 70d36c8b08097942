import { LocalDate } from '@ps/effective-dating';
import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Tổ chức đã nhập vào / an organization that passed to the successor' })
export class SurplusPredecessor {
  @Field(() => ID) id!: string;
  @Field() name!: string;
}

@ObjectType({ description: 'Số người giữ một chức danh / holders of one title' })
export class TitleHolders {
  @Field() titleCode!: string;
  @Field(() => Int) holders!: number;
}

@ObjectType({ description: 'Mức giảm biên chế phải đạt theo quy định / the reduction the rule requires' })
export class ReductionTarget {
  @Field(() => Int, { description: 'Số người phải còn tối đa / headcount to reach' }) headcount!: number;
  @Field(() => Int, { description: 'Số người phải giảm thêm / heads still to shed' }) toShed!: number;
  @Field(() => LocalDate, { description: 'Hạn / by' }) dueBy!: string;
  @Field({ description: 'Văn bản / source' }) source!: string;
}

@ObjectType({ description: 'Biên chế dôi dư của một tổ chức kế thừa sau sắp xếp / a successor’s surplus after a restructuring' })
export class SurplusLine {
  @Field(() => ID) organizationId!: string;
  @Field() organizationName!: string;
  @Field() kind!: string;
  @Field(() => [SurplusPredecessor], { description: 'Các tổ chức đã nhập vào ngày đó / predecessors merged in that day' })
  predecessors!: SurplusPredecessor[];
  @Field(() => Int, { nullable: true, description: 'Biên chế được giao vào ngày đó (null: chưa giao) / quota then' })
  quota!: number | null;
  @Field(() => Int, { description: 'Số người (chức vụ chính) của các tổ chức hợp thành, ngày trước đó / headcount of all of them the day before' })
  headcountBefore!: number;
  @Field(() => Int, { description: 'Số người của tổ chức kế thừa vào ngày đó / headcount of the successor that day' })
  headcountAfter!: number;
  @Field(() => Int, { nullable: true, description: 'Vượt biên chế được giao (null: chưa giao) / over the quota' })
  surplus!: number | null;
  @Field(() => ReductionTarget, { nullable: true, description: 'Null khi không có quy định có hiệu lực / null when no rule was in force' })
  reduction!: ReductionTarget | null;
  @Field(() => [TitleHolders], { description: 'Số người theo chức danh (hai Chủ tịch là dôi dư) / holders per title' })
  titles!: TitleHolders[];
}
