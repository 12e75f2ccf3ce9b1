import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { DomainError, parsePlanCatalogue, type PlanCatalogue } from '@cb/domain';
import { EnvDto } from './env.dto';
import { jwtSecretProblem } from './secret-policy';

/** Typed, validated configuration. Nothing else in the code base reads process.env. */
export interface AppConfig {
  port: number;
  appUrl: string;
  databaseUrl: string;
  /** The connection the application uses: a role that row-level security applies to. */
  appDatabaseUrl: string;
  redisUrl: string;
  queuePrefix: string;
  smtpUrl: string | null;
  mailFrom: string;
  storageDir: string;
  /** Where original files live: `local` (storageDir) or `s3` (S3-compatible object storage, for clusters). */
  storage: { driver: 'local' } | S3StorageConfig;
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  /** A refresh token lives this long unused (sliding: each refresh issues a new one). */
  refreshTokenTtlDays: number;
  /** Absolute: a session (refresh-token family) ends this long after sign-in, however often it is refreshed. */
  refreshFamilyMaxDays: number;
  alertScanIntervalMs: number;
  /** Requests per minute one API key may make (then 429 with Retry-After). */
  apiKeyRateLimitPerMinute: number;
  /** Auth-like requests (sign-in, refresh, reset, /v1/me security writes) per client IP per minute. */
  authRateLimitPerMinute: number;
  /** The application connection pool: its size and how long a request waits for a connection. */
  dbPool: { size: number; connectTimeoutMs: number };
  /** API processes sharing the port (API_WORKERS; `auto` is one per CPU); 1 runs the API in this process. */
  apiWorkers: number;
  trialDays: number;
  maxUploadBytes: number;
  /** E-mail-in: the port of our SMTP server (0 = a free one) and the domain of the tenants' addresses. */
  inboundSmtpPort: number;
  inboundDomain: string;
  /** Bulk import: at most this many files in one ZIP, and this many bytes uncompressed in all. */
  maxImportFiles: number;
  maxImportBytes: number;
  webhookAllowPrivateUrls: boolean;
  /** Tests only (SSO_ALLOW_PRIVATE_ISSUERS): an SSO issuer may be on a loopback or private address, over http. */
  ssoAllowPrivateIssuers: boolean;
  /**
   * Express's `trust proxy` (TRUST_PROXY): false by default, so X-Forwarded-For is ignored and the client IP is
   * the socket's. Set it (true, a hop count, or addresses/subnets such as `loopback`) only behind a proxy.
   */
  trustProxy: boolean | number | string;
  /** Sign-ups one client IP may make per hour (then 429). */
  signupsPerIpPerHour: number;
  logLevel: string;
  workerConcurrency: number;
  /** Limits of the parser sandbox process (see libs/extraction/src/sandbox). */
  parserMemoryMb: number;
  parserTimeoutMs: number;
  /** How long a parse job's lock lasts without renewal: a killed worker's job is retried after it. */
  workerLockMs: number;
  /** How often workers look for jobs whose worker died (stalled jobs). */
  workerStalledIntervalMs: number;
  ocrEnabled: boolean;
  stripeSecretKey: string | null;
  stripeWebhookSecret: string | null;
  /** Another Stripe API base URL (stripe-mock, a proxy); unset: api.stripe.com. */
  stripeApiUrl: string | null;
  /** Stripe Tax computes and charges VAT on checkouts (needs Stripe Tax set up in the Stripe account). */
  stripeAutomaticTax: boolean;
  /** The plan catalogue (prices, VAT rule, limits) from PLANS_FILE, default config/plans.json. */
  plans: PlanCatalogue;
  plansFile: string;
  isProduction: boolean;
}

export interface S3StorageConfig {
  driver: 's3';
  bucket: string;
  region: string;
  /** For S3-compatible stores (MinIO, Ceph, R2...); AWS S3 itself needs none. */
  endpoint: string | null;
  forcePathStyle: boolean;
  /** Without them, the AWS SDK's default chain (environment, instance role...) is used. */
  credentials: { accessKeyId: string; secretAccessKey: string } | null;
}

export class ConfigError extends Error {}

/** Auth-like requests per client IP per minute unless AUTH_RATE_LIMIT_PER_MINUTE says otherwise. */
export const AUTH_PER_IP_DEFAULT = 60;

export const APP_DB_ROLE = 'contract_bank_app';

