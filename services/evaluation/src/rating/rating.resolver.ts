import { asOfDate, ENTITY_AS_OF_ARGUMENT, LocalDate } from '@ps/effective-dating';
import type { RequestContext } from '@ps/service-kit';
import { Arg, Ctx, Directive, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { Organization } from '../organization/organization.type';
import { AdministrativeUnit } from '../territory/administrative-unit.type';
import { RatingSummary } from './rating.entity';
import type { RatingLoaders } from './rating.loaders';
import { summarize } from './rating.summary';

type Context = RequestContext<RatingLoaders>;

const YEAR = { nullable: true, description: 'Năm được đánh giá (mặc định: năm gần nhất có kết quả) / the year rated (default: the latest rated)' } as const;

@Resolver(() => AdministrativeUnit)
export class UnitRatingResolver {
  @Directive('@requires(fields: "asOf")')
  @FieldResolver(() => RatingSummary, {
    nullable: true,
    description:
      'Kết quả xếp loại của đơn vị và các đơn vị trực thuộc, theo mức có hiệu lực vào ngày asOf / the decided ratings of the unit and the units below it, as in force on a date (null outside your territory)',
  })
  async ratingSummary(
    @Root() unit: AdministrativeUnit,
    @Arg('year', () => Int, YEAR) year: number | null,
    @Arg('asOf', () => LocalDate, ENTITY_AS_OF_ARGUMENT) asOf: string | null,
    @Ctx() { loaders }: Context,
  ) {
    const counts = await loaders.unitRatingsOn.load({ code: unit.code, asOf: asOfDate(asOf ?? unit.asOf) });
    return counts && summarize(counts, year ?? null);
  }
}

@Resolver(() => Organization)
export class OrganizationRatingResolver {
  @Directive('@requires(fields: "asOf")')
  @FieldResolver(() => RatingSummary, {
    nullable: true,
    description:
      'Kết quả xếp loại của cán bộ tổ chức, theo mức có hiệu lực vào ngày asOf (null khi không có ai trong địa bàn được xếp loại) / the decided ratings of the organization’s staff as in force on a date (null when none rated inside your territory)',
  })
  async ratingSummary(
    @Root() organization: Organization,
    @Arg('year', () => Int, YEAR) year: number | null,
    @Arg('asOf', () => LocalDate, ENTITY_AS_OF_ARGUMENT) asOf: string | null,
    @Ctx() { loaders }: Context,
  ) {
    const counts = await loaders.organizationRatingsOn.load({ id: organization.id, asOf: asOfDate(asOf ?? organization.asOf) });
    return counts && summarize(counts, year ?? null);
  }
}
