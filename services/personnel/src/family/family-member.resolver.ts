import { EffectiveChangeInput } from '@ps/effective-dating';
import type { RequestContext } from '@ps/service-kit';
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { Person } from '../person/person.entity';
import { CorrectFamilyMemberInput, RecordFamilyMemberInput } from './family-member.inputs';
import type { FamilyMemberService } from './family-member.service';

type Context = RequestContext<unknown>;

/** Family members are written here and read through `Person.personalData.family` (masked or audited). */
@Resolver(() => Person)
export class FamilyMemberResolver {
  constructor(private readonly family: FamilyMemberService) {}

  @Mutation(() => Person, {
    description: 'Ghi một thân nhân vào hồ sơ từ ngày hiệu lực; trả về hồ sơ vào ngày đó / record a family member from the effective date; answers the e-file then',
  })
  recordFamilyMember(@Arg('input') input: RecordFamilyMemberInput, @Ctx() { principal }: Context) {
    return this.family.record(principal, input);
  }

  @Mutation(() => Person, { description: 'Sửa thông tin thân nhân từ ngày hiệu lực / correct a family member from the effective date' })
  correctFamilyMember(@Arg('id', () => ID) id: string, @Arg('input') input: CorrectFamilyMemberInput, @Ctx() { principal }: Context) {
    return this.family.correct(principal, id, input);
  }

  @Mutation(() => Person, { description: 'Kết thúc thân nhân trên hồ sơ từ ngày hiệu lực (từ trần, ly hôn, …) / end a family member from the effective date (a death, a divorce, …)' })
  endFamilyMember(@Arg('id', () => ID) id: string, @Arg('change', () => EffectiveChangeInput) change: EffectiveChangeInput, @Ctx() { principal }: Context) {
    return this.family.end(principal, id, change);
  }
}
