import { UnsafeUrlError, assertSafeWebhookUrl, isPrivateAddress } from './url-safety';

describe('webhook target safety', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    '::',
    'fd00::1',
    'fe80::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
  ])('refuses %s', (ip) => expect(isPrivateAddress(ip)).toBe(true));

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])(
    'allows public %s',
    (ip) => expect(isPrivateAddress(ip)).toBe(false),
  );

  it('refuses loopback and private literals, localhost, credentials and other schemes unless private targets are allowed', async () => {
    for (const url of [
      'http://127.0.0.1:8080/hook',
      'http://[::1]/hook',
      'https://localhost/x',
      'http://10.0.0.5/x',
      'http://169.254.169.254/latest/meta-data',
    ]) {
      await expect(assertSafeWebhookUrl(url, false)).rejects.toThrow(UnsafeUrlError);
    }
    await expect(assertSafeWebhookUrl('ftp://example.com/x', false)).rejects.toThrow(
      'http or https',
    );
    await expect(assertSafeWebhookUrl('https://user:pw@example.com/x', false)).rejects.toThrow(
      'credentials',
    );
    await expect(assertSafeWebhookUrl('not a url', true)).rejects.toThrow('valid URL');
    await expect(assertSafeWebhookUrl('http://127.0.0.1:8080/hook', true)).resolves.toBeInstanceOf(
      URL,
    );
    await expect(assertSafeWebhookUrl('https://93.184.216.34/hook', false)).resolves.toBeInstanceOf(
      URL,
    );
  });
});
