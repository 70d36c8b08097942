import { randomBytes } from 'node:crypto';
import { requireCapability, type Principal, type RealmAdmin, type RealmClientApp } from '@ps/auth';
import { requiredText, writeDated, type DatedWrite } from '@ps/effective-dating';
import { ForbiddenError, NotFoundError, OutsideTerritoryError } from '@ps/errors';
import type { DataSource, EntityManager } from 'typeorm';
import { grantableRole, requireGrantable } from './account.policy';
import { accountWrite } from './account.service';
import type { AccountChangeInput } from './account.types';
import { accountUnit, type AccountUnitVersion } from './account.units';
import { AppCapability, type ClientApp, type ClientAppCredentials, type RegisterClientAppInput } from './app.types';

/** Where an app's client id starts: `app-<unit code>-`, so that a unit's apps are one prefix search. */
const appPrefix = (unitCode: string) => `app-${unitCode}-`;

/**
 * Client apps: another agency's system with its own identity, a confidential client using client
 * credentials whose tokens are bound to one unit and one role (the unit's viewer, or officer when
 * granted). Registered, listed and revoked by the administrators of the tiers above the unit,
 * each registration and revocation one audit row; the app's own calls are audited under its
 * service account like a user's.
 */
export class ClientAppService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly realm: () => RealmAdmin,
  ) {}

  async appsOf(principal: Principal, unitCode: string): Promise<ClientApp[]> {
    requireCapability(principal, 'admin');
    const unit = await accountUnit(this.dataSource.manager, principal, unitCode.trim(), 'any');
    return (await this.realm().clientApps(appPrefix(unit.code))).map((app) => clientApp(app, unit));
  }

  async register(principal: Principal, input: RegisterClientAppInput, change: AccountChangeInput): Promise<ClientAppCredentials> {
    requireCapability(principal, 'admin');
    const name = requiredText(input.name, { vi: 'Tên ứng dụng', en: 'App name' });
    const created: { app?: RealmClientApp } = {};
    try {
      return await writeDated(this.dataSource, accountWrite(principal, 'registerClientApp', change), async (write) => {
        const unit = await this.unitBelow(write.manager, principal, input.unitCode.trim(), 'serving');
        const role = grantableRole(`${unit.tier.toLowerCase()}-${input.capability === AppCapability.WRITE ? 'officer' : 'viewer'}`);
        requireGrantable(principal, role, unit);
        const clientId = `${appPrefix(unit.code)}${randomBytes(4).toString('hex')}`;
        const { client, secret } = await this.realm().createClientApp({ clientId, name, unitCode: unit.code, role: role.name, registeredBy: principal.username });
        created.app = client;
        const app = clientApp(client, unit);
        about(write, app, unit).after(app);
        return { app, clientSecret: secret, tokenUrl: this.realm().tokenEndpoint };
      });
    } catch (error) {
      if (created.app) await this.realm().revokeClientApp(created.app).catch(() => undefined);
      throw error;
    }
  }

  async revoke(principal: Principal, clientId: string, change: AccountChangeInput): Promise<ClientApp> {
    requireCapability(principal, 'admin');
    return writeDated(this.dataSource, accountWrite(principal, 'revokeClientApp', change), async (write) => {
      const found = await this.realm().clientApp(clientId.trim());
      if (!found?.unitCode) throw appNotFound(clientId);
      const unit = await this.unitBelow(write.manager, principal, found.unitCode, 'any').catch((error: unknown) => {
        throw error instanceof OutsideTerritoryError || error instanceof NotFoundError ? appNotFound(clientId) : error;
      });
      about(write, clientApp(found, unit), unit).before(clientApp(found, unit));
      await this.realm().revokeClientApp(found);
      const after = clientApp({ ...found, enabled: false }, unit);
      write.after(after);
      return after;
    });
  }

  /** A unit of the caller's territory strictly below the caller's own: an app is the tier above's to register. */
  private async unitBelow(manager: EntityManager, principal: Principal, code: string, mode: 'serving' | 'any'): Promise<AccountUnitVersion> {
    const unit = await accountUnit(manager, principal, code, mode);
    if (unit.code === principal.unitCode) {
      throw new ForbiddenError(
        `Ứng dụng của ${unit.name} (${unit.code}) do cấp trên đăng ký và thu hồi`,
        `The apps of ${unit.name} (${unit.code}) are registered and revoked by the tier above`,
        { reason: 'APP_BY_TIER_ABOVE', unitCode: unit.code },
      );
    }
    return unit;
  }
}

function clientApp(app: RealmClientApp, unit: AccountUnitVersion): ClientApp {
  return {
    clientId: app.clientId,
    name: app.name,
    unitCode: app.unitCode ?? unit.code,
    unitName: unit.name,
    capability: app.role?.endsWith('-officer') ? AppCapability.WRITE : AppCapability.READ,
    enabled: app.enabled,
    registeredBy: app.registeredBy,
    registeredAt: app.registeredAt,
  };
}

function about(write: DatedWrite, app: ClientApp, unit: AccountUnitVersion): DatedWrite {
  return write.about({ type: 'ClientApp', id: app.clientId, label: `${app.name} (${app.clientId}) – ${unit.name} (${unit.code})`, unitCode: unit.code, unitPaths: [unit.path] });
}

function appNotFound(clientId: string): NotFoundError {
  return new NotFoundError(`Không có ứng dụng ${clientId} trong địa bàn của bạn`, `No client app ${clientId} in your territory`, { clientId });
}
