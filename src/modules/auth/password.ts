/**
 * Password hashing with scrypt (Node's crypto, no native addon). Format: scrypt$N$r$p$salt$hash.
 * And the password policy: long enough (the schema), not guessable, not the person's email.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type zxcvbnCore from '@zxcvbn-ts/core';
import type zxcvbnCommon from '@zxcvbn-ts/language-common';
import { AppError } from '../../errors.ts';
import { onFirstUse } from '../../on-first-use.ts';

const N = 16384;
const R = 8;
const P = 1;
const KEYLEN = 32;

function derive(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, KEYLEN, { N: n, r, p, maxmem: 64 * 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, N, R, P);
  return ['scrypt', N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  if (!stored) return false;
  const [alg, n, r, p, salt, hash] = stored.split('$');
  if (alg !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), Number(n), Number(r), Number(p));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A throwaway hash so that a login for an unknown email costs as much as one for a known email. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(12).toString('hex'));
  return dummyHash;
}

export function generatePassword(): string {
  return randomBytes(12).toString('base64url');
}

/*
 * Password strength: zxcvbn's estimate (common passwords, breached-list dictionaries, keyboard
 * patterns, repeats, dates) with the person's own email and name as extra dictionary words.
 */
const strength = onFirstUse((load) => {
  const core = load('@zxcvbn-ts/core') as typeof zxcvbnCore;
  const common = load('@zxcvbn-ts/language-common') as typeof zxcvbnCommon;
  return new core.ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });
});

/** zxcvbn scores 0–4; 3 means "safely unguessable: moderate protection from offline attacks". */
export const MIN_PASSWORD_SCORE = 3;

const WARNINGS: Record<string, string> = {
  topTen: 'it is one of the most used passwords',
  topHundred: 'it is a very common password',
  common: 'it is a common password',
  similarToCommon: 'it is too close to a common password',
  wordByItself: 'a single word is easy to guess',
  namesByThemselves: 'names on their own are easy to guess',
  commonNames: 'common names are easy to guess',
  userInputs: 'it contains your own details',
  straightRow: 'a row of keys is easy to guess',
  keyPattern: 'a keyboard pattern is easy to guess',
  simpleRepeat: 'repeated characters are easy to guess',
  extendedRepeat: 'repeated groups of characters are easy to guess',
  sequences: 'sequences like abc or 123 are easy to guess',
  recentYears: 'recent years are easy to guess',
  dates: 'dates are easy to guess',
};

/**
 * Why a password must be refused, as a readable message for the person choosing it, or null
 * when it is strong enough.
 */
export function passwordWeakness(
  password: string,
  owner: { email: string; name?: string | undefined },
): string | null {
  const email = owner.email.trim().toLowerCase();
  const local = email.split('@')[0] ?? '';
  const lower = password.toLowerCase();
  if (lower.includes(email)) return 'must not contain your email address';
  const inputs = [
    email,
    local,
    ...local.split(/[._+-]/),
    ...(owner.name?.toLowerCase().split(/\s+/) ?? []),
  ].filter((s) => s.length >= 3);
  const result = strength().check(password, inputs);
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const why = (result.feedback.warning && WARNINGS[result.feedback.warning]) || 'it is too easy to guess';
  return `is too weak: ${why}. Use a longer passphrase of several unrelated words`;
}

/** Refuse a weak password with 422 and the reason on the `password` field. */
export function assertStrongPassword(
  password: string,
  owner: { email: string; name?: string | undefined },
): void {
  const weakness = passwordWeakness(password, owner);
  if (weakness) {
    throw new AppError('validation.failed', `The password ${weakness}.`, [
      { field: 'password', message: weakness },
    ]);
  }
}
