import { EffectiveChangeInput, LocalDate } from '@ps/effective-dating';
import { Field, ID, InputType } from 'type-graphql';
import { SourceDocumentKind, SourceDocumentLevel } from './source-document.entity';

@InputType({ description: 'Ghi nhận văn bản được thực hiện / record a source document' })
export class RecordSourceDocumentInput {
  @Field(() => ID, { description: 'Đơn vị ghi nhận / the unit recording it' })
  unitCode!: string;

  @Field(() => SourceDocumentKind)
  kind!: SourceDocumentKind;

  @Field({ description: 'Số hiệu / number' })
  number!: string;

  @Field({ description: 'Trích yếu / title' })
  title!: string;

  @Field(() => LocalDate, { description: 'Ngày ban hành / issued on' })
  issuedOn!: string;

  @Field({ description: 'Cơ quan ban hành / issuer' })
  issuer!: string;

  @Field(() => SourceDocumentLevel)
  level!: SourceDocumentLevel;

  @Field(() => EffectiveChangeInput, { description: 'Ghi nhận từ ngày nào, lý do / recorded from when, why' })
  change!: EffectiveChangeInput;
}