/** Validates an environment (process.env by default) and returns the typed config, or throws naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v !== '') raw[k] = v;
  const dto = plainToInstance(EnvDto, raw, { enableImplicitConversion: false });
  const errors = validateSync(dto, { whitelist: false, forbidUnknownValues: false });
  if (errors.length) {
    const lines = errors.map(
      (e) => `${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`,
    );
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const isProduction = dto.NODE_ENV === 'production';
  if (isProduction && !dto.JWT_SECRET) {
    throw new ConfigError(
      'Invalid configuration:\n  JWT_SECRET: must be set in production (32+ characters)',
    );
  }
  const secretProblem = isProduction && dto.JWT_SECRET ? jwtSecretProblem(dto.JWT_SECRET) : null;
  if (secretProblem) {
    throw new ConfigError(`Invalid configuration:\n  JWT_SECRET: ${secretProblem}`);
  }
  if (isProduction && dto.SSO_ALLOW_PRIVATE_ISSUERS === 'true') {
    throw new ConfigError(
      'Invalid configuration:\n  SSO_ALLOW_PRIVATE_ISSUERS: is for tests only and must not be set in production',
    );
  }
  if (dto.STORAGE_DRIVER === 's3' && !dto.S3_BUCKET) {
    throw new ConfigError(
      'Invalid configuration:\n  S3_BUCKET: must be set when STORAGE_DRIVER is s3',
    );
  }
  if (Boolean(dto.S3_ACCESS_KEY_ID) !== Boolean(dto.S3_SECRET_ACCESS_KEY)) {
    throw new ConfigError(
      'Invalid configuration:\n  S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY: set both or neither',
    );
  }
  const plansFile = path.resolve(dto.PLANS_FILE ?? DEFAULT_PLANS_FILE);
  const plans = loadPlanCatalogue(plansFile);
  const port = dto.PORT ?? 3000;
  const databaseUrl = dto.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/contract_bank';
  return {
    port,
    appUrl: (dto.APP_URL ?? `http://localhost:${port}`).replace(/\/$/, ''),
    databaseUrl,
    appDatabaseUrl: dto.APP_DATABASE_URL ?? withUser(databaseUrl, APP_DB_ROLE),
    redisUrl: dto.REDIS_URL ?? 'redis://127.0.0.1:6379',
    queuePrefix: dto.QUEUE_PREFIX ?? 'cb',
    smtpUrl: dto.SMTP_URL ?? null,
    mailFrom: dto.MAIL_FROM ?? 'Contract Bank <no-reply@contract-bank.local>',
    storageDir: path.resolve(dto.STORAGE_DIR ?? './data/files'),
    storage:
      dto.STORAGE_DRIVER === 's3'
        ? {
            driver: 's3',
            bucket: dto.S3_BUCKET!,
            region: dto.S3_REGION ?? 'us-east-1',
            endpoint: dto.S3_ENDPOINT ?? null,
            // Most S3-compatible stores want path-style addressing; AWS S3 wants virtual hosts.
            forcePathStyle: dto.S3_FORCE_PATH_STYLE
              ? dto.S3_FORCE_PATH_STYLE === 'true'
              : Boolean(dto.S3_ENDPOINT),
            credentials:
              dto.S3_ACCESS_KEY_ID && dto.S3_SECRET_ACCESS_KEY
                ? { accessKeyId: dto.S3_ACCESS_KEY_ID, secretAccessKey: dto.S3_SECRET_ACCESS_KEY }
                : null,
          }
        : { driver: 'local' },
    // Without a configured secret, a per-process random one: tokens simply expire on restart.
    jwtSecret: dto.JWT_SECRET ?? devJwtSecret(),
    accessTokenTtlSeconds: 900,
    refreshTokenTtlDays: 30,
    refreshFamilyMaxDays: 90,
    alertScanIntervalMs: dto.ALERT_SCAN_INTERVAL_MS ?? 3_600_000,
    apiKeyRateLimitPerMinute: dto.API_KEY_RATE_LIMIT_PER_MINUTE ?? 600,
    authRateLimitPerMinute: dto.AUTH_RATE_LIMIT_PER_MINUTE ?? AUTH_PER_IP_DEFAULT,
    dbPool: { size: dto.DB_POOL_SIZE ?? 10, connectTimeoutMs: dto.DB_POOL_TIMEOUT_MS ?? 2000 },
    apiWorkers:
      dto.API_WORKERS === 'auto' ? os.availableParallelism() : Number(dto.API_WORKERS ?? 1),
    trialDays: dto.TRIAL_DAYS ?? 14,
    maxUploadBytes: (dto.MAX_UPLOAD_MB ?? 25) * 1024 * 1024,
    inboundSmtpPort: dto.INBOUND_SMTP_PORT ?? 2525,
    inboundDomain: (
      dto.INBOUND_DOMAIN ?? new URL(dto.APP_URL ?? `http://localhost:${port}`).hostname
    ).toLowerCase(),
    maxImportFiles: dto.MAX_IMPORT_FILES ?? 2000,
    maxImportBytes: (dto.MAX_IMPORT_MB ?? 500) * 1024 * 1024,
    webhookAllowPrivateUrls: dto.WEBHOOK_ALLOW_PRIVATE_URLS === 'true',
    ssoAllowPrivateIssuers: dto.SSO_ALLOW_PRIVATE_ISSUERS === 'true',
    trustProxy: parseTrustProxy(dto.TRUST_PROXY),
    signupsPerIpPerHour: dto.SIGNUP_RATE_LIMIT_PER_HOUR ?? 20,
    logLevel: dto.LOG_LEVEL ?? 'info',
    workerConcurrency: dto.WORKER_CONCURRENCY ?? 2,
    parserMemoryMb: dto.PARSER_MEMORY_MB ?? 1024,
    parserTimeoutMs: (dto.PARSER_TIMEOUT_S ?? 120) * 1000,
    workerLockMs: dto.WORKER_LOCK_MS ?? 120_000,
    workerStalledIntervalMs: dto.WORKER_STALLED_INTERVAL_MS ?? 30_000,
    ocrEnabled: dto.OCR_ENABLED !== 'false',
    stripeSecretKey: dto.STRIPE_SECRET_KEY ?? null,
    stripeWebhookSecret: dto.STRIPE_WEBHOOK_SECRET ?? null,
    stripeApiUrl: dto.STRIPE_API_URL ?? null,
    stripeAutomaticTax: dto.STRIPE_AUTOMATIC_TAX === 'true',
    plans,
    plansFile,
    isProduction,
  };
}

/** Relative to the working directory (the repository or the image's /app), like STORAGE_DIR. */
export const DEFAULT_PLANS_FILE = 'config/plans.json';

