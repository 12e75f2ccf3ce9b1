import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { startStripeEndpoint } from '../../../test/support/stripe-endpoint';
import { StripeBillingProvider } from './stripe-billing.provider';

describe('StripeBillingProvider', () => {
  it('creates a subscription checkout session carrying the tenant in its metadata and returns its URL', async () => {
    const seen: { path?: string; auth?: string; body: string } = { body: '' };
    // A local HTTP endpoint in Stripe's place: the real stripe client sends its real request here.
    const server = http.createServer((req, res) => {
      seen.path = req.url;
      seen.auth = req.headers.authorization;
      req.on('data', (c: Buffer) => (seen.body += c.toString()));
      req.on('end', () => {
        res.setHeader('Content-Type', 'application/json');
        res.end(
          JSON.stringify({
            id: 'cs_test_1',
            object: 'checkout.session',
            url: 'https://checkout.stripe.com/c/pay/cs_test_1',
          }),
        );
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const { port } = server.address() as AddressInfo;
      const client = new Stripe('sk_test_provider', {
        host: '127.0.0.1',
        port,
        protocol: 'http',
        maxNetworkRetries: 0,
      });
      const provider = new StripeBillingProvider(client, 'https://app.example.com');
      const tenantId = '3b1f7e0a-2c4d-4e5f-8a9b-0c1d2e3f4a5b';
      const outcome = await provider.startCheckout({
        tenantId,
        plan: 'starter',
        planName: 'Starter',
        interval: 'month',
        amountMinor: 4900,
        currency: 'EUR',
        email: 'owner@example.com',
      });
      expect(outcome).toEqual({
        url: 'https://checkout.stripe.com/c/pay/cs_test_1',
        sessionId: 'cs_test_1',
      });
      expect(seen.path).toBe('/v1/checkout/sessions');
      expect(seen.auth).toBe('Bearer sk_test_provider');
      const form = new URLSearchParams(seen.body);
      expect(Object.fromEntries(form)).toMatchObject({
        mode: 'subscription',
        client_reference_id: tenantId,
        customer_email: 'owner@example.com',
        'line_items[0][quantity]': '1',
        'line_items[0][price_data][currency]': 'eur',
        'line_items[0][price_data][unit_amount]': '4900',
        'line_items[0][price_data][recurring][interval]': 'month',
        'metadata[tenantId]': tenantId,
        'metadata[plan]': 'starter',
        'subscription_data[metadata][tenantId]': tenantId,
        'subscription_data[metadata][plan]': 'starter',
        success_url: 'https://app.example.com/settings/subscription?checkout=success',
      });
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });

  it('with Stripe Tax on, asks Stripe to add VAT to the catalogue price (exclusive) on checkout and on a change', async () => {
    const api = await startStripeEndpoint({
      'POST /v1/checkout/sessions': () => ({
        id: 'cs_1',
        object: 'checkout.session',
        url: 'https://c/1',
      }),
      'GET /v1/subscriptions/:id': () => ({
        id: 'sub_1',
        items: { data: [{ id: 'si_1', price: { product: { id: 'prod_1' } } }] },
      }),
      'POST /v1/subscriptions/:id': () => ({ id: 'sub_1' }),
    });
    try {
      const url = new URL(api.url);
      const client = new Stripe('sk_test_tax', {
        host: url.hostname,
        port: Number(url.port),
        protocol: 'http',
        maxNetworkRetries: 0,
      });
      const provider = new StripeBillingProvider(client, 'https://app.example.com', {
        automatic: true,
        pricesIncludeVat: false,
      });
      const request = {
        tenantId: '3b1f7e0a-2c4d-4e5f-8a9b-0c1d2e3f4a5b',
        plan: 'business',
        planName: 'Business',
        interval: 'year' as const,
        amountMinor: 199_000,
        currency: 'EUR' as const,
        email: '',
      };
      await provider.startCheckout(request);
      expect(api.calls[0]!.form).toMatchObject({
        'automatic_tax[enabled]': 'true',
        'line_items[0][price_data][tax_behavior]': 'exclusive',
        'line_items[0][price_data][unit_amount]': '199000',
      });
      expect(api.calls[0]!.form.customer_email).toBeUndefined();
      await provider.changePlan({ customerId: 'cus_1', subscriptionId: 'sub_1' }, request);
      expect(api.calls.at(-1)!.form).toMatchObject({
        'items[0][id]': 'si_1',
        'items[0][price_data][product]': 'prod_1',
        'items[0][price_data][tax_behavior]': 'exclusive',
        proration_behavior: 'always_invoice',
        cancel_at_period_end: 'false',
      });
    } finally {
      await api.close();
    }
  });
});
