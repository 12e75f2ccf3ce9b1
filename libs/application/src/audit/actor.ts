/**
 * Who asks for a change, as the audit trail records it: a signed-in user, an API key, the operator (CLI) or
 * the system itself (a worker job). The API turns its principal into one; use cases receive it explicitly.
 */
export interface Actor {
  type: 'user' | 'apiKey' | 'operator' | 'system';
  /** The user id or API key id; null for the system. */
  id: string | null;
}

export const SYSTEM_ACTOR: Actor = Object.freeze({ type: 'system', id: null });
