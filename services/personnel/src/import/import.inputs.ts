import { EffectiveChangeInput } from '@ps/effective-dating';
import { ImportFormat, ImportRejectType } from '@ps/file-import';
import { Field, InputType, Int, ObjectType } from 'type-graphql';

@InputType({ description: 'Một tệp để nhập, tất cả hoặc không / a file to import, all rows or none' })
export class ImportFileInput {
  @Field(() => ImportFormat)
  format!: ImportFormat;

  @Field(() => [String], {
    description:
      'Nội dung tệp mã hóa base64, chia thành các đoạn, mỗi đoạn tối đa 10.000 ký tự; cả yêu cầu tối đa 1 MB (tệp lớn hơn: dùng lệnh nhập) / ' +
      'the file in base64, in parts of at most 10,000 characters each; the whole request at most 1 MB (larger files: the import command)',
  })
  contentBase64!: string[];

  @Field(() => EffectiveChangeInput, { description: 'Từ ngày nào, lý do, theo quyết định nào / from when, why, on which decision' })
  change!: EffectiveChangeInput;
}

@ObjectType({ description: 'Kết quả nhập tệp: đã ghi tất cả, hoặc không ghi gì và danh sách dòng bị từ chối / all written, or nothing and the rejects' })
export class ImportResult {
  @Field(() => Int, { description: 'Số dòng đã ghi / rows written' })
  imported!: number;

  @Field(() => Int, { description: 'Số dòng bị từ chối / rows refused' })
  rejected!: number;

  @Field(() => [ImportRejectType])
  rejects!: ImportRejectType[];
}
