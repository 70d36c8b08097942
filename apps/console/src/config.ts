/** Where this environment's Keycloak and gateway are, served beside the console as /config.json. */
export interface ConsoleConfig {
  keycloakUrl: string;
  realm: string;
  clientId: string;
  gatewayUrl: string;
}

/** Reads /config.json; a console without it cannot sign anyone in, so the failure is shown as is. */
export async function loadConfig(): Promise<ConsoleConfig> {
  const response = await fetch('/config.json', { cache: 'no-store' });
  if (!response.ok) throw new ConfigUnavailable(response.status);
  return (await response.json()) as ConsoleConfig;
}

/** /config.json did not answer: the console's server is misconfigured. */
export class ConfigUnavailable extends Error {
  constructor(readonly status: number) {
    super(`Không đọc được cấu hình (/config.json: ${status}) / configuration unavailable`);
  }
}
