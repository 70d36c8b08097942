import { asOfDate, ENTITY_AS_OF_ARGUMENT, LocalDate } from '@ps/effective-dating';
import type { RequestContext } from '@ps/service-kit';
import { Arg, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { AdministrativeUnit } from '../territory/administrative-unit.type';
import { Organization } from '../territory/organization.type';
import type { ProgressLoaders } from './progress.loaders';
import { ReformProgress } from './progress.types';

type Context = RequestContext<ProgressLoaders>;

const DESCRIPTION_TAIL = '(chỉ phần trong địa bàn của bạn; null khi dịch vụ cải cách không phản hồi) / only what lies in your territory; null while the reform service is unavailable';

@Resolver(() => AdministrativeUnit)
export class UnitProgressResolver {
  @Directive('@requires(fields: "asOf")')
  @FieldResolver(() => ReformProgress, {
    nullable: true,
    description: `Tiến độ kế hoạch cải cách của đơn vị và các đơn vị trực thuộc vào ngày asOf, theo sắp xếp đơn vị ngày đó ${DESCRIPTION_TAIL}`,
  })
  progress(@Root() unit: AdministrativeUnit, @Arg('asOf', () => LocalDate, ENTITY_AS_OF_ARGUMENT) asOf: string | null, @Ctx() { loaders }: Context) {
    return loaders.unitProgressOn.load({ code: unit.code, asOf: asOfDate(asOf ?? unit.asOf) });
  }
}

@Resolver(() => Organization)
export class OrganizationProgressResolver {
  @Directive('@requires(fields: "asOf")')
  @FieldResolver(() => ReformProgress, {
    nullable: true,
    description: `Tiến độ các nhiệm vụ cải cách giao cho tổ chức vào ngày asOf ${DESCRIPTION_TAIL}`,
  })
  progress(@Root() organization: Organization, @Arg('asOf', () => LocalDate, ENTITY_AS_OF_ARGUMENT) asOf: string | null, @Ctx() { loaders }: Context) {
    return loaders.organizationProgressOn.load({ id: organization.id, asOf: asOfDate(asOf ?? organization.asOf) });
  }
}
