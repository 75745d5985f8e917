/**
 * Problem management's public face: problem transitions (bulk changes use them), the record type,
 * and reading a known error (the knowledge base publishes known errors as articles).
 */
export { getKnownError } from './known-errors.ts';
export { transitionProblem } from './lifecycle.ts';
export { problemType } from './record-type.ts';
