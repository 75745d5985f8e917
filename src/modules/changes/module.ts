import { defineModule } from '../define-module.ts';
import { registerChangeHooks } from './lifecycle.ts';
import { changeType } from './record-type.ts';
import { changeRoutes } from './routes.ts';

export default defineModule({
  name: 'changes',
  recordTypes: [changeType],
  routes: [changeRoutes],
  hooks: registerChangeHooks,
});
