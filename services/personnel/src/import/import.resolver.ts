import type { RequestContext } from '@ps/service-kit';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { fileContentOf } from '@ps/file-import';
import { ImportKind } from './import.feature';
import { ImportFileInput, ImportResult } from './import.inputs';
import type { ImportService } from './import.service';

/** The command for files larger than one request may carry. */
const IMPORT_COMMAND = 'pnpm --filter @ps/personnel import <tệp>';

const ALL_OR_NOTHING = 'tất cả hoặc không: có dòng bị từ chối thì không ghi gì / all or nothing: any rejected row and nothing is written';

@Resolver()
export class ImportResolver {
  constructor(private readonly imports: ImportService) {}

  @Mutation(() => ImportResult, {
    description: `Nhập hồ sơ cán bộ từ tệp CSV hoặc Excel (Họ và tên, Số CCCD, Ngày sinh, Giới tính, Dân tộc, Tôn giáo, Quê quán, Đối tượng, Mã đơn vị), ${ALL_OR_NOTHING}`,
  })
  importPeople(@Arg('input') input: ImportFileInput, @Ctx() { principal }: RequestContext<unknown>) {
    return this.imports.importFile(principal, { kind: ImportKind.PEOPLE, format: input.format, content: fileContentOf(input.contentBase64, IMPORT_COMMAND), change: input.change });
  }

  @Mutation(() => ImportResult, {
    description:
      'Nhập đảng tịch từ tệp CSV hoặc Excel (Số CCCD, Mã tổ chức Đảng, Ngày vào Đảng, Ngày chính thức, Số thẻ đảng viên), ghi nhận từ ngày hiệu lực ' +
      `(Ngày vào Đảng không sau ngày đó), ${ALL_OR_NOTHING}`,
  })
  importPartyMemberships(@Arg('input') input: ImportFileInput, @Ctx() { principal }: RequestContext<unknown>) {
    return this.imports.importFile(principal, {
      kind: ImportKind.PARTY_MEMBERSHIPS, format: input.format, content: fileContentOf(input.contentBase64, IMPORT_COMMAND), change: input.change,
    });
  }

  @Mutation(() => ImportResult, {
    description:
      'Nhập phân công, bổ nhiệm từ tệp CSV hoặc Excel (Số CCCD, Mã tổ chức, Mã chức danh, Kiêm nhiệm có/không, Mã ghế) từ ngày hiệu lực, ' +
      `mỗi dòng theo các quy tắc của assign (each row by assign's rules), ${ALL_OR_NOTHING}`,
  })
  importAssignments(@Arg('input') input: ImportFileInput, @Ctx() { principal }: RequestContext<unknown>) {
    return this.imports.importFile(principal, {
      kind: ImportKind.ASSIGNMENTS, format: input.format, content: fileContentOf(input.contentBase64, IMPORT_COMMAND), change: input.change,
    });
  }
}
