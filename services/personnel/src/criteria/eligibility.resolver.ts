import { AS_OF_ARGUMENT, asOfDate, LocalDate } from '@ps/effective-dating';
import type { RequestContext } from '@ps/service-kit';
import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { EligibilityService } from './eligibility.service';
import { TitleEligibility } from './eligibility.type';

@Resolver(() => TitleEligibility)
export class EligibilityResolver {
  constructor(private readonly eligibility: EligibilityService) {}

  @Query(() => TitleEligibility, {
    description: 'Đối chiếu từng tiêu chuẩn của chức danh với hồ sơ một người vào ngày asOf / each criterion of a title held against a person as of a date',
  })
  titleEligibility(
    @Arg('personId', () => ID) personId: string,
    @Arg('titleCode') titleCode: string,
    @Arg('asOf', () => LocalDate, AS_OF_ARGUMENT) asOf: string | null,
    @Ctx() { principal }: RequestContext<object>,
  ) {
    return this.eligibility.check(principal, personId, titleCode, asOfDate(asOf));
  }
}
