import { defineModule } from '../define-module.ts';
import { problemType } from './record-type.ts';
import { problemRoutes } from './routes.ts';

export default defineModule({ name: 'problems', recordTypes: [problemType], routes: [problemRoutes] });
