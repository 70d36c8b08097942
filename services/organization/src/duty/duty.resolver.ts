import { Arg, Ctx, FieldResolver, Float, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Organization } from '../organization/organization.entity';
import { AS_OF, type OrganizationContext } from '../organization/organization.resolver';
import { DutyOverlap } from './duty-overlap.types';
import type { DutyOverlapService } from './duty-overlap.service';
import { Duty } from './duty.entity';
import { AddDutyInput } from './duty.inputs';
import type { DutyService } from './duty.service';
import { Decision, EffectiveChangeInput, asOfDate, LocalDate } from '@ps/effective-dating';

@Resolver(() => Duty)
export class DutyResolver {
  constructor(
    private readonly duties: DutyService,
    private readonly overlapService: DutyOverlapService,
  ) {}

  @Query(() => [DutyOverlap], {
    description:
      'Cặp nhiệm vụ trùng hoặc gần giống nhau (không phân biệt dấu) giữa hai tổ chức của cùng một đơn vị; trùng hẳn trước, rồi giống nhiều trước / duties held twice inside one unit, identical or reworded; exact first, then most alike',
  })
  dutyOverlaps(
    @Arg('unitCode', () => ID) unitCode: string,
    @Arg('asOf', () => LocalDate, AS_OF) asOf: string | null,
    @Arg('includeSubunits', { defaultValue: false, description: 'Cả các đơn vị trực thuộc / also every unit below' })
    includeSubunits: boolean,
    @Arg('minSimilarity', () => Float, {
      nullable: true,
      description:
        'Ngưỡng tương đồng, lớn hơn 0 và không quá 1 (mặc định theo cấu hình DUTY_OVERLAP_MIN_SIMILARITY, thường 0,55) / least similarity, in (0, 1]; default from the service configuration (0.55 unless set)',
    })
    minSimilarity: number | null,
    @Ctx() { principal }: OrganizationContext,
  ) {
    return this.overlapService.overlaps(principal, unitCode, asOfDate(asOf), includeSubunits, minSimilarity);
  }

  @Mutation(() => Duty, { description: 'Giao chức năng, nhiệm vụ cho tổ chức (cán bộ nghiệp vụ) / add a function or duty (officers)' })
  addDuty(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('input') input: AddDutyInput,
    @Ctx() { principal }: OrganizationContext,
  ) {
    return this.duties.add(principal, organizationId, input);
  }

  @Mutation(() => Duty, { description: 'Bãi bỏ chức năng, nhiệm vụ; trả về như vào ngày cuối cùng có hiệu lực / close; answers its last day' })
  closeDuty(
    @Arg('id', () => ID) id: string,
    @Arg('change', () => EffectiveChangeInput) change: EffectiveChangeInput,
    @Ctx() { principal }: OrganizationContext,
  ) {
    return this.duties.close(principal, id, change);
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'Tổ chức giữ nhiệm vụ (cùng ngày tra cứu) / the organization holding it' })
  organization(@Root() duty: Duty, @Ctx() { loaders }: OrganizationContext) {
    return loaders.organizationOn.load({ id: duty.organizationId, asOf: duty.asOf });
  }

  @FieldResolver(() => Decision, { nullable: true, description: 'Quyết định của phiên bản này / decision behind this version' })
  decision(@Root() duty: Duty, @Ctx() { loaders }: OrganizationContext) {
    return duty.decisionId ? loaders.decisionById.load(duty.decisionId) : null;
  }

  @FieldResolver(() => Decision, { nullable: true, description: 'Quyết định bãi bỏ / decision that closed it' })
  closedDecision(@Root() duty: Duty, @Ctx() { loaders }: OrganizationContext) {
    return duty.closedDecisionId ? loaders.decisionById.load(duty.closedDecisionId) : null;
  }
}
