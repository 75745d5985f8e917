/** Change management's public face: the record type and raising a change. */
export { changeType } from './record-type.ts';
export { createChange } from './service.ts';
