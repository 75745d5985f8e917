/** Change management's public face: the record type, and raising, editing and moving a change (bulk changes use them). */
export { transitionChange } from './lifecycle.ts';
export { changeType } from './record-type.ts';
export { createChange, updateChange } from './service.ts';
