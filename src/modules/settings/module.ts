import { defineModule } from '../define-module.ts';
import { settingsRoutes } from './routes.ts';

export default defineModule({ name: 'settings', routes: [settingsRoutes] });
