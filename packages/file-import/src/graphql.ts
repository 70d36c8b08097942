import { Directive, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ImportFormat } from './reader';

registerEnumType(ImportFormat, { name: 'ImportFormat', description: 'Định dạng tệp nhập: CSV (UTF-8) hoặc Excel .xlsx / import file format' });

/** One refused cell as every importing subgraph answers it (the same type in each: shareable). */
@Directive('@shareable')
@ObjectType('ImportReject', { description: 'Một ô bị từ chối / one refused cell' })
export class ImportRejectType {
  @Field(() => Int, { description: 'Dòng trong tệp (dòng tiêu đề là 1) / row in the file (the header is row 1)' })
  row!: number;

  @Field({ description: 'Cột (tiêu đề) / column header' })
  field!: string;

  @Field({ description: 'Mã lý do ổn định / stable reason code' })
  code!: string;

  @Field({ description: 'Lý do / why' })
  message!: string;
}

export { ImportFormat };
