import { generateWebhookSecret, signWebhook, verifyWebhook } from './webhook-signature';

describe('Standard Webhooks signing', () => {
  it('matches the reference vector of the Standard Webhooks libraries', () => {
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    expect(
      signWebhook(secret, 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, '{"test": 2432232314}'),
    ).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('verifies its own signatures and rejects a changed body, id, timestamp or secret', () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const sig = signWebhook(secret, 'msg_1', 1700000000, '{"a":1}');
    expect(verifyWebhook(secret, 'msg_1', 1700000000, '{"a":1}', `v1,bogus ${sig}`)).toBe(true);
    expect(verifyWebhook(secret, 'msg_1', 1700000000, '{"a":2}', sig)).toBe(false);
    expect(verifyWebhook(secret, 'msg_2', 1700000000, '{"a":1}', sig)).toBe(false);
    expect(verifyWebhook(secret, 'msg_1', 1700000001, '{"a":1}', sig)).toBe(false);
    expect(verifyWebhook(generateWebhookSecret(), 'msg_1', 1700000000, '{"a":1}', sig)).toBe(false);
  });
});
