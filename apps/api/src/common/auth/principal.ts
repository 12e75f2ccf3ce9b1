import type { Actor } from '@cb/application';

export type Role = 'owner' | 'admin' | 'member' | 'viewer';

/** Who is calling: a signed-in user or an API key, always within one tenant. */
export interface Principal {
  kind: 'user' | 'apiKey';
  tenantId: string;
  /** The user, or for an API key the user who created it. */
  userId: string;
  role: Role;
  /** null for users (all scopes); the key's scopes for API keys. */
  scopes: string[] | null;
  apiKeyId?: string;
  /** For a user: the session (refresh-token family) the access token belongs to. */
  sessionId?: string;
  /** The tenant requires multi-factor authentication and this user has not turned it on. */
  mfaEnrollmentRequired?: boolean;
}

/** The principal as the audit trail names it: the user, or the API key (not its creator). */
export function actorOf(p: Principal): Actor {
  return p.kind === 'apiKey'
    ? { type: 'apiKey', id: p.apiKeyId ?? null }
    : { type: 'user', id: p.userId };
}
