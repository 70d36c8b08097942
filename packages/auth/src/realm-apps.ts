/** A client app as the platform registers it: a confidential client with only a service account. */
export interface RealmClientApp {
  /** Keycloak's internal id of the client. */
  id: string;
  clientId: string;
  name: string;
  enabled: boolean;
  /** The unit its tokens are bound to (the hard-coded `unit_code` claim). */
  unitCode: string | null;
  /** The realm role its service account holds, e.g. `commune-viewer`. */
  role: string | null;
  registeredBy: string | null;
  registeredAt: string | null;
}

/** What a new client app is bound to. */
export interface NewRealmClientApp {
  clientId: string;
  name: string;
  unitCode: string;
  role: string;
  registeredBy: string;
}

export interface ClientRepresentation {
  id: string;
  clientId: string;
  name?: string;
  enabled: boolean;
  attributes?: Record<string, string>;
}

/** Client attributes where the platform keeps what an app is bound to. */
export const APP_ATTRIBUTES = { unitCode: 'platform.unit_code', role: 'platform.role', registeredBy: 'platform.registered_by', registeredAt: 'platform.registered_at' };

/** A confidential client with client credentials only; its tokens carry `unit_code` fixed to its unit and `aud` platform-api. */
export function clientAppRepresentation(app: NewRealmClientApp) {
  return {
    clientId: app.clientId,
    name: app.name,
    enabled: true,
    protocol: 'openid-connect',
    publicClient: false,
    clientAuthenticatorType: 'client-secret',
    serviceAccountsEnabled: true,
    standardFlowEnabled: false,
    implicitFlowEnabled: false,
    directAccessGrantsEnabled: false,
    frontchannelLogout: false,
    fullScopeAllowed: true,
    attributes: {
      [APP_ATTRIBUTES.unitCode]: app.unitCode,
      [APP_ATTRIBUTES.role]: app.role,
      [APP_ATTRIBUTES.registeredBy]: app.registeredBy,
      [APP_ATTRIBUTES.registeredAt]: new Date().toISOString(),
      'oauth2.device.authorization.grant.enabled': 'false',
      'oidc.ciba.grant.enabled': 'false',
    },
    protocolMappers: [
      {
        name: 'unit_code',
        protocol: 'openid-connect',
        protocolMapper: 'oidc-hardcoded-claim-mapper',
        config: { 'claim.name': 'unit_code', 'claim.value': app.unitCode, 'jsonType.label': 'String', 'access.token.claim': 'true', 'introspection.token.claim': 'true' },
      },
      {
        name: 'audience platform-api',
        protocol: 'openid-connect',
        protocolMapper: 'oidc-audience-mapper',
        config: { 'included.client.audience': 'platform-api', 'access.token.claim': 'true', 'introspection.token.claim': 'true' },
      },
    ],
  };
}

export function realmClientApp(client: ClientRepresentation): RealmClientApp {
  const attribute = (name: string) => client.attributes?.[name] ?? null;
  return {
    id: client.id,
    clientId: client.clientId,
    name: client.name ?? client.clientId,
    enabled: client.enabled,
    unitCode: attribute(APP_ATTRIBUTES.unitCode),
    role: attribute(APP_ATTRIBUTES.role),
    registeredBy: attribute(APP_ATTRIBUTES.registeredBy),
    registeredAt: attribute(APP_ATTRIBUTES.registeredAt),
  };
}
