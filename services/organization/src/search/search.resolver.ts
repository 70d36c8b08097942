import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { Organization } from '../organization/organization.entity';
import { AS_OF, type OrganizationContext } from '../organization/organization.resolver';
import { AdministrativeUnit } from '../unit/unit.entity';
import type { SearchService } from './search.service';
import { asOfDate, LocalDate } from '@ps/effective-dating';

const TEXT = { description: 'Từ khóa, không phân biệt dấu, ít nhất 2 ký tự / text, diacritics-insensitive, ≥ 2 characters' };
const FIRST = { defaultValue: 20, description: 'Số kết quả tối đa (1–100) / at most this many results' };

@Resolver()
export class SearchResolver {
  constructor(private readonly search: SearchService) {}

  @Query(() => [AdministrativeUnit], { description: 'Tìm đơn vị theo tên trong địa bàn của bạn / find units by name' })
  searchUnits(
    @Arg('text', TEXT) text: string,
    @Arg('asOf', () => LocalDate, AS_OF) asOf: string | null,
    @Arg('first', () => Int, FIRST) first: number,
    @Ctx() { principal }: OrganizationContext,
  ) {
    return this.search.searchUnits(principal, text, asOfDate(asOf), first);
  }

  @Query(() => [Organization], {
    description: 'Tìm tổ chức theo tên trong địa bàn của bạn (trong unitCode và cấp dưới) / find organizations by name',
  })
  searchOrganizations(
    @Arg('text', TEXT) text: string,
    @Arg('asOf', () => LocalDate, AS_OF) asOf: string | null,
    @Arg('unitCode', () => ID, { nullable: true }) unitCode: string | null,
    @Arg('first', () => Int, FIRST) first: number,
    @Ctx() { principal }: OrganizationContext,
  ) {
    return this.search.searchOrganizations(principal, text, asOfDate(asOf), unitCode ?? null, first);
  }
}
