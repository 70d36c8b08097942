import { DecisionInput, LocalDate } from '@ps/effective-dating';
import { ImportFormat, ImportRejectType } from '@ps/file-import';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

/** An account of the realm as an administrator of its territory sees it (never a password). */
@ObjectType({ description: 'Tài khoản đăng nhập của một đơn vị / a sign-in account of a unit' })
export class PlatformUser {
  @Field(() => ID, { description: 'Mã tài khoản trong máy chủ đăng nhập / the account id in the sign-in server' })
  id!: string;

  @Field({ description: 'Tên đăng nhập / username' })
  username!: string;

  @Field(() => String, { nullable: true, description: 'Tên / first name' })
  firstName!: string | null;

  @Field(() => String, { nullable: true, description: 'Họ / last name' })
  lastName!: string | null;

  @Field(() => String, { nullable: true, description: 'Thư điện tử / e-mail' })
  email!: string | null;

  @Field({ description: 'Đang được phép đăng nhập / may sign in' })
  enabled!: boolean;

  @Field(() => String, { nullable: true, description: 'Mã đơn vị phục vụ / the unit it serves' })
  unitCode!: string | null;

  @Field(() => String, { nullable: true, description: 'Tên đơn vị (lần cuối có hiệu lực) / the unit name, as it last stood' })
  unitName!: string | null;

  @Field(() => String, { nullable: true, description: 'Cơ quan tham mưu / advisory body' })
  body!: string | null;

  @Field(() => [String], { description: 'Vai trò của nền tảng, vd. commune-admin / the platform roles held' })
  roles!: string[];

  @Field({ description: 'Phải đổi mật khẩu tạm ở lần đăng nhập tới / must change a temporary password at the next sign-in' })
  mustChangePassword!: boolean;

  @Field({
    description:
      'Đơn vị của tài khoản đã hết hiệu lực (sáp nhập, giải thể): cần chuyển sang đơn vị kế thừa / its unit has ceased: to be reassigned',
  })
  needsReassignment!: boolean;

  @Field(() => LocalDate, { nullable: true, description: 'Ngày đơn vị hết hiệu lực / the day its unit ceased' })
  unitEndedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Đơn vị kế thừa chính (nếu có một) / the main successor unit, when there is one' })
  successorUnitCode!: string | null;
}

/** An account and the temporary password it signs in with once (shown to the administrator only now). */
@ObjectType({ description: 'Tài khoản và mật khẩu tạm (chỉ hiện một lần) / an account with its one-time temporary password' })
export class AccountCredentials {
  @Field(() => PlatformUser)
  user!: PlatformUser;

  @Field({ description: 'Mật khẩu tạm, phải đổi ở lần đăng nhập đầu / temporary password, changed at the first sign-in' })
  temporaryPassword!: string;
}

/** Why an account changes, on which decision; it takes effect at once. */
@InputType({ description: 'Lý do và quyết định của một thay đổi tài khoản (có hiệu lực ngay) / reason and decision of an account change' })
export class AccountChangeInput {
  @Field({ description: 'Lý do / reason' })
  reason!: string;

  @Field(() => DecisionInput)
  decision!: DecisionInput;
}

@InputType({ description: 'Tài khoản mới cho một đơn vị / a new account for a unit' })
export class InviteUserInput {
  @Field({ description: 'Tên đăng nhập: 3–64 ký tự a-z, 0-9, dấu chấm, gạch / username' })
  username!: string;

  @Field({ description: 'Tên / first name' })
  firstName!: string;

  @Field({ description: 'Họ / last name' })
  lastName!: string;

  @Field(() => String, { nullable: true, description: 'Thư điện tử / e-mail' })
  email?: string | null;

  @Field({ description: 'Mã đơn vị phục vụ / the unit it serves' })
  unitCode!: string;

  @Field({ description: 'Vai trò, vd. commune-admin / the role, e.g. commune-admin' })
  role!: string;

  @Field(() => String, { nullable: true, description: 'Cơ quan tham mưu: ORGANIZATION_BOARD hoặc HOME_AFFAIRS / advisory body' })
  body?: string | null;
}

@InputType({
  description:
    'Tệp tài khoản CSV hoặc Excel (Tên đăng nhập, Họ, Tên, Thư điện tử, Mã đơn vị, Vai trò, Cơ quan), tất cả hoặc không / an accounts file, all rows or none',
})
export class ImportUsersInput {
  @Field(() => ImportFormat)
  format!: ImportFormat;

  @Field(() => [String], {
    description:
      'Nội dung tệp mã hóa base64, chia thành các đoạn, mỗi đoạn tối đa 10.000 ký tự; cả yêu cầu tối đa 1 MB / the file in base64, in parts of at most 10,000 characters each; the whole request at most 1 MB',
  })
  contentBase64!: string[];

  @Field(() => AccountChangeInput)
  change!: AccountChangeInput;
}

@ObjectType({ description: 'Kết quả nhập tài khoản: tạo tất cả, hoặc không tạo gì và danh sách ô bị từ chối / all created, or none and the rejects' })
export class AccountImportResult {
  @Field(() => Int, { description: 'Số tài khoản đã tạo / accounts created' })
  imported!: number;

  @Field(() => Int, { description: 'Số dòng bị từ chối / rows refused' })
  rejected!: number;

  @Field(() => [ImportRejectType])
  rejects!: ImportRejectType[];

  @Field(() => [AccountCredentials], { description: 'Tài khoản đã tạo và mật khẩu tạm (chỉ hiện một lần) / the accounts created with their temporary passwords, shown once' })
  accounts!: AccountCredentials[];
}
