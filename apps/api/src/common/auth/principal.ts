export type Role = 'owner' | 'admin' | 'member' | 'viewer';

/** Who is calling: a signed-in user or (later) an API key, always within one tenant. */
export interface Principal {
  kind: 'user' | 'apiKey';
  tenantId: string;
  /** The user, or for an API key the user who created it. */
  userId: string;
  role: Role;
  /** null for users (all scopes); the key's scopes for API keys. */
  scopes: string[] | null;
  apiKeyId?: string;
}
