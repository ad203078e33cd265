// Outbound safety (SSRF): a webhook URL is the tenant's to choose, so in production it
// must not reach the gateway's own network. Checked when a URL is saved (a clear
// BAD_USER_INPUT) and again on every connection, against the address connected to: a
// name through the lookup the request connects with (a name that resolved to a public
// address yesterday may resolve to 127.0.0.1 now), an IP literal before connecting
// (Node connects to a literal without any lookup).
import dns, { type LookupAddress, type LookupAllOptions, type LookupOneOptions } from 'node:dns';
import net from 'node:net';

const blocked = new net.BlockList();
for (const [prefix, bits] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast included
] as const) {
  blocked.addSubnet(prefix, bits, 'ipv4');
}
for (const [prefix, bits] of [
  ['::', 96], // IPv4-compatible, :: and ::1 among them
  ['64:ff9b::', 96], // NAT64: reaches whatever IPv4 address it embeds
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local
  ['ff00::', 8], // multicast
] as const) {
  blocked.addSubnet(prefix, bits, 'ipv6');
}

/**
 * Loopback, private, link-local, multicast or otherwise special: not a public receiver.
 * An IPv4-mapped IPv6 address (::ffff:a.b.c.d) is judged by its IPv4 address.
 */
export function isPrivateAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 0) return false;
  return blocked.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

export class PrivateAddressRefused extends Error {
  constructor(host: string, address: string) {
    const what = host === address ? address : `${host} resolves to ${address}, which`;
    super(`${what} is a loopback, private or reserved address (WEBHOOK_ALLOW_PRIVATE_URLS allows it)`);
  }
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A `lookup` for http.request that refuses private addresses. */
export function publicOnlyLookup(host: string, options: LookupOneOptions | LookupAllOptions, callback: LookupCallback): void {
  dns.lookup(host, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, []);
    const refused = addresses.find((a) => isPrivateAddress(a.address));
    if (refused) return callback(new PrivateAddressRefused(host, refused.address), []);
    if ((options as LookupAllOptions).all) return callback(null, addresses);
    callback(null, addresses[0].address, addresses[0].family);
  });
}

/** A URL's hostname as an address: IPv6 literals come in brackets. */
const bareHost = (hostname: string) => hostname.replace(/^\[(.*)\]$/, '$1');

/** The refusal of a connection to `hostname` when it is a private IP literal; names are left to publicOnlyLookup. */
export function refusedLiteral(hostname: string): PrivateAddressRefused | undefined {
  const address = bareHost(hostname);
  return isPrivateAddress(address) ? new PrivateAddressRefused(address, address) : undefined;
}

/** The first private address `host` resolves to, or undefined; a name that does not resolve within `timeoutMs` is an error. */
export async function privateAddressOf(host: string, timeoutMs: number): Promise<string | undefined> {
  const bare = bareHost(host);
  if (net.isIP(bare)) return isPrivateAddress(bare) ? bare : undefined;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${host} did not resolve within ${timeoutMs} ms`)), timeoutMs)));
  try {
    const addresses = await Promise.race([dns.promises.lookup(bare, { all: true }), timeout]);
    return addresses.find((a) => isPrivateAddress(a.address))?.address;
  } finally {
    clearTimeout(timer);
  }
}
