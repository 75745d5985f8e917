/**
 * Input hygiene for every route, before schema validation: strings PostgreSQL cannot store (a NUL
 * character, or an unpaired UTF-16 surrogate, which JSON columns refuse) and structures nested
 * deeper than any Steward shape are refused with 400 wherever they appear — body, query string
 * or path — so no route needs to remember it and no statement fails on them.
 */
import type { FastifyRequest } from 'fastify';
import { AppError, type FieldError } from '../errors.ts';

/** No Steward input nests deeper than this (form answers and JSON imports included). */
export const MAX_INPUT_DEPTH = 32;

/** Why a string cannot be accepted, or null when it can. */
export function stringProblem(s: string): string | null {
  if (s.includes('\u0000')) return 'must not contain the NUL character';
  if (!s.isWellFormed()) return 'must be valid Unicode (it contains an unpaired surrogate)';
  return null;
}

/** The first unacceptable string or nesting in `value`, walked without recursion. */
export function findInputProblem(value: unknown, location: string): FieldError | null {
  const stack: { v: unknown; path: string; depth: number }[] = [{ v: value, path: location, depth: 0 }];
  while (stack.length > 0) {
    const { v, path, depth } = stack.pop()!;
    if (typeof v === 'string') {
      const problem = stringProblem(v);
      if (problem) return { field: path, message: problem };
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth >= MAX_INPUT_DEPTH)
      return { field: path, message: `is nested more than ${MAX_INPUT_DEPTH} levels deep` };
    const entries = Array.isArray(v) ? v.map((x, i) => [String(i), x] as const) : Object.entries(v);
    for (const [key, child] of entries) {
      const keyProblem = stringProblem(key);
      if (keyProblem) return { field: path, message: `has a property name that ${keyProblem}` };
      stack.push({ v: child, path: `${path}.${key}`, depth: depth + 1 });
    }
  }
  return null;
}

/** A string with NULs and unpaired surrogates replaced by U+FFFD, for routes that take any input. */
export function replaceHostileCharacters(s: string): string {
  return s.replaceAll('\u0000', '\uFFFD').toWellFormed();
}

/**
 * preValidation hook: refuse hostile strings in the path, query string and body, unless the
 * route handles them itself (`ownInputHygiene`: sign-in, where a garbled email must still be a
 * failed, audited and throttled attempt rather than a request nobody records).
 */
export async function refuseHostileInput(req: FastifyRequest): Promise<void> {
  if (req.routeOptions.config?.ownInputHygiene === true) return;
  const problem =
    findInputProblem(req.params, 'params') ??
    findInputProblem(req.query, 'querystring') ??
    findInputProblem(req.body, 'body');
  if (problem) {
    throw new AppError(
      'request.invalid',
      `The request has invalid fields: ${problem.field}: ${problem.message}`,
      [problem],
    );
  }
}
