import { GraphQLDateTime, GraphQLJSON } from 'graphql-scalars';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../date/local-date.scalar';

// Every subgraph serves these value types with the same fields, hence @shareable.

/** What an audit row records: a change, or a full read of protected data. */
export enum AuditKind {
  WRITE = 'WRITE',
  READ = 'READ',
}

registerEnumType(AuditKind, {
  name: 'AuditKind',
  description: 'Ghi thay đổi hay đọc đầy đủ dữ liệu được bảo vệ / a change, or a full read of protected data',
  valuesConfig: {
    WRITE: { description: 'Thay đổi (mọi thao tác ghi) / a change (every mutation)' },
    READ: { description: 'Đọc đầy đủ dữ liệu cá nhân (Nghị định 13/2023/NĐ-CP) / a full read of personal data' },
  },
});

@Directive('@shareable')
@ObjectType({ description: 'Người thực hiện / who made a change' })
export class AuditActor {
  @Field()
  userId!: string;

  @Field()
  username!: string;

  @Field({ description: 'Vai trò, vd. district-admin / role' })
  role!: string;

  @Field({ description: 'Đơn vị người thực hiện phục vụ / the unit the actor serves' })
  unitCode!: string;
}

@Directive('@shareable')
@ObjectType({ description: 'Đối tượng của thay đổi / what a change was about' })
export class AuditTarget {
  @Field({ description: 'Loại, vd. AdministrativeUnit, Organization / type' })
  type!: string;

  @Field(() => ID)
  id!: string;

  @Field({ description: 'Tên và mã / name and code' })
  label!: string;

  @Field(() => String, { nullable: true, description: 'Đơn vị hành chính liên quan / the unit concerned' })
  unitCode!: string | null;
}

@Directive('@shareable')
@ObjectType({ description: 'Quyết định được viện dẫn / the decision cited' })
export class AuditDecision {
  @Field()
  number!: string;

  @Field(() => LocalDate)
  date!: string;

  @Field()
  signer!: string;

  @Field(() => String, { nullable: true })
  issuer!: string | null;
}

@Directive('@shareable')
@ObjectType({ description: 'Một dòng nhật ký thay đổi (không sửa, không xóa được) / one audit-trail entry, append-only' })
export class AuditEntry {
  @Field(() => ID)
  id!: string;

  @Field(() => GraphQLDateTime, { description: 'Thời điểm ghi / when it was recorded' })
  occurredAt!: Date;

  @Field(() => AuditActor)
  actor!: AuditActor;

  @Field(() => AuditKind, { description: 'Ghi hay đọc / a change or a read' })
  kind!: AuditKind;

  @Field({ description: 'Thao tác, vd. mergeUnits, readPersonalData / operation' })
  operation!: string;

  @Field(() => [String], { nullable: true, description: 'Trường đã đọc đầy đủ (chỉ với READ, không có giá trị) / fields read in full (READ only, never their values)' })
  fields!: string[] | null;

  @Field(() => AuditTarget)
  target!: AuditTarget;

  @Field(() => LocalDate, { nullable: true, description: 'Ngày có hiệu lực của thay đổi / effective date' })
  effectiveDate!: string | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Trạng thái trước / state before' })
  before!: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Trạng thái sau / state after' })
  after!: unknown;

  @Field(() => AuditDecision, { nullable: true })
  decision!: AuditDecision | null;

  @Field(() => ID, { description: 'Mã tương quan, chung với các sự kiện phát ra / shared with the events emitted' })
  correlationId!: string;
}

@Directive('@shareable')
@ObjectType({ description: 'Thông tin phân trang / paging' })
export class AuditPageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Truyền vào `after` để lấy trang sau / pass as `after`' })
  endCursor!: string | null;
}

@Directive('@shareable')
@ObjectType({ description: 'Một trang nhật ký của một dịch vụ, mới nhất trước / one page of a service’s audit, newest first' })
export class AuditPage {
  @Field(() => [AuditEntry])
  entries!: AuditEntry[];

  @Field(() => AuditPageInfo)
  pageInfo!: AuditPageInfo;

  @Field(() => Int, { description: 'Số dòng khớp điều kiện / entries matching' })
  totalCount!: number;
}

/**
 * The audit trail of a unit's subtree between two dates, across services: each service adds
 * a field with its own page (`organization`, `personnel`, ...). The id encodes the question.
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'Nhật ký thay đổi của một đơn vị và cấp dưới / audit trail of a unit and everything below it' })
export class AuditTrail {
  @Field(() => ID)
  id!: string;
}
