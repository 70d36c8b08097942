import { corsOriginsShape } from './cors';
import { defaultGateway, startGateway } from './gateway.spec-support';

const CONSOLE = 'http://127.0.0.1:5173';
const preflight = (url: string, origin: string) =>
  fetch(url, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
  });
const postFrom = (url: string, origin: string | null, token: string | null) =>
  fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(origin ? { origin } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query: '{ __typename }' }),
  });

describe('CORS for the console’s origin only', () => {
  let gateway: Awaited<ReturnType<typeof startGateway>>;
  beforeAll(async () => {
    gateway = await startGateway({ gateway: { corsOrigins: [CONSOLE] } });
  });
  afterAll(() => gateway.stop());

  it('answers the console’s preflight before any token check, allowing its credentials and headers', async () => {
    const answer = await preflight(gateway.url, CONSOLE);
    expect(answer.status).toBe(204);
    expect(answer.headers.get('access-control-allow-origin')).toBe(CONSOLE);
    expect(answer.headers.get('access-control-allow-credentials')).toBe('true');
    expect(answer.headers.get('access-control-allow-methods')).toBe('POST');
    expect(answer.headers.get('access-control-allow-headers')?.split(',')).toEqual(expect.arrayContaining(['authorization', 'content-type']));
    expect(answer.headers.get('vary')).toMatch(/Origin/);
  });

  it('lets the console read a refusal (401 without a token) and an answer', async () => {
    const refused = await postFrom(gateway.url, CONSOLE, null);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('access-control-allow-origin')).toBe(CONSOLE);
    const answered = await postFrom(gateway.url, CONSOLE, 'alice');
    expect(answered.status).toBe(200);
    expect(answered.headers.get('access-control-allow-origin')).toBe(CONSOLE);
  });

  it('gives another origin, a neighbouring port or no origin no CORS header, and refuses the foreign preflight', async () => {
    for (const origin of ['http://127.0.0.1:5174', 'http://evil.example', 'http://localhost:5173']) {
      const answer = await preflight(gateway.url, origin);
      expect({ origin, status: answer.status, allow: answer.headers.get('access-control-allow-origin') }).toEqual({ origin, status: 405, allow: null });
    }
    const serverToServer = await postFrom(gateway.url, null, 'alice');
    expect(serverToServer.status).toBe(200);
    expect(serverToServer.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('without CORS_ALLOWED_ORIGINS (the production default)', () => {
  it('answers no origin’s preflight with CORS headers', async () => {
    expect(defaultGateway().corsOrigins).toEqual([]);
    const gateway = await startGateway();
    try {
      const answer = await preflight(gateway.url, CONSOLE);
      expect(answer.status).toBe(405);
      expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await gateway.stop();
    }
  });
});

describe('CORS_ALLOWED_ORIGINS', () => {
  it('reads a comma-separated list of exact origins', () => {
    expect(corsOriginsShape.parse(' http://127.0.0.1:5173 , https://console.tinh.gov.vn ')).toEqual(['http://127.0.0.1:5173', 'https://console.tinh.gov.vn']);
  });

  it.each(['*', 'http://127.0.0.1:*', 'https://console.tinh.gov.vn/', 'https://console.tinh.gov.vn/app', 'console.tinh.gov.vn', 'ftp://x.vn'])(
    'refuses %s, which is not an exact origin',
    (origin) => {
      expect(corsOriginsShape.safeParse(origin).success).toBe(false);
    },
  );
});
