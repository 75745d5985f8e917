/**
 * A real OpenID Connect provider (oidc-provider) for tests, on 127.0.0.1 and a free port. Its
 * sign-in screen is a one-field form: the username picks one of the accounts the test gives.
 * Consent is implied for the test client, so the flow is: authorize → form → back to Steward.
 */
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type OidcContext } from 'oidc-provider';

export type TestAccount = {
  email: string;
  name: string;
  emailVerified?: boolean;
  groups?: string[];
};

export type TestProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Follows the provider's redirects as a browser would, signs in as `username`, returns the callback URL. */
  signIn(authorizationUrl: string, username: string): Promise<URL>;
  close(): Promise<void>;
};

/**
 * Steward's settings for `idp` as its one OpenID Connect provider, "corp" labelled "Corp Login",
 * asking for the groups scope; the caller adds the role and group maps it tests.
 */
export function corpLoginEnv(idp: TestProvider, publicUrl: string): Record<string, string> {
  return {
    PUBLIC_URL: publicUrl,
    OIDC_PROVIDERS: 'corp',
    OIDC_CORP_LABEL: 'Corp Login',
    OIDC_CORP_ISSUER: idp.issuer,
    OIDC_CORP_CLIENT_ID: idp.clientId,
    OIDC_CORP_CLIENT_SECRET: idp.clientSecret,
    OIDC_CORP_SCOPES: 'openid email profile groups',
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString();
    });
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

const FORM = (uid: string) => `<!doctype html>
<html lang="en"><head><title>Test identity provider</title></head><body><main>
<h1>Test identity provider</h1>
<form method="post" action="/interaction/${uid}">
<label for="username">Username</label> <input id="username" name="username" autocomplete="username">
<button type="submit">Continue</button>
</form></main></body></html>`;

export async function startTestProvider(opts: {
  redirectUris: string[];
  accounts: Record<string, TestAccount>;
}): Promise<TestProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'steward-test';
  const clientSecret = 'a-test-client-secret-of-some-length';
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'test-key', use: 'sig', alg: 'RS256' };

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: opts.redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: ['test-cookie-key-one'] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], groups: ['groups'] },
    features: { devInteractions: { enabled: false } },
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      IdToken: 600,
      Interaction: 600,
      Grant: 600,
      Session: 600,
    },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx: unknown, id: string) => {
      const a = opts.accounts[id];
      if (!a) return undefined;
      return {
        accountId: id,
        claims: () => ({
          sub: id,
          email: a.email,
          email_verified: a.emailVerified ?? true,
          name: a.name,
          groups: a.groups ?? [],
        }),
      };
    },
    loadExistingGrant: async (ctx: OidcContext) => {
      const known =
        ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (known) return ctx.oidc.provider.Grant.find(known);
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client.clientId,
        accountId: ctx.oidc.session.accountId,
      });
      grant.addOIDCScope('openid email profile groups');
      await grant.save();
      return grant;
    },
  });
  const handle = provider.callback();

  server.on('request', (req, res) => {
    const m = /^\/interaction\/([\w-]+)$/.exec(req.url ?? '');
    if (!m) return handle(req, res);
    const answer = async () => {
      if (req.method === 'GET') {
        const details = await provider.interactionDetails(req, res);
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(FORM(details.uid));
        return;
      }
      const username = new URLSearchParams(await readBody(req)).get('username') ?? '';
      if (!opts.accounts[username]) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(FORM(m[1]!));
        return;
      }
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: username } },
        {
          mergeWithLastSubmission: false,
        },
      );
    };
    answer().catch((e: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(e));
    });
  });

  return {
    issuer,
    clientId,
    clientSecret,
    signIn: (url, username) => followSignIn(issuer, url, username),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A browser's walk through the provider: cookies kept, redirects followed until they leave it. */
async function followSignIn(issuer: string, start: string, username: string): Promise<URL> {
  const jar = new Map<string, string>();
  const send = async (url: URL, init: RequestInit = {}) => {
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(url, { ...init, redirect: 'manual', headers: { ...init.headers, cookie } });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const at = pair!.indexOf('=');
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    return res;
  };
  let url = new URL(start);
  for (let hop = 0; hop < 10; hop++) {
    if (url.origin !== issuer) return url;
    const interaction = /^\/interaction\/[\w-]+$/.test(url.pathname);
    const res = interaction
      ? await send(url, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ username }).toString(),
        })
      : await send(url);
    const location = res.headers.get('location');
    if (!location)
      throw new Error(`The provider answered ${res.status} at ${url.pathname}: ${await res.text()}`);
    url = new URL(location, url);
  }
  throw new Error('Too many redirects at the test provider');
}
