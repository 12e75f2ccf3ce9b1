import fc from 'fast-check';
import { DomainError, DomainErrorCode, ValidationError } from '../common/domain.error';
import {
  ACTIONS,
  API_KEY_SCOPES,
  apiKeyCan,
  assertCan,
  assertOwnerRemains,
  can,
  canAssignRole,
  normalizeApiKeyScopes,
  requiredScope,
  ROLES,
  type Role,
  type TenantUserRole,
} from './roles';

describe('roles', () => {
  it('the owner can do everything', () => {
    for (const action of ACTIONS) expect(can('owner', action)).toBe(true);
  });

  it('only the owner manages billing', () => {
    expect(ROLES.filter((r) => can(r, 'billing:manage'))).toEqual(['owner']);
  });

  it('an admin manages users, keys, webhooks and settings and reads the audit log', () => {
    for (const action of [
      'users:manage',
      'apikeys:manage',
      'webhooks:manage',
      'settings:manage',
      'audit:read',
    ] as const) {
      expect(can('admin', action)).toBe(true);
    }
  });

  it('a member reads and writes contracts but administers nothing', () => {
    expect(ACTIONS.filter((a) => can('member', a))).toEqual([
      'contracts:read',
      'contracts:write',
      'deadlines:read',
    ]);
  });

  it('a viewer only reads', () => {
    expect(ACTIONS.filter((a) => can('viewer', a))).toEqual(['contracts:read', 'deadlines:read']);
    expect(() => assertCan('viewer', 'contracts:write')).toThrow(DomainError);
  });

  it('roles are ordered: each role can do everything the role below it can', () => {
    for (let i = 1; i < ROLES.length; i++) {
      for (const action of ACTIONS) {
        if (can(ROLES[i], action)) expect(can(ROLES[i - 1], action)).toBe(true);
      }
    }
  });

  it('an unknown role can do nothing', () => {
    expect(can('root' as Role, 'contracts:read')).toBe(false);
  });

  it('only an owner can make or unmake an owner', () => {
    expect(canAssignRole('owner', 'admin', 'owner')).toBe(true);
    expect(canAssignRole('admin', 'member', 'owner')).toBe(false);
    expect(canAssignRole('admin', 'owner', 'viewer')).toBe(false);
    expect(canAssignRole('admin', 'viewer', 'admin')).toBe(true);
    expect(canAssignRole('admin', null, 'member')).toBe(true);
    expect(canAssignRole('member', null, 'viewer')).toBe(false);
  });
});

describe('assertOwnerRemains', () => {
  const users: TenantUserRole[] = [
    { id: 'a', role: 'owner' },
    { id: 'b', role: 'admin' },
  ];

  it('refuses to demote or remove the last owner', () => {
    for (const change of [
      { type: 'changeRole', userId: 'a', role: 'admin' },
      { type: 'remove', userId: 'a' },
    ] as const) {
      try {
        assertOwnerRemains(users, change);
        throw new Error('expected a conflict');
      } catch (error) {
        expect((error as DomainError).code).toBe(DomainErrorCode.Conflict);
      }
    }
  });

  it('allows it once there is a second owner, and allows any change to others', () => {
    const twoOwners: TenantUserRole[] = [...users, { id: 'c', role: 'owner' }];
    expect(() => assertOwnerRemains(twoOwners, { type: 'remove', userId: 'a' })).not.toThrow();
    expect(() =>
      assertOwnerRemains(users, { type: 'changeRole', userId: 'b', role: 'owner' }),
    ).not.toThrow();
    expect(() => assertOwnerRemains(users, { type: 'remove', userId: 'b' })).not.toThrow();
    expect(() =>
      assertOwnerRemains(users, { type: 'changeRole', userId: 'a', role: 'owner' }),
    ).not.toThrow();
  });

  it('whatever the changes, a tenant that applies only allowed ones always keeps an owner', () => {
    const role = fc.constantFrom(...ROLES);
    const change = fc.oneof(
      fc.record({
        type: fc.constant('changeRole' as const),
        userId: fc.constantFrom('a', 'b', 'c', 'd'),
        role,
      }),
      fc.record({
        type: fc.constant('remove' as const),
        userId: fc.constantFrom('a', 'b', 'c', 'd'),
      }),
    );
    fc.assert(
      fc.property(fc.array(change, { maxLength: 30 }), (changes) => {
        let current: TenantUserRole[] = [
          { id: 'a', role: 'owner' },
          { id: 'b', role: 'admin' },
          { id: 'c', role: 'member' },
          { id: 'd', role: 'viewer' },
        ];
        for (const c of changes) {
          try {
            assertOwnerRemains(current, c);
          } catch {
            continue;
          }
          current =
            c.type === 'remove'
              ? current.filter((u) => u.id !== c.userId)
              : current.map((u) => (u.id === c.userId ? { ...u, role: c.role } : u));
          expect(current.some((u) => u.role === 'owner')).toBe(true);
        }
      }),
    );
  });
});

describe('API key scopes', () => {
  it('maps each action to the scope a key needs, and keeps administration away from keys', () => {
    expect(requiredScope('contracts:read')).toBe('contracts:read');
    expect(requiredScope('contracts:write')).toBe('contracts:write');
    expect(requiredScope('deadlines:read')).toBe('deadlines:read');
    expect(requiredScope('webhooks:manage')).toBe('webhooks:write');
    for (const action of [
      'users:manage',
      'billing:manage',
      'apikeys:manage',
      'settings:manage',
      'audit:read',
    ] as const) {
      expect(requiredScope(action)).toBeNull();
      expect(apiKeyCan(API_KEY_SCOPES, action)).toBe(false);
    }
  });

  it('a read-only key cannot write', () => {
    expect(apiKeyCan(['contracts:read'], 'contracts:read')).toBe(true);
    expect(apiKeyCan(['contracts:read'], 'contracts:write')).toBe(false);
  });

  it('a key created without scopes gets all of them; scopes come back unique and in order', () => {
    expect(normalizeApiKeyScopes(undefined)).toEqual([
      'contracts:read',
      'contracts:write',
      'deadlines:read',
      'webhooks:write',
    ]);
    expect(normalizeApiKeyScopes(['webhooks:write', 'contracts:read', 'contracts:read'])).toEqual([
      'contracts:read',
      'webhooks:write',
    ]);
  });

  it.each([[[]], [['contracts:delete']], ['contracts:read'], [[42]]])('refuses %p', (scopes) => {
    expect(() => normalizeApiKeyScopes(scopes)).toThrow(ValidationError);
  });
});
