import { createHash, randomInt } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, deriveKey, openSecret, sealSecret, type AppConfig } from '@cb/config';
import { UsersRepository, type UserEntity } from '@cb/persistence';
import { authenticator } from 'otplib';

/** RFC 6238 defaults that every authenticator app reads: SHA-1, 6 digits, 30-second steps. */
const PERIOD_SECONDS = 30;
/** One step either side, for clocks a little off (RFC 6238 section 5.2 recommends at most one). */
const WINDOW_STEPS = 1;
export const RECOVERY_CODE_COUNT = 10;
export const TOTP_ISSUER = 'Contract Bank';

// Crockford-like base32 without I, L, O, U: 10 characters carry 50 bits.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ0123456789';

/** A 6-digit TOTP code (a space in the middle allowed); anything else offered as an `otp` is a recovery code. */
export const TOTP_CODE_PATTERN = /^\s*\d{3}\s?\d{3}\s*$/;
/** What an `otp` or `code` field may hold: a TOTP code or a recovery code (`ABCDE-12345`, any case). */
export const OTP_PATTERN = /^\s*(\d{3}\s?\d{3}|[A-Za-z0-9]{5}[\s-]?[A-Za-z0-9]{5})\s*$/;

export const normalizeRecoveryCode = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, '');
export const hashRecoveryCode = (code: string) =>
  createHash('sha256').update(normalizeRecoveryCode(code)).digest('hex');

/**
 * TOTP (RFC 6238, otplib) and one-time recovery codes, each code accepted at most once. TOTP secrets are stored
 * sealed (AES-256-GCM, key derived from JWT_SECRET for `totp-secret`, the user's id as associated data).
 */
@Injectable()
export class SecondFactor {
  private readonly key: Buffer;

  constructor(
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.key = deriveKey(config.jwtSecret, 'totp-secret');
  }

  /** The stored form of a user's TOTP secret. */
  seal(userId: string, secret: string): string {
    return sealSecret(this.key, secret, userId);
  }

  /** The TOTP secret from its stored form. */
  open(userId: string, stored: string): string {
    return openSecret(this.key, stored, userId);
  }

  newSecret(): string {
    // 20 random bytes (160 bits, RFC 4226's recommendation), base32.
    return authenticator.generateSecret(20);
  }

  uri(email: string, secret: string): string {
    return authenticator.keyuri(email, TOTP_ISSUER, secret);
  }

  /** The time step the code belongs to, or null when it is not a current code of `secret`. */
  stepOf(secret: string, code: string): number | null {
    const token = code.replace(/\s/g, '');
    if (!/^\d{6}$/.test(token)) return null;
    const now = Date.now();
    const totp = authenticator.clone({ step: PERIOD_SECONDS, window: WINDOW_STEPS, epoch: now });
    // delta: how many steps from the current one the code was (-1, 0 or 1).
    const delta = totp.checkDelta(token, secret);
    return delta === null ? null : Math.floor(now / 1000 / PERIOD_SECONDS) + delta;
  }

  /** Ten fresh recovery codes (shown once) and their hashes (stored). */
  newRecoveryCodes(): { codes: string[]; hashes: string[] } {
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => {
      const chars = Array.from({ length: 10 }, () => CODE_ALPHABET[randomInt(32)]).join('');
      return `${chars.slice(0, 5)}-${chars.slice(5)}`;
    });
    return { codes, hashes: codes.map(hashRecoveryCode) };
  }

  /**
   * Checks `otp`: a 6-digit TOTP code (against the enabled secret, never a replayed step) or, otherwise, a
   * recovery code, which it uses up. True when the second factor is proven.
   */
  async verify(user: UserEntity, otp: string): Promise<boolean> {
    if (!user.mfaSecret) return false;
    if (TOTP_CODE_PATTERN.test(otp)) {
      const step = this.stepOf(this.open(user.id, user.mfaSecret), otp);
      return step !== null && this.users.consumeTotpStep(user.tenantId, user.id, step);
    }
    const normalized = normalizeRecoveryCode(otp);
    if (normalized.length !== 10) return false;
    return this.users.consumeRecoveryCode(user.tenantId, user.id, hashRecoveryCode(otp));
  }
}