/** Reads and validates the plan catalogue; a ConfigError names PLANS_FILE, the file and every bad field. */
export function loadPlanCatalogue(file: string): PlanCatalogue {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(
      `Invalid configuration:\n  PLANS_FILE: cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? String(err)})`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new ConfigError(
      `Invalid configuration:\n  PLANS_FILE: ${file} is not JSON (${(err as Error).message})`,
    );
  }
  try {
    return parsePlanCatalogue(raw);
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    const lines = (err.errors ?? []).map((e) => `PLANS_FILE ${file}: ${e.field} ${e.message}`);
    throw new ConfigError(
      `Invalid configuration:\n  ${lines.length ? lines.join('\n  ') : `PLANS_FILE ${file}: ${err.message}`}`,
    );
  }
}

/** `true`/`false`, a number of proxy hops, or a comma-separated list of addresses, subnets or names (`loopback`). */
export function parseTrustProxy(value: string | undefined): boolean | number | string {
  if (!value || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

let generatedSecret: string | null = null;
/** Development only: a random secret kept in ./data so API processes and restarts share it. */
function devJwtSecret(): string {
  if (generatedSecret) return generatedSecret;
  const file = path.resolve('data/.jwt-secret');
  try {
    generatedSecret = fs.readFileSync(file, 'utf8').trim();
  } catch {
    generatedSecret = randomBytes(32).toString('hex');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, generatedSecret, { mode: 0o600 });
  }
  return generatedSecret;
}

/** The same server and database as `url`, but as another role (trust or peer auth on the dev machine). */
export function withUser(url: string, user: string): string {
  const u = new URL(url);
  u.username = user;
  u.password = '';
  return u.toString();
}

/** For logs: the URL without its password. */
export function maskUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '***';
  }
}

/** For a process entry point: the validated config, or a message naming each bad variable and exit code 78. */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): AppConfig {
  try {
    return loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(78);
    }
    throw err;
  }
}
