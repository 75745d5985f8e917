/**
 * OpenID Connect sign-in (authorization code flow with PKCE, OpenID Connect Core 1.0 and
 * RFC 7636). State, nonce and the PKCE verifier stay on the server in `oidc_logins`, keyed by the
 * hash of a random value held in a short-lived HttpOnly cookie; a callback consumes its row, so a
 * replayed callback finds nothing.
 */
import { randomBytes } from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import type * as Oidc from 'openid-client';
import type { OidcProviderConfig } from '../../config.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { tokenHash } from '../../shared/token-hash.ts';
import { writeAudit } from '../audit/index.ts';
import { type ExternalProfile, provisionExternalUser } from './external-users.ts';
import { oidcLogins } from './schema.ts';

/** The OpenID client library, loaded on the first sign-in through a provider (not at start). */
const library = () => import('openid-client');

export const OIDC_COOKIE = 'steward_oidc';
const LOGIN_TTL_MS = 10 * 60_000;
const HTTP_TIMEOUT_S = 10;

const configs = new WeakMap<AppContext, Map<string, Promise<Oidc.Configuration>>>();

export function oidcProvider(ctx: AppContext, id: string): OidcProviderConfig {
  const p = ctx.config.oidcProviders.find((x) => x.id === id);
  if (!p) throw new AppError('resource.not_found', `There is no sign-in provider "${id}".`);
  return p;
}

export function callbackUrl(ctx: AppContext, p: OidcProviderConfig): string {
  return `${ctx.config.publicUrl!.replace(/\/+$/, '')}/api/v1/auth/oidc/${p.id}/callback`;
}

/** Plain http is accepted only for an issuer on this machine (development and tests). */
function isLoopback(url: URL): boolean {
  return ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

/** The provider's discovered configuration, fetched once per instance (retried after a failure). */
async function configurationOf(ctx: AppContext, p: OidcProviderConfig): Promise<Oidc.Configuration> {
  const byId = configs.get(ctx) ?? new Map<string, Promise<Oidc.Configuration>>();
  configs.set(ctx, byId);
  let pending = byId.get(p.id);
  if (!pending) {
    const issuer = new URL(p.issuer);
    const insecure = issuer.protocol === 'http:' && isLoopback(issuer);
    pending = library()
      .then((oidc) =>
        oidc.discovery(
          issuer,
          p.clientId,
          undefined,
          p.clientSecret ? oidc.ClientSecretBasic(p.clientSecret) : oidc.None(),
          { timeout: HTTP_TIMEOUT_S, ...(insecure ? { execute: [oidc.allowInsecureRequests] } : {}) },
        ),
      )
      .catch((e: unknown) => {
        byId.delete(p.id);
        ctx.log.warn({ provider: p.id, err: e }, 'OIDC discovery failed');
        throw new AppError('server.unavailable', `${p.label} cannot be reached right now. Try again later.`);
      });
    byId.set(p.id, pending);
  }
  return pending;
}

/** Starts a sign-in: stores the checks and answers the provider's authorization URL and cookie. */
export async function startOidcLogin(
  ctx: AppContext,
  providerId: string,
  returnTo: string,
): Promise<{ url: string; cookie: string }> {
  const p = oidcProvider(ctx, providerId);
  const config = await configurationOf(ctx, p);
  const oidc = await library();
  const now = ctx.clock.now();
  const cookie = randomBytes(32).toString('base64url');
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  await ctx.db.delete(oidcLogins).where(lt(oidcLogins.expiresAt, now));
  await ctx.db.insert(oidcLogins).values({
    idHash: tokenHash(cookie),
    provider: p.id,
    state,
    nonce,
    codeVerifier,
    returnTo,
    expiresAt: new Date(now.getTime() + LOGIN_TTL_MS),
  });
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: callbackUrl(ctx, p),
    scope: p.scopes,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { url: url.href, cookie };
}

export type OidcCallback = {
  providerId: string;
  cookie: string | undefined;
  query: string;
  ip: string | null;
};

/** Finishes a sign-in: checks state, redeems the code with the PKCE verifier, finds or creates the user. */
export async function finishOidcLogin(ctx: AppContext, cb: OidcCallback) {
  const p = oidcProvider(ctx, cb.providerId);
  const pending = cb.cookie ? await takePendingLogin(ctx, p.id, cb.cookie) : undefined;
  if (!pending) {
    await auditFailure(ctx, p, cb.ip, 'no_pending_login');
    throw new AppError('request.invalid', 'This sign-in has expired or was already used. Start again.');
  }
  const config = await configurationOf(ctx, p);
  const current = new URL(callbackUrl(ctx, p));
  current.search = cb.query;
  const oidc = await library();
  let claims: Record<string, unknown>;
  try {
    const tokens = await oidc.authorizationCodeGrant(config, current, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims()!;
    const info = await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub);
    claims = { ...idClaims, ...info };
  } catch (e) {
    throw await protocolError(ctx, p, cb.ip, e);
  }
  const user = await provisionExternalUser(ctx, profileOf(p, claims), p, cb.ip);
  return { user, returnTo: pending.returnTo };
}

async function takePendingLogin(ctx: AppContext, providerId: string, cookie: string) {
  const [row] = await ctx.db
    .delete(oidcLogins)
    .where(and(eq(oidcLogins.idHash, tokenHash(cookie)), eq(oidcLogins.provider, providerId)))
    .returning();
  return row && row.expiresAt > ctx.clock.now() ? row : undefined;
}

function claimValues(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function profileOf(p: OidcProviderConfig, claims: Record<string, unknown>): ExternalProfile {
  const email = typeof claims.email === 'string' ? claims.email : '';
  const name = typeof claims.name === 'string' ? claims.name : '';
  return {
    provider: `oidc:${p.id}`,
    subject: String(claims.sub),
    email,
    name,
    emailVerified: claims.email_verified === true,
    values: claimValues(claims[p.roleClaim]),
  };
}

async function auditFailure(ctx: AppContext, p: OidcProviderConfig, ip: string | null, reason: string) {
  await writeAudit(ctx.db, ctx.clock.now(), {
    action: 'auth.sso_failed',
    ip,
    details: { provider: `oidc:${p.id}`, reason },
  });
}

/** The provider refused (a used or wrong code: 401) or the answer failed a check (400). */
async function protocolError(ctx: AppContext, p: OidcProviderConfig, ip: string | null, e: unknown) {
  const oidc = await library();
  if (e instanceof oidc.ResponseBodyError || e instanceof oidc.AuthorizationResponseError) {
    await auditFailure(ctx, p, ip, e.error);
    return new AppError(
      'auth.invalid_credentials',
      `${p.label} did not accept the sign-in (${e.error}). Start again.`,
    );
  }
  if (e instanceof oidc.ClientError) {
    await auditFailure(ctx, p, ip, e.code ?? 'client_error');
    return new AppError(
      'request.invalid',
      `The answer from ${p.label} failed a security check. Start again.`,
    );
  }
  ctx.log.warn({ provider: p.id, err: e }, 'OIDC token exchange failed');
  return new AppError('server.unavailable', `${p.label} cannot be reached right now. Try again later.`);
}
