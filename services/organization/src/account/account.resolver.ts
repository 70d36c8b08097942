import type { RequestContext } from '@ps/service-kit';
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { AccountImport } from './account.import';
import type { AccountService } from './account.service';
import { AccountChangeInput, AccountCredentials, AccountImportResult, ImportUsersInput, InviteUserInput, PlatformUser } from './account.types';

type Context = RequestContext<unknown>;

/** Accounts of the caller's territory (administrators only), kept in the realm. */
@Resolver(() => PlatformUser)
export class AccountResolver {
  constructor(
    private readonly accounts: AccountService,
    private readonly imports: AccountImport,
  ) {}

  @Query(() => [PlatformUser], {
    description:
      'Tài khoản của một đơn vị trong địa bàn (quản trị viên); tài khoản của đơn vị đã hết hiệu lực được đánh dấu cần chuyển / the accounts of a unit (administrators); those of a ceased unit are flagged for reassignment',
  })
  users(@Arg('unitCode', () => String) unitCode: string, @Ctx() { principal }: Context): Promise<PlatformUser[]> {
    return this.accounts.usersOf(principal, unitCode);
  }

  @Mutation(() => AccountCredentials, {
    description:
      'Tạo tài khoản cho một đơn vị trong địa bàn với một vai trò (không cao hơn cấp mình; quản trị đơn vị do cấp trên cấp); trả mật khẩu tạm một lần / create an account with one role; answers its temporary password once',
  })
  inviteUser(
    @Arg('input', () => InviteUserInput) input: InviteUserInput,
    @Arg('change', () => AccountChangeInput) change: AccountChangeInput,
    @Ctx() { principal }: Context,
  ): Promise<AccountCredentials> {
    return this.accounts.invite(principal, input, change);
  }

  @Mutation(() => PlatformUser, {
    description:
      'Gán đúng một vai trò cho tài khoản, tùy chọn chuyển sang đơn vị khác (kể cả chuyển tài khoản của đơn vị đã hết hiệu lực); phiên đăng nhập kết thúc / give an account exactly one role, optionally at another unit; its sessions end',
  })
  assignRole(
    @Arg('userId', () => ID) userId: string,
    @Arg('role', () => String) role: string,
    @Arg('unitCode', () => String, { nullable: true }) unitCode: string | null,
    @Arg('change', () => AccountChangeInput) change: AccountChangeInput,
    @Ctx() { principal }: Context,
  ): Promise<PlatformUser> {
    return this.accounts.assignRole(principal, userId, role, unitCode ?? null, change);
  }

  @Mutation(() => PlatformUser, { description: 'Khóa tài khoản và kết thúc mọi phiên đăng nhập / disable an account and end its sessions' })
  disableUser(
    @Arg('userId', () => ID) userId: string,
    @Arg('change', () => AccountChangeInput) change: AccountChangeInput,
    @Ctx() { principal }: Context,
  ): Promise<PlatformUser> {
    return this.accounts.setEnabled(principal, userId, false, change);
  }

  @Mutation(() => PlatformUser, { description: 'Mở lại tài khoản đã khóa / enable a disabled account' })
  enableUser(
    @Arg('userId', () => ID) userId: string,
    @Arg('change', () => AccountChangeInput) change: AccountChangeInput,
    @Ctx() { principal }: Context,
  ): Promise<PlatformUser> {
    return this.accounts.setEnabled(principal, userId, true, change);
  }

  @Mutation(() => AccountCredentials, {
    description: 'Cấp mật khẩu tạm mới (phải đổi ở lần đăng nhập tới), kết thúc mọi phiên / a new temporary password; sessions end',
  })
  resetCredentials(
    @Arg('userId', () => ID) userId: string,
    @Arg('change', () => AccountChangeInput) change: AccountChangeInput,
    @Ctx() { principal }: Context,
  ): Promise<AccountCredentials> {
    return this.accounts.resetCredentials(principal, userId, change);
  }

  @Mutation(() => AccountImportResult, {
    description:
      'Tạo tài khoản từ tệp CSV hoặc Excel (Tên đăng nhập, Họ, Tên, Thư điện tử, Mã đơn vị, Vai trò, Cơ quan), mỗi dòng theo quy tắc của inviteUser, tất cả hoặc không: có dòng bị từ chối thì không tạo gì / accounts from a file, each row by inviteUser\'s rules, all or none',
  })
  importUsers(@Arg('input', () => ImportUsersInput) input: ImportUsersInput, @Ctx() { principal }: Context): Promise<AccountImportResult> {
    return this.imports.run(principal, input);
  }
}
