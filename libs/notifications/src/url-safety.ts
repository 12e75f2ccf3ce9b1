import { lookup as dnsLookup } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { networkInterfaces } from 'node:os';
import ipaddr from 'ipaddr.js';

/** IPv6 global unicast (2000::/3): anything outside it is reserved, local or special. */
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3');

/** The addresses of this host's own interfaces (a webhook must not call the service itself). */
function ownAddresses(): Set<string> {
  const own = new Set<string>();
  for (const list of Object.values(networkInterfaces())) {
    for (const info of list ?? [])
      own.add(ipaddr.process(info.address.split('%')[0]).toNormalizedString());
  }
  return own;
}

/**
 * Whether an IP address literal must not be a webhook target: anything ipaddr.js does not class as plain
 * `unicast` (loopback, private, link-local incl. cloud metadata, CGNAT, multicast, broadcast, reserved,
 * documentation 192.0.2/24, 198.51.100/24, 203.0.113/24, benchmarking 198.18/15, AS112, AMT; for IPv6 also
 * unique-local, site-local fec0::/10, discard, NAT64 and IPv4-translated, 6to4, Teredo, ORCHID, 2001:db8::/32),
 * IPv6 outside 2000::/3 (so IPv4-compatible ::a.b.c.d such as ::7f00:1), IPv4-mapped addresses judged as the
 * IPv4 they carry, and the host's own addresses. Not an address at all: refused.
 */
export function isPrivateAddress(ip: string): boolean {
  const bare = ip.replace(/^\[|\]$/g, '').split('%')[0];
  if (!ipaddr.isValid(bare)) return true;
  // process() turns ::ffff:a.b.c.d into the IPv4 address it is.
  const addr = ipaddr.process(bare);
  if (addr.range() !== 'unicast') return true;
  if (addr.kind() === 'ipv6' && !(addr as ipaddr.IPv6).match(GLOBAL_UNICAST_V6)) return true;
  return ownAddresses().has(addr.toNormalizedString());
}

export class UnsafeUrlError extends Error {}

function parseTarget(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UnsafeUrlError('is not a valid URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new UnsafeUrlError('must be an http or https URL');
  if (url.username || url.password) throw new UnsafeUrlError('must not contain credentials');
  return url;
}

// Also said for documentation, benchmarking and the other special-purpose ranges (the message partners know).
const PRIVATE = 'must not point to a private or loopback address';

function isLocalName(host: string): boolean {
  return host === 'localhost' || host.endsWith('.localhost');
}

/** A DNS look-up with Node's signature (injectable for tests). */
export type Resolver = (
  host: string,
  callback: (err: Error | null, addresses: { address: string; family: number }[]) => void,
) => void;

const systemResolver: Resolver = (host, callback) =>
  dnsLookup(host, { all: true, verbatim: true }, (err, addresses) =>
    callback(err, addresses ?? []),
  );

function resolveAll(
  host: string,
  resolver: Resolver,
): Promise<{ address: string; family: number }[]> {
  return new Promise((resolve, reject) =>
    resolver(host, (err, addresses) =>
      err || addresses.length === 0
        ? reject(new UnsafeUrlError('host name does not resolve'))
        : resolve(addresses),
    ),
  );
}

/**
 * Checks a webhook target when it is registered: http(s) only, no credentials in the URL, and (unless
 * `allowPrivate`) every address the host name resolves to must be public. Throws UnsafeUrlError with the
 * reason. Deliveries do not rely on this check: they connect through pinnedLookup, which checks the
 * address actually connected to.
 */
export async function assertSafeWebhookUrl(
  raw: string,
  allowPrivate: boolean,
  resolver: Resolver = systemResolver,
): Promise<URL> {
  const url = parseTarget(raw);
  if (allowPrivate) return url;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isLocalName(host)) throw new UnsafeUrlError(PRIVATE);
  const addresses = isIP(host) ? [host] : (await resolveAll(host, resolver)).map((a) => a.address);
  if (addresses.some(isPrivateAddress)) throw new UnsafeUrlError(PRIVATE);
  return url;
}

/**
 * A `lookup` for http(s).request that resolves the host once, refuses it if any address is not public, and
 * hands the socket the address it checked: the connection goes to exactly that address, with no second DNS
 * look-up that a rebinding DNS server could answer differently.
 */
export function pinnedLookup(
  allowPrivate: boolean,
  resolver: Resolver = systemResolver,
): LookupFunction {
  return ((host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    resolveAll(host, resolver)
      .then((addresses) => {
        if (
          !allowPrivate &&
          (isLocalName(host) || addresses.some((a) => isPrivateAddress(a.address)))
        ) {
          throw new UnsafeUrlError(PRIVATE);
        }
        const first = addresses[0];
        if (options?.all) callback(null, [first]);
        else callback(null, first.address, first.family);
      })
      .catch((err: unknown) => callback(err));
  }) as LookupFunction;
}

export interface WebhookRequest {
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  allowPrivate: boolean;
  /** For tests: answers DNS look-ups instead of the system resolver. */
  resolver?: Resolver;
}

/** A TimeoutError (by name, like AbortSignal.timeout's) when the receiver does not answer in time. */
class WebhookTimeoutError extends Error {
  override readonly name = 'TimeoutError';
}

/**
 * POSTs a webhook to `raw` and resolves with the HTTP status. The target is checked (scheme, credentials,
 * an IP literal before connecting, a host name through pinnedLookup at connect time); redirects are not
 * followed (one could lead to a private address); no connection is pooled or reused.
 */
export function postWebhook(raw: string, req: WebhookRequest): Promise<number> {
  let url: URL;
  try {
    url = parseTarget(raw);
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (!req.allowPrivate && (isLocalName(host) || (isIP(host) && isPrivateAddress(host)))) {
      throw new UnsafeUrlError(PRIVATE);
    }
  } catch (err) {
    return Promise.reject(err instanceof Error ? err : new Error(String(err)));
  }
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: 'POST',
        agent: false,
        lookup: pinnedLookup(req.allowPrivate, req.resolver),
        headers: { ...req.headers, 'content-length': String(Buffer.byteLength(req.body)) },
        timeout: req.timeoutMs,
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    const deadline = setTimeout(
      () => request.destroy(new WebhookTimeoutError(`timeout after ${req.timeoutMs} ms`)),
      req.timeoutMs,
    );
    request.once('close', () => clearTimeout(deadline));
    request.once('timeout', () =>
      request.destroy(new WebhookTimeoutError(`timeout after ${req.timeoutMs} ms`)),
    );
    request.once('error', reject);
    request.end(req.body);
  });
}
