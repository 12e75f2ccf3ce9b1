import { timingSafeEqual } from 'node:crypto';
import {
  decideSsoSignIn,
  DomainError,
  DomainErrorCode,
  SsoError,
  type OidcGateway,
  type Role,
  type SsoIdentity,
  type SsoSignInStore,
} from '@cb/domain';
import type {
  InvitationsRepository,
  SsoConnectionsRepository,
  TenantDb,
  UserEntity,
  UsersRepository,
} from '@cb/persistence';
import type { AuditTrail } from '../audit/audit-trail.service';
import type { PlanLimits } from '../subscription/plan-limits.service';
import { clientSettingsOf, type SsoOptions } from './sso-settings.service';

/**
 * The password hash of a user who joined through SSO: not an argon2 hash, so no password ever matches it (the
 * person can set one with the forgotten-password link if the tenant does not require SSO).
 */
export const SSO_ONLY_PASSWORD_HASH = '!sso-only';

export interface CompleteSsoSignInInput {
  /** The callback's query parameters (code, state, iss, or error and error_description). */
  params: Record<string, string>;
  /** SHA-256 of the cookie value of the browser that came back; null when it sent none. */
  browserHash: string | null;
}

export interface SsoSignedIn {
  user: UserEntity;
  /** The person joined the tenant just now, by their invitation. */
  joined: boolean;
}

const sameHash = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * The callback of the code flow: takes the pending sign-in by its state (once), checks it is the same browser,
 * exchanges the code with the PKCE verifier and validates the ID token (openid-client: signature, issuer,
 * audience, nonce, expiry), then finds the member by verified e-mail in that tenant, or lets a person with a
 * pending invitation join. The API then starts an ordinary session for the user.
 */
export class CompleteSsoSignIn {
  constructor(
    private readonly db: TenantDb,
    private readonly connections: SsoConnectionsRepository,
    private readonly users: UsersRepository,
    private readonly invitations: InvitationsRepository,
    private readonly limits: PlanLimits,
    private readonly audit: AuditTrail,
    private readonly gateway: OidcGateway,
    private readonly store: SsoSignInStore,
    private readonly options: SsoOptions,
  ) {}

  async execute(input: CompleteSsoSignInInput): Promise<SsoSignedIn> {
    const restart = (message: string) => new SsoError(DomainErrorCode.SsoStateInvalid, message);
    const state = input.params.state;
    const pending = state ? await this.store.take(state) : null;
    if (!pending) {
      throw restart(
        'This sign-in has expired or was already used; start again from the sign-in page',
      );
    }
    if (!input.browserHash || !sameHash(pending.browserHash, input.browserHash)) {
      throw restart(
        'This sign-in was started in another browser; start again from the sign-in page',
      );
    }
    if (input.params.error) {
      throw new SsoError(
        DomainErrorCode.SsoRejected,
        `Your identity provider did not sign you in: ${input.params.error_description ?? input.params.error}`,
      );
    }
    const connection = await this.connections.findOne(pending.tenantId, {});
    const settings = connection ? clientSettingsOf(connection, this.options) : null;
    if (!connection || !settings) {
      throw new SsoError(
        DomainErrorCode.SsoNotConfigured,
        'Single sign-on is no longer set up for this organisation; sign in with your e-mail and password',
      );
    }
    let identity: SsoIdentity;
    try {
      identity = await this.gateway.completeSignIn(settings, input.params, {
        state: state!,
        nonce: pending.nonce,
        codeVerifier: pending.codeVerifier,
      });
    } catch (err) {
      throw new SsoError(
        DomainErrorCode.SsoRejected,
        `The answer of your identity provider could not be accepted (${(err as Error).message}); start again from the sign-in page`,
      );
    }
    const tenantId = pending.tenantId;
    const email = identity.email?.toLowerCase() ?? '';
    const user = email ? await this.users.findOne(tenantId, { email }) : null;
    const invitation = email && !user ? await this.pendingInvitation(tenantId, email) : null;
    const decision = decideSsoSignIn(connection, identity, {
      userId: user?.id ?? null,
      pendingInvitationId: invitation?.id ?? null,
    });
    if (decision.kind === 'member') {
      await this.connections.markSignedIn(tenantId);
      // The identity provider verified the address (decideSsoSignIn refuses email_verified false).
      if (!user!.emailVerifiedAt) {
        const emailVerifiedAt = new Date();
        await this.users.update(tenantId, { id: user!.id }, { emailVerifiedAt });
        return { user: { ...user!, emailVerifiedAt }, joined: false };
      }
      return { user: user!, joined: false };
    }
    return {
      user: await this.join(tenantId, decision.invitationId, identity, email),
      joined: true,
    };
  }

  private async pendingInvitation(tenantId: string, email: string) {
    const rows = await this.invitations.find(
      tenantId,
      { email },
      { order: { createdAt: 'DESC' }, take: 5 },
    );
    return (
      rows.find((r) => !r.acceptedAt && !r.revokedAt && r.expiresAt.getTime() > Date.now()) ?? null
    );
  }

  private async join(
    tenantId: string,
    invitationId: string,
    identity: SsoIdentity,
    email: string,
  ): Promise<UserEntity> {
    try {
      return await this.db.run(tenantId, async () => {
        const invitation = await this.invitations.acceptPending(tenantId, invitationId);
        if (!invitation) {
          throw new SsoError(
            DomainErrorCode.SsoNotInvited,
            'Your invitation was withdrawn, expired or already used; ask an administrator to invite you again',
          );
        }
        // The invitation held a seat until just now (accepted above); this re-checks in case the plan shrank.
        await this.limits.assertWithinLimit(tenantId, 'users', 1);
        const user = await this.users.insert(tenantId, {
          email,
          name: identity.name?.trim() || email.split('@')[0],
          passwordHash: SSO_ONLY_PASSWORD_HASH,
          role: invitation.role as Role,
          // The identity provider verified the address (decideSsoSignIn refuses email_verified false).
          emailVerifiedAt: new Date(),
        });
        await this.connections.markSignedIn(tenantId);
        await this.audit.record(tenantId, 'user.joined', {
          actor: { type: 'user', id: user.id },
          targetType: 'user',
          targetId: user.id,
          data: { email, role: user.role, invitationId: invitation.id, via: 'sso' },
        });
        return user;
      });
    } catch (err) {
      if ((err as { code?: string }).code === '23505') {
        throw new DomainError(
          DomainErrorCode.Conflict,
          'This e-mail already has an account in another organisation',
        );
      }
      throw err;
    }
  }
}
