import { randomBytes } from 'node:crypto';
import request from 'supertest';

export interface SignedUp {
  token: string;
  refreshToken: string;
  tenantId: string;
  userId: string;
  email: string;
  password: string;
}

/** Signs up a fresh company (each test makes its own tenants; no shared seeds). */
export async function signUp(
  url: string,
  overrides: Partial<{ company: string; name: string; email: string; password: string }> = {},
): Promise<SignedUp> {
  const email = overrides.email ?? `owner-${randomBytes(6).toString('hex')}@example.com`;
  const password = overrides.password ?? 'correct horse battery staple';
  const res = await request(url)
    .post('/v1/signup')
    .send({
      company: overrides.company ?? 'Test Company Oy',
      name: overrides.name ?? 'Test Owner',
      email,
      password,
    });
  if (res.status !== 201)
    throw new Error(`signup failed: ${res.status} ${JSON.stringify(res.body)}`);
  return {
    token: res.body.accessToken,
    refreshToken: res.body.refreshToken,
    tenantId: res.body.tenant.id,
    userId: res.body.user.id,
    email,
    password,
  };
}

/** Polls a contract until it leaves `processing`. */
export async function waitForParsed(
  url: string,
  token: string,
  id: string,
  timeoutMs = 90_000,
): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await request(url)
      .get(`/v1/contracts/${id}`)
      .set('Authorization', `Bearer ${token}`);
    if (res.status !== 200) throw new Error(`GET contract: ${res.status}`);
    if (res.body.status !== 'processing') return res.body;
    if (Date.now() > deadline)
      throw new Error(`contract ${id} still processing after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
