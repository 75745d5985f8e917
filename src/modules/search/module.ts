import { defineModule } from '../define-module.ts';
import { searchRoutes } from './routes.ts';

export default defineModule({ name: 'search', routes: [searchRoutes] });
