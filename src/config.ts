/**
 * Configuration from the environment (12-factor), validated once at start-up.
 * Every bad value is reported with the variable's name and what was expected.
 */
import { z } from 'zod';

const bool = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const EnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// connection URL')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  PUBLIC_URL: z.url({ message: 'must be an absolute URL such as https://steward.example.com' }).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  STEWARD_DEMO: bool.default(true),
  STEWARD_ADMIN_EMAIL: z.email({ message: 'must be an email address' }).default('admin@steward.local'),
  STEWARD_ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  STEWARD_JOBS: bool.default(true),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(12),
  ATTACHMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(1024 * 1024 * 1024)
    .default(20 * 1024 * 1024),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(10),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  WEB_DIST: z.string().min(1).optional(),
});

export type Config = {
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
  host: string;
  publicUrl: string | undefined;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  demo: boolean;
  adminEmail: string;
  adminPassword: string | undefined;
  jobs: boolean;
  sessionTtlHours: number;
  attachmentMaxBytes: number;
  loginMaxFailures: number;
  shutdownGraceMs: number;
  /** Folder of the built web app; web/dist when unset. */
  webDist: string | undefined;
};

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.problems = problems;
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => {
        const name = String(i.path[0] ?? 'environment');
        const value = env[name];
        return `${name}${value === undefined ? '' : `=${JSON.stringify(value)}`}: ${i.message}`;
      }),
    );
  }
  const e = parsed.data;
  return {
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    port: e.PORT,
    host: e.HOST,
    publicUrl: e.PUBLIC_URL,
    logLevel: e.LOG_LEVEL,
    demo: e.STEWARD_DEMO,
    adminEmail: e.STEWARD_ADMIN_EMAIL,
    adminPassword: e.STEWARD_ADMIN_PASSWORD,
    jobs: e.STEWARD_JOBS,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    attachmentMaxBytes: e.ATTACHMENT_MAX_BYTES,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    webDist: e.WEB_DIST,
  };
}
