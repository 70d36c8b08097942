import { signIn, SignInUnreachable } from './session';

/** keycloak-js stands in for the browser's Keycloak adapter: its init fails as it does when the server is gone. */
const init = jest.fn();
jest.mock('keycloak-js', () => ({ __esModule: true, default: jest.fn().mockImplementation(() => ({ init })) }));

const config = { keycloakUrl: 'http://127.0.0.1:8180', realm: 'political-system', clientId: 'console', gatewayUrl: 'http://127.0.0.1:4000/graphql' };
const realFetch = global.fetch;

afterEach(() => {
  global.fetch = realFetch;
  init.mockReset();
});

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
