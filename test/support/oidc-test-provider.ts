import { createSign, generateKeyPairSync, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

// oidc-provider 7 ships no type definitions (and 8+ is ESM-only); the little used here is typed locally.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Provider } = require('oidc-provider') as {
  Provider: new (issuer: string, config: Record<string, unknown>) => OidcProviderInstance;
};

interface KoaContext {
  path: string;
  method: string;
  body: unknown;
}
interface OidcProviderInstance {
  callback(): (req: http.IncomingMessage, res: http.ServerResponse) => void;
  use(mw: (ctx: KoaContext, next: () => Promise<void>) => Promise<void>): void;
}

export interface TestClient {
  clientId: string;
  clientSecret: string;
}

export interface OidcTestProvider {
  issuer: string;
  client: TestClient;
  /** A second client registered at the same provider (for codes and tokens meant for someone else). */
  otherClient: TestClient;
  /**
   * When set, the token endpoint's ID token is re-signed (with the provider's own key, so the signature is
   * valid) with this `aud`: an ID token for another audience.
   */
  tamperAudience: string | null;
  /**
   * Logs in at the provider as `login` (the e-mail the account's claims carry; a local part starting with
   * `unverified-` gets email_verified false) and consents, following the redirects from `authorizationUrl`
   * until the provider sends the browser to `redirectPrefix`. Returns that final URL (with code and state).
   */
  signIn(authorizationUrl: string, login: string, redirectPrefix: string): Promise<URL>;
  close(): Promise<void>;
}

/**
 * A real OpenID provider (oidc-provider 7) in the test process on a random loopback port: code flow with PKCE
 * required (S256), RS256 ID tokens carrying email and email_verified, devInteractions for login and consent.
 */
export async function startOidcTestProvider(redirectUri: string): Promise<OidcTestProvider> {
  let handler: (req: http.IncomingMessage, res: http.ServerResponse) => void = (_req, res) =>
    res.end();
  const server = http.createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;

  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = randomBytes(8).toString('hex');
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' };
  const client: TestClient = {
    clientId: 'contract-bank',
    clientSecret: randomBytes(16).toString('hex'),
  };
  const otherClient: TestClient = {
    clientId: 'another-app',
    clientSecret: randomBytes(16).toString('hex'),
  };

  // The provider warns at construction about its development defaults (in-memory adapter, devInteractions),
  // which is what a test wants; keep them out of the test output.
  const { warn, info } = console;
  console.warn = () => undefined;
  console.info = () => undefined;
  const provider = new Provider(issuer, {
    clients: [client, otherClient].map((c) => ({
      client_id: c.clientId,
      client_secret: c.clientSecret,
      redirect_uris: [redirectUri],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    })),
    jwks: { keys: [jwk] },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    pkce: { methods: ['S256'], required: () => true },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      Grant: 600,
      IdToken: 600,
      Interaction: 600,
      Session: 600,
    },
    // Scope-requested claims go into the ID token too (as Google and Microsoft do for email).
    conformIdTokenClaims: false,
    async findAccount(_ctx: unknown, id: string) {
      return {
        accountId: id,
        async claims() {
          return {
            sub: id,
            email: id,
            email_verified: !id.startsWith('unverified-'),
            name: `Person ${id.split('@')[0]}`,
          };
        },
      };
    },
  });
  console.warn = warn;
  console.info = info;
  const state: OidcTestProvider = {
    issuer,
    client,
    otherClient,
    tamperAudience: null,
    signIn: (url, login, prefix) => driveInteractions(url, login, prefix),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (ctx.path === '/token' && state.tamperAudience && body?.id_token) {
      ctx.body = { ...body, id_token: resign(body.id_token, { aud: state.tamperAudience }) };
    }
  });
  handler = provider.callback();

  function resign(token: string, changes: Record<string, unknown>): string {
    const [header, payload] = token.split('.');
    const claims = {
      ...JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')),
      ...changes,
    };
    const input = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
    const signature = createSign('RSA-SHA256').update(input).sign(privateKey).toString('base64url');
    return `${input}.${signature}`;
  }

  return state;
}

/** A browser for the provider: follows redirects by hand, keeps its cookies, submits the dev login and consent forms. */
async function driveInteractions(
  start: string,
  login: string,
  redirectPrefix: string,
): Promise<URL> {
  const jar = new Map<string, string>();
  const remember = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /expires=thu, 01 jan 1970/i.test(a.trim()));
      if (!value || expired) jar.delete(name);
      else jar.set(name, value);
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  let url = new URL(start);
  let body: string | null = null;
  for (let hop = 0; hop < 20; hop++) {
    const res: Response = await fetch(url, {
      method: body === null ? 'GET' : 'POST',
      redirect: 'manual',
      headers: {
        cookie: cookie(),
        ...(body === null ? {} : { 'content-type': 'application/x-www-form-urlencoded' }),
      },
      body: body ?? undefined,
    });
    remember(res);
    body = null;
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      const next = new URL(location, url);
      if (next.href.startsWith(redirectPrefix)) return next;
      url = next;
      continue;
    }
    const html: string = await res.text();
    const prompt: string | undefined = /name="prompt" value="(login|consent)"/.exec(html)?.[1];
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (res.status !== 200 || !prompt || !action)
      throw new Error(`provider answered ${res.status} at ${url.pathname}: ${html.slice(0, 300)}`);
    url = new URL(action.replace(/&amp;/g, '&'), url);
    body =
      prompt === 'login'
        ? new URLSearchParams({ prompt, login, password: 'any' }).toString()
        : new URLSearchParams({ prompt }).toString();
  }
  throw new Error('too many redirects at the provider');
}
