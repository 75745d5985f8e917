/** Problem management's public face: raising a problem, problem transitions (bulk changes use them) and the record type. */
export { transitionProblem } from './lifecycle.ts';
export { problemType } from './record-type.ts';
export { type CreateProblemInput, createProblem } from './service.ts';
