import { defineModule } from '../define-module.ts';

/** The audit log has no routes of its own: each module shows the entries it writes. */
export default defineModule({ name: 'audit' });
