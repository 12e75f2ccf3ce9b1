import { OpenIdClientGateway } from './openid-client.gateway';

describe('OpenIdClientGateway: the webhook target rules for issuers', () => {
  const gateway = new OpenIdClientGateway(false);

  it.each([
    ['http://accounts.example.com', /not https/],
    ['https://127.0.0.1:8443', /private or loopback/],
    ['https://[::1]', /private or loopback/],
    ['https://169.254.169.254/latest', /private or loopback/],
    ['https://10.0.0.5', /private or loopback/],
    ['https://localhost', /private or loopback/],
  ])('refuses to discover %s', async (issuer, reason) => {
    await expect(gateway.discover(issuer)).rejects.toThrow(reason);
  });

  it('makes fresh state, nonce and PKCE verifier for each sign-in', () => {
    const a = gateway.newChecks();
    const b = gateway.newChecks();
    expect(a.codeVerifier).toMatch(/^[A-Za-z0-9_-]{43,128}$/);
    expect(a.state).not.toBe(b.state);
    expect(a.nonce).not.toBe(b.nonce);
    expect(a.codeVerifier).not.toBe(b.codeVerifier);
  });
});
