import { DomainError } from '../../libs/domain/src';
import { PasswordPolicy } from '../../apps/api/src/auth/password-policy';

describe('hardening item 6: the password policy (zxcvbn score >= 3, never the account’s own data)', () => {
  const policy = new PasswordPolicy();
  const context = {
    email: 'aino.virtanen@example.com',
    name: 'Aino Virtanen',
    company: 'Fjordline Logistics Ab',
  };

  it.each(['aaaaaaaaaa', 'password12', 'qwertyuiop', '1234567890', 'iloveyou12'])(
    'refuses the common or repetitive password %s',
    (password) => {
      expect(policy.weakness(password, context)).toMatch(/too easy to guess/);
      expect(() => policy.assertAcceptable(password, context)).toThrow(DomainError);
    },
  );

  it.each([
    'aino.virtanen@example.com!',
    'my aino.virtanen is long',
    'Fjordline Logistics Ab 2026',
    'xx aino virtanen xx 77',
  ])('refuses %s, built from the e-mail, name or company', (password) => {
    expect(policy.weakness(password, context)).toMatch(/e-mail address, your name or the company/);
  });

  it.each(['correct horse battery staple', 'Kissa kävelee katolla', 'a sound password 2026'])(
    'accepts the strong password %s',
    (password) => {
      expect(policy.weakness(password, context)).toBeNull();
    },
  );

  it('answers a weak_password problem naming the field', () => {
    try {
      policy.assertAcceptable('password12', context);
      throw new Error('accepted');
    } catch (err) {
      expect(err).toMatchObject({
        code: 'weak_password',
        errors: [{ field: 'password', message: expect.stringMatching(/commonly used/) }],
      });
    }
  });
});
