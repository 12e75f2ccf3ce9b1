import { DomainError, DomainErrorCode, ValidationError } from '../common/domain.error';

export const ROLES = ['owner', 'admin', 'member', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = [
  'contracts:read',
  'contracts:write',
  'deadlines:read',
  'users:manage',
  'billing:manage',
  'apikeys:manage',
  'webhooks:manage',
  'settings:manage',
  'audit:read',
  'security:manage',
] as const;
export type Action = (typeof ACTIONS)[number];

const READ: readonly Action[] = ['contracts:read', 'deadlines:read'];
const ADMIN: readonly Action[] = [
  ...READ,
  'contracts:write',
  'users:manage',
  'apikeys:manage',
  'webhooks:manage',
  'settings:manage',
  'audit:read',
];

/** The permission matrix: owner everything; admin everything but billing; member reads and writes contracts; viewer reads. */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Action[]>> = Object.freeze({
  // Security policy for the whole tenant (requiring multi-factor authentication) is the owner's alone.
  owner: [...ADMIN, 'billing:manage', 'security:manage'],
  admin: ADMIN,
  member: [...READ, 'contracts:write'],
  viewer: READ,
});

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function can(role: Role, action: Action): boolean {
  return ROLE_PERMISSIONS[role]?.includes(action) ?? false;
}

/** Throws a DomainError `Forbidden` (403) when `role` may not perform `action`. */
export function assertCan(role: Role, action: Action): void {
  if (!can(role, action))
    throw new DomainError(DomainErrorCode.Forbidden, `role ${role} may not ${action}`);
}

/**
 * Whether `actor` may give `newRole` to a user who has `currentRole` (null for an invitation).
 * Needs users:manage; only an owner may grant or take away the owner role, so an admin cannot demote an owner.
 */
export function canAssignRole(actor: Role, currentRole: Role | null, newRole: Role): boolean {
  if (!can(actor, 'users:manage')) return false;
  if (newRole === 'owner' || currentRole === 'owner') return actor === 'owner';
  return true;
}

export interface TenantUserRole {
  id: string;
  role: Role;
}

export type UserRoleChange =
  { type: 'changeRole'; userId: string; role: Role } | { type: 'remove'; userId: string };

/**
 * Throws a DomainError `Conflict` when `change` would leave the tenant without an owner
 * (demoting or removing the last owner). Call with the tenant's current users before applying the change.
 */
export function assertOwnerRemains(users: readonly TenantUserRole[], change: UserRoleChange): void {
  const after = users
    .filter((u) => !(change.type === 'remove' && u.id === change.userId))
    .map((u) =>
      change.type === 'changeRole' && u.id === change.userId ? { ...u, role: change.role } : u,
    );
  if (!after.some((u) => u.role === 'owner')) {
    throw new DomainError(DomainErrorCode.Conflict, 'a tenant must keep at least one owner');
  }
}

// ---------- API keys ----------

export const API_KEY_SCOPES = [
  'contracts:read',
  'contracts:write',
  'deadlines:read',
  'webhooks:write',
] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];
/** A key created without scopes gets all of them (API.md). */
export const DEFAULT_API_KEY_SCOPES: readonly ApiKeyScope[] = API_KEY_SCOPES;

const SCOPE_FOR_ACTION: Readonly<Record<Action, ApiKeyScope | null>> = Object.freeze({
  'contracts:read': 'contracts:read',
  'contracts:write': 'contracts:write',
  'deadlines:read': 'deadlines:read',
  'webhooks:manage': 'webhooks:write',
  // Account administration is for people signed in, never for API keys.
  'users:manage': null,
  'billing:manage': null,
  'apikeys:manage': null,
  'settings:manage': null,
  'audit:read': null,
  'security:manage': null,
});

/** The scope an API key needs for `action`; `null` when no API key may perform it. */
export function requiredScope(action: Action): ApiKeyScope | null {
  return SCOPE_FOR_ACTION[action];
}

export function apiKeyCan(scopes: readonly ApiKeyScope[], action: Action): boolean {
  const scope = requiredScope(action);
  return scope !== null && scopes.includes(scope);
}

/** Validates requested scopes: absent means all, empty is refused; unknown scopes are a ValidationError. Returns them unique, in canonical order. */
export function normalizeApiKeyScopes(scopes: unknown): ApiKeyScope[] {
  if (scopes === undefined || scopes === null) return [...DEFAULT_API_KEY_SCOPES];
  if (!Array.isArray(scopes)) {
    throw new ValidationError('scopes must be a list', [
      { field: 'scopes', message: 'must be a list' },
    ]);
  }
  const unknown = scopes
    .map((s: unknown, i) => ({ s, i }))
    .filter(({ s }) => typeof s !== 'string' || !(API_KEY_SCOPES as readonly string[]).includes(s));
  if (unknown.length > 0) {
    throw new ValidationError(
      'unknown scopes',
      unknown.map(({ i }) => ({
        field: `scopes[${i}]`,
        message: `must be one of ${API_KEY_SCOPES.join(', ')}`,
      })),
    );
  }
  // An explicit empty list would make a key that can do nothing: refuse it rather than silently grant all.
  if (scopes.length === 0) {
    throw new ValidationError('scopes must not be empty', [
      { field: 'scopes', message: 'at least one scope, or omit for all' },
    ]);
  }
  return API_KEY_SCOPES.filter((s) => (scopes as unknown[]).includes(s));
}
