import { EffectiveVersion, LocalDate } from '@ps/effective-dating';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity } from 'typeorm';

export enum SourceDocumentKind {
  RESOLUTION = 'RESOLUTION',
  CONCLUSION = 'CONCLUSION',
  DIRECTIVE = 'DIRECTIVE',
  GUIDANCE = 'GUIDANCE',
}

export enum SourceDocumentLevel {
  CENTRAL = 'CENTRAL',
  PROVINCE = 'PROVINCE',
  DISTRICT = 'DISTRICT',
  COMMUNE = 'COMMUNE',
}

registerEnumType(SourceDocumentKind, { name: 'SourceDocumentKind', description: 'Loại văn bản: nghị quyết, kết luận, chỉ thị, hướng dẫn / kind of source document' });
registerEnumType(SourceDocumentLevel, { name: 'SourceDocumentLevel', description: 'Cấp ban hành: Trung ương, tỉnh, huyện, xã / level that issued it' });

/** A resolution, conclusion, directive or guidance, recorded once and cited by the plans implementing it. */
@ObjectType({ description: 'Văn bản được thực hiện (nghị quyết, kết luận…) / a source document plans implement' })
@Entity({ name: 'reform_source_document' })
export class SourceDocument extends EffectiveVersion {
  @Field(() => SourceDocumentKind)
  @Column({ type: 'text' })
  kind!: SourceDocumentKind;

  @Field({ description: 'Số hiệu, ví dụ "18-NQ/TW" / number, e.g. "18-NQ/TW"' })
  @Column({ type: 'text' })
  number!: string;

  @Field({ description: 'Trích yếu, ví dụ "Kết luận Hội nghị Trung ương 7" / title' })
  @Column({ type: 'text' })
  title!: string;

  @Field(() => LocalDate, { description: 'Ngày ban hành / issued on' })
  @Column({ name: 'issued_on', type: 'date' })
  issuedOn!: string;

  @Field({ description: 'Cơ quan ban hành / issuer, e.g. "Ban Chấp hành Trung ương"' })
  @Column({ type: 'text' })
  issuer!: string;

  @Field(() => SourceDocumentLevel)
  @Column({ type: 'text' })
  level!: SourceDocumentLevel;

  @Field(() => ID, { description: 'Đơn vị ghi nhận văn bản / the unit that recorded it' })
  @Column({ name: 'unit_code', type: 'text' })
  unitCode!: string;
}

/** A document as the audit trail records it. */
export function sourceDocumentSnapshot(document: SourceDocument) {
  const { id, kind, number, title, issuedOn, issuer, level, unitCode, validFrom } = document;
  return { id, kind, number, title, issuedOn, issuer, level, unitCode, validFrom };
}
