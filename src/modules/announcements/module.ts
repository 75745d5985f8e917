import { defineModule } from '../define-module.ts';
import { announcementRoutes } from './routes.ts';

export default defineModule({ name: 'announcements', routes: [announcementRoutes] });
