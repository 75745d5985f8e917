/**
 * What a module declares to the application: its HTTP routes, its background jobs and its
 * reactions to other modules (record hooks, impact enrichers, change topics it follows). The
 * registry (registry.ts) holds every module's declaration; the HTTP app, the job registration and
 * start-up read that one list, so adding a module is a folder and one line there.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.ts';
import type { JobQueue } from '../jobs/queue.ts';
import type { RecordType } from './records/index.ts';

export type ModuleDefinition = {
  /** The module's folder under src/modules. */
  name: string;
  /** HTTP routes, registered under /api/v1 in this order. */
  routes?: readonly ((ctx: AppContext) => FastifyPluginAsyncZod)[];
  /**
   * The record types the module declares (defineRecordType); the records core serves their
   * generic routes (list, create, get, patch, transitions, options).
   */
  recordTypes?: readonly RecordType[];
  /**
   * Queues the module enqueues to inside a transaction (JobQueue.sendWithin): declared at start-up
   * on every instance, also on one that works no jobs, because declaring needs a second connection.
   */
  sentQueues?: readonly string[];
  /** Workers and schedules; called only on an instance that runs jobs. Handlers are idempotent. */
  jobs?: (ctx: AppContext, jobs: JobQueue) => Promise<void>;
  /** Subscribes the module's reactions, once per process; registering again replaces, never doubles. */
  hooks?: () => void;
};

export function defineModule(definition: ModuleDefinition): ModuleDefinition {
  return definition;
}
