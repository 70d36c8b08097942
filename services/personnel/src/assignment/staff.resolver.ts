import { asOfDate, ENTITY_AS_OF_ARGUMENT, LocalDate } from '@ps/effective-dating';
import type { RequestContext } from '@ps/service-kit';
import { Arg, Ctx, Directive, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { Organization } from '../organization/organization.type';
import { AdministrativeUnit } from '../territory/administrative-unit.type';
import { Assignment } from './assignment.entity';
import { vacanciesOf } from './assignment.rules';
import type { StaffFigures } from './staff.figures';
import type { StaffLoaders } from './staff.loaders';

type Context = RequestContext<StaffLoaders>;
type Figures = Promise<StaffFigures | null>;

const FIELD = (vi: string, en: string) => ({
  nullable: true,
  description: `${vi} vào ngày asOf (null ngoài địa bàn hoặc khi không có hiệu lực) / ${en} as of a date (null outside your territory or when not in force)`,
});
const STAFF = FIELD('Số người được phân công', 'people assigned');
const HEADCOUNT = FIELD('Số người có chức vụ chính', 'people with a primary assignment');
const VACANCIES = FIELD('Biên chế được giao trừ số người (null khi chưa giao biên chế)', 'staffing quota less headcount (null without a quota)');
const CONCURRENT = FIELD('Số chức vụ kiêm nhiệm', 'concurrent posts');

@Resolver(() => AdministrativeUnit)
export class UnitStaffResolver {
  private figures(unit: AdministrativeUnit, asOf: string | null, { loaders }: Context): Figures {
    return loaders.unitStaffOn.load({ code: unit.code, asOf: asOfDate(asOf ?? unit.asOf) });
  }

  @Directive('@requires(fields: "asOf")')
  @FieldResolver(() => Int, STAFF)
  async staff(@Root() unit: AdministrativeUnit, @Arg('asOf', () => LocalDate, ENTITY_AS_OF_ARGUMENT) asOf: string | null, @Ctx() context: Context) {
    return (await this.figures(unit, asOf, context))?.staff ?? null;
  }

  @Directive('@requires(fields: "asOf")')
  @FieldResolver(() => Int, HEADCOUNT)
  async headcount(@Root() unit: AdministrativeUnit, @Arg('asOf', () => LocalDate, ENTITY_AS_OF_ARGUMENT) asOf: string | null, @Ctx() context: Context) {
    return (await this.figures(unit, asOf, context))?.headcount ?? null;
  }

  @Directive('@requires(fields: "asOf")')
  @FieldResolver(() => Int, VACANCIES)
  async vacancies(@Root() unit: AdministrativeUnit, @Arg('asOf', () => LocalDate, ENTITY_AS_OF_ARGUMENT) asOf: string | null, @Ctx() context: Context) {
    return vacanciesOf(await this.figures(unit, asOf, context));
  }

  @Directive('@requires(fields: "asOf")')
  @FieldResolver(() => Int, CONCURRENT)
  async concurrentPosts(@Root() unit: AdministrativeUnit, @Arg('asOf', () => LocalDate, ENTITY_AS_OF_ARGUMENT) asOf: string | null, @Ctx() context: Context) {
    return (await this.figures(unit, asOf, context))?.concurrentPosts ?? null;
  }
}

@Resolver(() => Organization)
export class OrganizationStaffResolver {
  private figures(organization: Organization, asOf: string | null, { loaders }: Context): Figures {
    return loaders.organizationStaffOn.load({ id: organization.id, asOf: asOfDate(asOf ?? organization.asOf) });
  }

  @Directive('@requires(fields: "asOf")')
  @FieldResolver(() => Int, STAFF)
  async staff(@Root() organization: Organization, @Arg('asOf', () => LocalDate, ENTITY_AS_OF_ARGUMENT) asOf: string | null, @Ctx() context: Context) {
    return (await this.figures(organization, asOf, context))?.staff ?? null;
  }

  @Directive('@requires(fields: "asOf")')
  @FieldResolver(() => Int, HEADCOUNT)
  async headcount(@Root() organization: Organization, @Arg('asOf', () => LocalDate, ENTITY_AS_OF_ARGUMENT) asOf: string | null, @Ctx() context: Context) {
    return (await this.figures(organization, asOf, context))?.headcount ?? null;
  }

  @Directive('@requires(fields: "asOf")')
  @FieldResolver(() => Int, VACANCIES)
  async vacancies(@Root() organization: Organization, @Arg('asOf', () => LocalDate, ENTITY_AS_OF_ARGUMENT) asOf: string | null, @Ctx() context: Context) {
    return vacanciesOf(await this.figures(organization, asOf, context));
  }

  @Directive('@requires(fields: "asOf")')
  @FieldResolver(() => [Assignment], {
    description: 'Phân công đang có hiệu lực vào ngày asOf (rỗng ngoài địa bàn) / assignments in force as of a date (empty outside your territory)',
  })
  assignments(@Root() organization: Organization, @Arg('asOf', () => LocalDate, ENTITY_AS_OF_ARGUMENT) asOf: string | null, @Ctx() { loaders }: Context) {
    return loaders.organizationAssignmentsOn.load({ id: organization.id, asOf: asOfDate(asOf ?? organization.asOf) });
  }

  @Directive('@requires(fields: "asOf")')
  @FieldResolver(() => Int, CONCURRENT)
  async concurrentPosts(@Root() organization: Organization, @Arg('asOf', () => LocalDate, ENTITY_AS_OF_ARGUMENT) asOf: string | null, @Ctx() context: Context) {
    return (await this.figures(organization, asOf, context))?.concurrentPosts ?? null;
  }
}
