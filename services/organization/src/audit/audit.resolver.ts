import type { RequestContext } from '@ps/service-kit';
import {
  AuditTrail,
  auditQuestionOf,
  auditScopeOf,
  auditSectionResolver,
  auditTrailId,
  requireAuditScope,
  LocalDate,
} from '@ps/effective-dating';
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { DataSource } from 'typeorm';
import { territoryGuard } from '../territory/territory.guard';

/** This service's page of every audit trail: `AuditTrail.organization`. */
export const OrganizationAuditResolver = auditSectionResolver('organization', territoryGuard.source);

/**
 * `auditTrail(unitCode, from, to, operation)`: who changed what about a unit and everything
 * below it, when, on which decision. The trail is one entity; each service adds its own page.
 */
@Resolver(() => AuditTrail)
export class AuditTrailResolver {
  constructor(private readonly dataSource: DataSource) {}

  @Query(() => AuditTrail, {
    nullable: true,
    description:
      'Nhật ký thay đổi (ai, khi nào, trước/sau, quyết định) của một đơn vị và cấp dưới, trong địa bàn của bạn; mỗi dịch vụ một trang / audit trail of a unit and below',
  })
  async auditTrail(
    @Arg('unitCode', () => ID) unitCode: string,
    @Arg('from', () => LocalDate, { description: 'Từ ngày (ghi nhận) / recorded from' }) from: string,
    @Arg('to', () => LocalDate, { description: 'Đến ngày / recorded until' }) to: string,
    @Arg('operation', () => String, { nullable: true, description: 'Chỉ một thao tác, vd. mergeUnits / one operation only' })
    operation: string | null,
    @Ctx() { principal }: RequestContext<unknown>,
  ): Promise<AuditTrail> {
    const id = auditTrailId({ unitCode, from, to, operation });
    await requireAuditScope(this.dataSource.manager, territoryGuard.source, unitCode, auditScopeOf(principal));
    return Object.assign(new AuditTrail(), { id });
  }

  @FieldResolver(() => ID)
  unitCode(@Root() trail: AuditTrail): string {
    return auditQuestionOf(trail.id).unitCode;
  }

  @FieldResolver(() => LocalDate)
  from(@Root() trail: AuditTrail): string {
    return auditQuestionOf(trail.id).from;
  }

  @FieldResolver(() => LocalDate)
  to(@Root() trail: AuditTrail): string {
    return auditQuestionOf(trail.id).to;
  }

  @FieldResolver(() => String, { nullable: true })
  operation(@Root() trail: AuditTrail): string | null {
    return auditQuestionOf(trail.id).operation;
  }
}
