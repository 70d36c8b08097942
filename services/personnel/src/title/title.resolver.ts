import { AS_OF_ARGUMENT, asOfDate, LocalDate } from '@ps/effective-dating';
import { Arg, Query, Resolver } from 'type-graphql';
import { Tier, Title } from './title.entity';
import type { TitleCatalogue } from './title.service';

@Resolver(() => Title)
export class TitleResolver {
  constructor(private readonly catalogue: TitleCatalogue) {}

  @Query(() => [Title], { description: 'Danh mục chức danh có hiệu lực vào ngày asOf / the title catalogue as of a date' })
  titles(
    @Arg('asOf', () => LocalDate, AS_OF_ARGUMENT) asOf: string | null,
    @Arg('tier', () => Tier, { nullable: true, description: 'Chỉ một cấp / one tier only' }) tier: Tier | null,
  ): Promise<Title[]> {
    return this.catalogue.inForce(asOfDate(asOf), tier);
  }
}
