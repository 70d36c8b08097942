import type { RequestContext } from '@ps/service-kit';
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { AccountChangeInput } from './account.types';
import type { ClientAppService } from './app.service';
import { ClientApp, ClientAppCredentials, RegisterClientAppInput } from './app.types';

type Context = RequestContext<unknown>;

/** Client apps of the units below the caller (administrators only). */
@Resolver(() => ClientApp)
export class ClientAppResolver {
  constructor(private readonly apps: ClientAppService) {}

  @Query(() => [ClientApp], { description: 'Ứng dụng gắn với một đơn vị trong địa bàn (quản trị viên) / the client apps bound to a unit (administrators)' })
  clientApps(@Arg('unitCode', () => String) unitCode: string, @Ctx() { principal }: Context): Promise<ClientApp[]> {
    return this.apps.appsOf(principal, unitCode);
  }

  @Mutation(() => ClientAppCredentials, {
    description:
      'Đăng ký ứng dụng cho một đơn vị cấp dưới: client_credentials, chỉ đọc trừ khi được cấp quyền ghi; trả client_secret một lần / register a client app for a unit below yours; answers its secret once',
  })
  registerClientApp(
    @Arg('input', () => RegisterClientAppInput) input: RegisterClientAppInput,
    @Arg('change', () => AccountChangeInput) change: AccountChangeInput,
    @Ctx() { principal }: Context,
  ): Promise<ClientAppCredentials> {
    return this.apps.register(principal, input, change);
  }

  @Mutation(() => ClientApp, {
    description: 'Thu hồi ứng dụng: không cấp mã truy cập nữa, khóa bí mật bị thay / revoke an app: no more tokens, its secret replaced',
  })
  revokeClientApp(
    @Arg('clientId', () => ID) clientId: string,
    @Arg('change', () => AccountChangeInput) change: AccountChangeInput,
    @Ctx() { principal }: Context,
  ): Promise<ClientApp> {
    return this.apps.revoke(principal, clientId, change);
  }
}
