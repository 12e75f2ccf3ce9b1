import { DomainErrorCode } from '../common/domain.error';
import {
  decideSsoSignIn,
  emailDomain,
  normalizeIssuerUrl,
  normalizeSsoDomains,
  passwordSignInBlockedBySso,
} from './sso';

const identity = (email: string | null, emailVerified = true) => ({
  subject: 'sub-1',
  email,
  emailVerified,
  name: null,
});
const connection = { domains: ['acme.fi'] };

describe('SSO domains and issuer', () => {
  it('lower-cases, drops a leading @ and de-duplicates domains', () => {
    expect(normalizeSsoDomains([' @ACME.fi', 'acme.fi', 'sub.acme.fi'])).toEqual([
      'acme.fi',
      'sub.acme.fi',
    ]);
  });

  it.each([[[]], [['acme']], [['acme .fi']], [['-acme.fi']], [['acme.fi/x']]])(
    'refuses %j naming domains',
    (domains) => {
      expect(() => normalizeSsoDomains(domains)).toThrow(
        expect.objectContaining({ errors: [expect.objectContaining({ field: 'domains' })] }),
      );
    },
  );

  it('takes the domain of an e-mail', () => {
    expect(emailDomain('Aino@Acme.FI')).toBe('acme.fi');
    expect(emailDomain('no-at-sign')).toBeNull();
  });

  it('wants an https issuer without query, fragment or credentials (http only when allowed)', () => {
    expect(normalizeIssuerUrl('https://accounts.google.com/', false)).toBe(
      'https://accounts.google.com',
    );
    expect(() => normalizeIssuerUrl('http://idp.example.com', false)).toThrow();
    expect(normalizeIssuerUrl('http://127.0.0.1:4000', true)).toBe('http://127.0.0.1:4000');
    expect(() => normalizeIssuerUrl('https://u:p@idp.example.com', false)).toThrow();
    expect(() => normalizeIssuerUrl('https://idp.example.com/?x=1', false)).toThrow();
  });
});

describe('who may sign in with an identity from the tenant provider', () => {
  it('a member with a verified e-mail in the domains signs in', () => {
    expect(
      decideSsoSignIn(connection, identity('aino@acme.fi'), {
        userId: 'u1',
        pendingInvitationId: null,
      }),
    ).toEqual({ kind: 'member', userId: 'u1' });
  });

  it('a person with a pending invitation joins', () => {
    expect(
      decideSsoSignIn(connection, identity('new@acme.fi'), {
        userId: null,
        pendingInvitationId: 'i1',
      }),
    ).toEqual({ kind: 'join', invitationId: 'i1' });
  });

  it.each([
    ['no e-mail', identity(null), DomainErrorCode.SsoEmailUnverified],
    ['an unverified e-mail', identity('aino@acme.fi', false), DomainErrorCode.SsoEmailUnverified],
    ['an e-mail outside the domains', identity('aino@gmail.com'), DomainErrorCode.SsoNotInvited],
    ['no account and no invitation', identity('new@acme.fi'), DomainErrorCode.SsoNotInvited],
  ])('refuses %s', (_what, who, code) => {
    const found = who.email === 'aino@acme.fi' ? 'u1' : null;
    expect(() =>
      decideSsoSignIn(connection, who, { userId: found, pendingInvitationId: null }),
    ).toThrow(expect.objectContaining({ code }));
  });
});

describe('password sign-in under an SSO requirement', () => {
  it('is blocked for the requiring tenant’s accounts and for unknown addresses of the domain', () => {
    expect(passwordSignInBlockedBySso('t1', 't1')).toBe(true);
    expect(passwordSignInBlockedBySso('t1', null)).toBe(true);
  });

  it('is not blocked for an account of another tenant, nor without a requirement', () => {
    expect(passwordSignInBlockedBySso('t1', 't2')).toBe(false);
    expect(passwordSignInBlockedBySso(null, 't1')).toBe(false);
  });
});
