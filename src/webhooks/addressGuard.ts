// Outbound safety (SSRF): a webhook URL is the tenant's to choose, so in production it
// must not reach the gateway's own network. Checked when a URL is saved (a clear
// BAD_USER_INPUT) and again on every connection, by the lookup the request connects
// with: a name that resolved to a public address yesterday may resolve to 127.0.0.1 now.
import dns, { type LookupAddress, type LookupAllOptions, type LookupOneOptions } from 'node:dns';
import net from 'node:net';

const blocked = new net.BlockList();
for (const [prefix, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
] as const) {
  blocked.addSubnet(prefix, bits, 'ipv4');
}
blocked.addAddress('::', 'ipv6');
blocked.addAddress('::1', 'ipv6');
blocked.addSubnet('fc00::', 7, 'ipv6');
blocked.addSubnet('fe80::', 10, 'ipv6');

/** Loopback, private, carrier-grade NAT, link-local or unspecified (IPv4-mapped IPv6 included). */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return blocked.check(mapped[1], 'ipv4');
  const family = net.isIP(address);
  if (family === 0) return false;
  return blocked.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

export class PrivateAddressRefused extends Error {
  constructor(host: string, address: string) {
    super(`${host} resolves to ${address}, a loopback, private or link-local address (WEBHOOK_ALLOW_PRIVATE_URLS allows it)`);
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

/** The first private address `host` resolves to, or undefined; a name that does not resolve within `timeoutMs` is an error. */
export async function privateAddressOf(host: string, timeoutMs: number): Promise<string | undefined> {
  const bare = host.replace(/^\[(.*)\]$/, '$1');
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
