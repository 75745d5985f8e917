import { defineModule } from '../define-module.ts';
import { improvementType } from './record-type.ts';
import { improvementRoutes } from './routes.ts';

export default defineModule({
  name: 'improvements',
  recordTypes: [improvementType],
  routes: [improvementRoutes],
});
