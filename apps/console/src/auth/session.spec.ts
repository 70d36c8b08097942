import { signIn, SignInUnreachable } from './session';

/** keycloak-js stands in for the browser's Keycloak adapter: its init fails as it does when the server is gone. */
const init = jest.fn();
const updateToken = jest.fn();
const isTokenExpired = jest.fn();
const login = jest.fn();
jest.mock('keycloak-js', () => ({
  __esModule: true,
  default: jest.fn().mockImplementation(() => ({ init, updateToken, isTokenExpired, login, token: 'issued-before', tokenParsed: {} })),
}));

/** The console's remembered language, as the browser keeps it (none chosen yet). */
globalThis.localStorage = { getItem: () => null } as unknown as Storage;

const config = { keycloakUrl: 'http://127.0.0.1:8180', realm: 'political-system', clientId: 'console', gatewayUrl: 'http://127.0.0.1:4000/graphql' };
const realFetch = global.fetch;

afterEach(() => {
  global.fetch = realFetch;
  for (const fake of [init, updateToken, isTokenExpired, login]) fake.mockReset();
});

/** Keycloak's server as the browser sees it: gone (every request fails) or answering. */
const keycloakGone = () => (global.fetch = jest.fn(async () => { throw new TypeError('Failed to fetch'); }) as typeof fetch);
const keycloakAnswers = () => (global.fetch = jest.fn(async () => new Response('{}', { status: 200 })) as typeof fetch);

describe('signing in when Keycloak cannot be reached', () => {
  it('says in Vietnamese and English that the sign-in service is unreachable, naming it', async () => {
    init.mockRejectedValue(new TypeError('Failed to fetch'));
    const asked: string[] = [];
    global.fetch = jest.fn(async (url: string | URL | Request) => {
      asked.push(String(url));
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    const failure = await signIn(config).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SignInUnreachable);
    expect((failure as Error).message).toBe(
      'Không liên lạc được dịch vụ đăng nhập (Keycloak, http://127.0.0.1:8180); vui lòng thử lại sau ít phút / ' +
        'The sign-in service (Keycloak, http://127.0.0.1:8180) cannot be reached: try again in a few minutes',
    );
    expect(asked).toEqual(['http://127.0.0.1:8180/realms/political-system/.well-known/openid-configuration']);
  });

  it('passes on keycloak-js’s own failure when Keycloak does answer', async () => {
    const own = new Error('Invalid nonce, clearing token');
    init.mockRejectedValue(own);
    global.fetch = jest.fn(async () => new Response('{}', { status: 200 })) as typeof fetch;
    await expect(signIn(config)).rejects.toBe(own);
  });
});

describe('refreshing the token when Keycloak goes away after sign-in', () => {
  beforeEach(() => {
    init.mockResolvedValue(true);
    updateToken.mockRejectedValue(new Error('refresh failed'));
  });

  it('keeps using the token in hand while it is valid, without leaving for the sign-in page', async () => {
    keycloakGone();
    isTokenExpired.mockReturnValue(false);
    const session = await signIn(config);
    await expect(session.token()).resolves.toBe('issued-before');
    expect(login).not.toHaveBeenCalled();
  });

  it('says the sign-in service is unreachable once that token has expired, instead of sending the browser to a page that is not there', async () => {
    keycloakGone();
    isTokenExpired.mockReturnValue(true);
    const session = await signIn(config);
    await expect(session.token()).rejects.toBeInstanceOf(SignInUnreachable);
    expect(login).not.toHaveBeenCalled();
  });

  it('goes back to the sign-in page when Keycloak answers (the session has ended)', async () => {
    keycloakAnswers();
    const session = await signIn(config);
    await session.token();
    expect(login).toHaveBeenCalledTimes(1);
  });
});
