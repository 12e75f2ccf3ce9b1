import { Transform } from 'class-transformer';
import {
  IsBooleanString,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
} from 'class-validator';

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;

/** The process environment as the app accepts it; validated once at boot. */
export class EnvDto {
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT?: number;

  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true })
  APP_URL?: string;

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'APP_DATABASE_URL must be a postgres:// URL' })
  APP_DATABASE_URL?: string;

  @IsOptional()
  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL?: string;

  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,40}$/, {
    message: 'QUEUE_PREFIX must be 1-40 letters, digits, _ or -',
  })
  QUEUE_PREFIX?: string;

  @IsOptional()
  @Matches(/^smtps?:\/\/.+/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsOptional()
  @IsString()
  MAIL_FROM?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  STORAGE_DIR?: string;

  @IsOptional()
  @IsIn(['local', 's3'], { message: 'STORAGE_DRIVER must be local or s3' })
  STORAGE_DRIVER?: string;

  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, {
    message: 'S3_BUCKET must be a valid bucket name (3-63 lowercase letters, digits, . or -)',
  })
  S3_BUCKET?: string;

  @IsOptional()
  @IsUrl(
    { require_tld: false, require_protocol: true, protocols: ['http', 'https'] },
    { message: 'S3_ENDPOINT must be an http(s):// URL' },
  )
  S3_ENDPOINT?: string;

  @IsOptional()
  @Matches(/^[a-z0-9-]{1,40}$/, { message: 'S3_REGION must look like eu-north-1' })
  S3_REGION?: string;

  @IsOptional()
  @IsString()
  S3_ACCESS_KEY_ID?: string;

  @IsOptional()
  @IsString()
  S3_SECRET_ACCESS_KEY?: string;

  @IsOptional()
  @IsBooleanString({ message: 'S3_FORCE_PATH_STYLE must be true or false' })
  S3_FORCE_PATH_STYLE?: string;

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  ALERT_SCAN_INTERVAL_MS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  API_KEY_RATE_LIMIT_PER_MINUTE?: number;

  /** Sign-in, refresh, reset and account-security writes per client IP per minute (default 60). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  AUTH_RATE_LIMIT_PER_MINUTE?: number;

  /** Connections of the API's application pool (each request holds at most one). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(500)
  DB_POOL_SIZE?: number;

  /** API processes sharing the port (node's cluster module): a number, or `auto` for one per CPU. */
  @IsOptional()
  @Matches(/^(auto|[1-9][0-9]?)$/, { message: 'API_WORKERS must be auto or a number from 1 to 99' })
  API_WORKERS?: string;

  /** How long a request waits for a free connection before it is answered 503 with Retry-After. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(60_000)
  DB_POOL_TIMEOUT_MS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(365)
  TRIAL_DAYS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1024)
  MAX_UPLOAD_MB?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  INBOUND_SMTP_PORT?: number;

  @IsOptional()
  @Matches(
    /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i,
    {
      message: 'must be a domain name such as in.example.com',
    },
  )
  INBOUND_DOMAIN?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100_000)
  MAX_IMPORT_FILES?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100_000)
  MAX_IMPORT_MB?: number;

  @IsOptional()
  @IsBooleanString()
  WEBHOOK_ALLOW_PRIVATE_URLS?: string;

  /** Tests only: lets an SSO issuer (and its endpoints) be a loopback or private address. Refused in production. */
  @IsOptional()
  @IsBooleanString()
  SSO_ALLOW_PRIVATE_ISSUERS?: string;

  @IsOptional()
  @Matches(/^(true|false|\d{1,2}|[A-Za-z0-9.:/_-]+(\s*,\s*[A-Za-z0-9.:/_-]+)*)$/, {
    message:
      'TRUST_PROXY must be true, false, a hop count, or comma-separated addresses, subnets or loopback/linklocal/uniquelocal',
  })
  TRUST_PROXY?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100_000)
  SIGNUP_RATE_LIMIT_PER_HOUR?: number;

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL?: string;

  @IsOptional()
  @IsIn(['development', 'production', 'test'])
  NODE_ENV?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(16)
  WORKER_CONCURRENCY?: number;

  /** Resident memory one document parser (pdf.js, mammoth, tesseract) may use before it is killed, in MiB. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(128)
  @Max(16_384)
  PARSER_MEMORY_MB?: number;

  /** Longest one parser operation may take before it is killed, in seconds. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(5)
  @Max(3600)
  PARSER_TIMEOUT_S?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(3_600_000)
  WORKER_LOCK_MS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(500)
  @Max(3_600_000)
  WORKER_STALLED_INTERVAL_MS?: number;

  @IsOptional()
  @IsBooleanString()
  OCR_ENABLED?: string;

  @IsOptional()
  @IsString()
  STRIPE_SECRET_KEY?: string;

  @IsOptional()
  @IsString()
  STRIPE_WEBHOOK_SECRET?: string;

  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  STRIPE_API_URL?: string;

  @IsOptional()
  @IsBooleanString()
  STRIPE_AUTOMATIC_TAX?: string;

  /** The plan catalogue (JSON); default config/plans.json. */
  @IsOptional()
  @IsString()
  PLANS_FILE?: string;

  @IsOptional()
  @IsEmail()
  DEMO_EMAIL?: string;
}
