import type { ManagementBody } from '@ps/auth';
import { LocalDate } from '@ps/effective-dating';
import { Field, ObjectType } from 'type-graphql';
import { ManagementBodyEnum, SubjectKind } from './management.kinds';

/** One rule of management decentralisation as the table records it. */
@ObjectType({ description: 'Quy tắc phân cấp quản lý cán bộ / a rule of management decentralisation' })
export class ManagementRuleView {
  @Field({ description: 'Mã quy tắc / rule code' })
  code!: string;

  @Field(() => SubjectKind)
  subjectKind!: SubjectKind;

  @Field({ description: 'Loại cán bộ hoặc mã chức danh / category or title code' })
  subjectCode!: string;

  @Field({ description: 'Cấp của đơn vị người được quản lý công tác / tier of the unit the people serve in' })
  personTier!: string;

  @Field({ description: 'Cấp quản lý / managing tier' })
  managingTier!: string;

  @Field(() => ManagementBodyEnum)
  body!: ManagementBody;

  @Field(() => LocalDate)
  validFrom!: string;

  @Field(() => LocalDate, { nullable: true })
  validTo!: string | null;

  @Field({ description: 'Văn bản quy định / source document' })
  sourceDocument!: string;

  @Field({ description: 'Điều khoản / article' })
  sourceArticle!: string;
}
