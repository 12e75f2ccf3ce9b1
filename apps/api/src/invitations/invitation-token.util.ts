import { createHash, randomBytes } from 'node:crypto';

/** Invitations are valid this long. */
export const INVITATION_TTL_DAYS = 7;

/** A single-use invitation token (256 random bits); only its SHA-256 is stored. */
export function generateInvitationToken(): { token: string; tokenHash: string } {
  const token = `cbi_${randomBytes(32).toString('base64url')}`;
  return { token, tokenHash: hashInvitationToken(token) };
}

export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
