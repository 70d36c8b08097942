import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { AccountChangeInput } from './account.types';

/** What a client app may do in its unit: read (the unit's viewer role) or also write (its officer role). */
export enum AppCapability {
  READ = 'READ',
  WRITE = 'WRITE',
}

registerEnumType(AppCapability, {
  name: 'AppCapability',
  description: 'Quyền của ứng dụng trong đơn vị: chỉ đọc hoặc đọc và ghi như chuyên viên / what an app may do in its unit',
  valuesConfig: {
    READ: { description: 'Chỉ đọc (vai trò viewer của đơn vị) / read only (the unit’s viewer role)' },
    WRITE: { description: 'Đọc và ghi như chuyên viên (vai trò officer) / read and write as an officer' },
  },
});

/** Another agency's system that calls the gateway with its own identity, bound to one unit. */
@ObjectType({ description: 'Ứng dụng của cơ quan khác gọi API bằng định danh riêng, gắn với một đơn vị / a client app bound to one unit' })
export class ClientApp {
  @Field(() => ID, { description: 'client_id để xin mã truy cập / the client id it requests tokens with' })
  clientId!: string;

  @Field({ description: 'Tên ứng dụng / name' })
  name!: string;

  @Field({ description: 'Mã đơn vị gắn với ứng dụng / the unit it is bound to' })
  unitCode!: string;

  @Field(() => String, { nullable: true, description: 'Tên đơn vị / the unit name' })
  unitName!: string | null;

  @Field(() => AppCapability)
  capability!: AppCapability;

  @Field({ description: 'Còn được cấp mã truy cập (chưa thu hồi) / still issued tokens (not revoked)' })
  enabled!: boolean;

  @Field(() => String, { nullable: true, description: 'Người đăng ký / registered by' })
  registeredBy!: string | null;

  @Field(() => String, { nullable: true, description: 'Thời điểm đăng ký (ISO 8601) / when it was registered' })
  registeredAt!: string | null;
}

/** A newly registered app with its secret, shown to the administrator only now. */
@ObjectType({ description: 'Ứng dụng vừa đăng ký và khóa bí mật (chỉ hiện một lần) / a new app with its secret, shown once' })
export class ClientAppCredentials {
  @Field(() => ClientApp)
  app!: ClientApp;

  @Field({ description: 'client_secret (chỉ hiện một lần) / the client secret, shown once' })
  clientSecret!: string;

  @Field({ description: 'Địa chỉ xin mã truy cập (grant_type=client_credentials) / the token endpoint' })
  tokenUrl!: string;
}

@InputType({ description: 'Ứng dụng mới của một đơn vị / a new client app of a unit' })
export class RegisterClientAppInput {
  @Field({ description: 'Mã đơn vị (cấp dưới của bạn) / the unit, below yours' })
  unitCode!: string;

  @Field({ description: 'Tên ứng dụng, vd. "Cổng dịch vụ công xã" / the app’s name' })
  name!: string;

  @Field(() => AppCapability, { defaultValue: AppCapability.READ })
  capability!: AppCapability;
}

export { AccountChangeInput };
