/** Problem management's public face: problem transitions (bulk changes use them) and the record type. */
export { transitionProblem } from './lifecycle.ts';
export { problemType } from './record-type.ts';
