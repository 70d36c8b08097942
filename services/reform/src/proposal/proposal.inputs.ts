import { EffectiveChangeInput } from '@ps/effective-dating';
import { Field, ID, InputType, Int } from 'type-graphql';

@InputType({ description: 'Vị trí việc làm đề nghị / positions asked for' })
export class ProposedPositionInput {
  @Field({ description: 'Vị trí việc làm / job position' })
  jobPosition!: string;

  @Field({ description: 'Mã chức danh / title code' })
  titleCode!: string;

  @Field(() => Int, { description: 'Số biên chế / headcount' })
  count!: number;
}

@InputType({ description: 'Lập đề án biên chế / draft a staffing proposal' })
export class DraftStaffingProposalInput {
  @Field(() => ID, { description: 'Đơn vị lập đề án / the proposing unit' })
  unitCode!: string;

  @Field(() => ID, { description: 'Tổ chức của đơn vị xin tăng biên chế / the unit’s organization whose quota rises' })
  organizationId!: string;

  @Field({ description: 'Tên đề án / title' })
  title!: string;

  @Field(() => Int, { description: 'Số biên chế xin tăng / requested quota increase' })
  increase!: number;

  @Field(() => [ProposedPositionInput])
  positions!: ProposedPositionInput[];

  @Field({ description: 'Sự cần thiết / justification' })
  justification!: string;

  @Field({ description: 'Căn cứ khối lượng công việc / workload evidence' })
  workloadEvidence!: string;

  @Field(() => EffectiveChangeInput, { description: 'Văn bản lập đề án / the document that drafted it' })
  change!: EffectiveChangeInput;
}

@InputType({ description: 'Một bước xử lý đề án / a step of a staffing proposal' })
export class ProposalStepInput {
  @Field(() => ID)
  proposalId!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Ý kiến thẩm định, lý do từ chối hoặc rút (bắt buộc với các bước đó) / the appraisal opinion, or why rejected or withdrawn (required for those)',
  })
  comment?: string | null;

  @Field(() => EffectiveChangeInput, { description: 'Văn bản, quyết định của bước này / the document or decision of the step' })
  change!: EffectiveChangeInput;
}
