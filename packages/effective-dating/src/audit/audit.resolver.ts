import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { DataSource } from 'typeorm';
import type { Actor } from '../actor';
import { auditQuestionOf, readAuditPage, requireAuditScope, type TerritoryTree } from './audit.trail';
import { AuditPage, AuditTrail } from './audit.types';

/** The unit code of the centre, whose territory is the whole country. */
export const NATIONAL_SCOPE = 'VN';

/** The caller's unit as the audit cut reads it: null for the centre (the whole country). */
export function auditScopeOf(actor: Pick<Actor, 'unitCode'>): string | null {
  return actor.unitCode === NATIONAL_SCOPE ? null : actor.unitCode;
}

/**
 * A resolver class adding one service's page of the audit trail to the AuditTrail entity, as
 * field `section` (`organization`, `personnel`, ...): the caller must be allowed to read the
 * unit asked (checked against the service's own territory tree), and rows are cut in SQL.
 */
export function auditSectionResolver(section: string, tree: TerritoryTree) {
  @Resolver(() => AuditTrail)
  class AuditSectionResolver {
    constructor(readonly dataSource: DataSource) {}

    @FieldResolver(() => AuditPage, {
      name: section,
      description: `Nhật ký của dịch vụ ${section}, mới nhất trước / the ${section} service's audit trail, newest first`,
    })
    async page(
      @Root() trail: AuditTrail,
      @Arg('first', () => Int, { defaultValue: 50, description: '1–200' }) first: number,
      @Arg('after', () => String, { nullable: true, description: 'pageInfo.endCursor của trang trước / previous page’s endCursor' })
      // type-graphql passes undefined, not null, for an argument left out
      after: string | null | undefined,
      @Ctx() { principal }: { principal: Actor },
    ): Promise<AuditPage> {
      const question = auditQuestionOf(trail.id);
      const callerUnitCode = auditScopeOf(principal);
      await requireAuditScope(this.dataSource.manager, tree, question.unitCode, callerUnitCode);
      return readAuditPage(this.dataSource.manager, question, { callerUnitCode, first, after: after ?? null });
    }
  }
  return AuditSectionResolver;
}
