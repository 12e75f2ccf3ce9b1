import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StripeCall {
  method: string;
  path: string;
  auth: string | undefined;
  form: Record<string, string>;
}

/**
 * A local HTTP endpoint in Stripe's place (no internet here), as the provider's unit spec uses: the real
 * stripe client (STRIPE_API_URL) sends its real requests to it; `routes` answer with Stripe-shaped objects.
 */
export async function startStripeEndpoint(
  routes: Record<string, (call: StripeCall) => unknown>,
): Promise<{ url: string; calls: StripeCall[]; close(): Promise<void> }> {
  const calls: StripeCall[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://stripe.local');
      const call: StripeCall = {
        method: req.method ?? 'GET',
        path: url.pathname,
        auth: req.headers.authorization,
        form: Object.fromEntries(
          new URLSearchParams(req.method === 'GET' ? url.search : body).entries(),
        ),
      };
      calls.push(call);
      const route = Object.entries(routes).find(([key]) => {
        const [method, pattern] = key.split(' ');
        return (
          method === call.method &&
          new RegExp(`^${pattern!.replace(/:[a-z]+/g, '[^/]+')}$`).test(call.path)
        );
      });
      res.setHeader('Content-Type', 'application/json');
      if (!route) {
        res.statusCode = 404;
        res.end(
          JSON.stringify({
            error: {
              type: 'invalid_request_error',
              message: `no route ${call.method} ${call.path}`,
            },
          }),
        );
        return;
      }
      res.end(JSON.stringify(route[1](call)));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
