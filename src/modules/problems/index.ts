/**
 * Problem management's public face: raising a problem, problem transitions (bulk changes use
 * them), the record type, and reading a known error (the knowledge base publishes known errors
 * as articles).
 */
export { getKnownError } from './known-errors.ts';
export { transitionProblem } from './lifecycle.ts';
export { problemType } from './record-type.ts';
export { type CreateProblemInput, createProblem } from './service.ts';
