import type { ManagementBody } from '@ps/auth';
import { Field, ID, ObjectType } from 'type-graphql';
import { ManagementBodyEnum, SubjectKind } from './management.kinds';

/** Who manages a person on a date, and by which rule (GraphQL view of {@link ManagingAuthority}). */
@ObjectType({ description: 'Cơ quan quản lý một người vào ngày tra cứu, theo quy định nào / who manages a person on the date asked, by which rule' })
export class ManagingAuthorityView {
  @Field({ description: 'Cấp quản lý: PROVINCE, DISTRICT, … / managing tier' })
  tier!: string;

  @Field(() => ID, { description: 'Đơn vị quản lý / managing unit code' })
  unitCode!: string;

  @Field({ description: 'Tên đơn vị quản lý / managing unit name' })
  unitName!: string;

  @Field(() => ManagementBodyEnum)
  body!: ManagementBody;

  @Field({ description: 'Mã quy tắc phân cấp / rule code' })
  ruleCode!: string;

  @Field(() => SubjectKind)
  subjectKind!: SubjectKind;

  @Field({ description: 'Loại cán bộ hoặc mã chức danh mà quy tắc áp dụng / category or title code the rule applies to' })
  subjectCode!: string;

  @Field({ description: 'Văn bản quy định / source document' })
  sourceDocument!: string;

  @Field({ description: 'Điều khoản / article' })
  sourceArticle!: string;
}
