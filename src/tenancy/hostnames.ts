// Host names as requests send them (Host: Shop.Example.com:443) and as tenants name
// their own domains: lowercase, no port, no trailing dot.

const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** The host name of a Host header: lowercased, without its port. */
export function hostnameOf(host: string | undefined): string | undefined {
  if (!host) return undefined;
  return host.trim().toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '') || undefined;
}

/**
 * A name a tenant can have as its own domain: at least two labels of letters, digits
 * and inner dashes, a top-level label that is not a number (so no IP address), at
 * most 253 characters. `localhost` and `127.0.0.1` are not.
 */
export function isDomainName(name: string): boolean {
  const labels = name.split('.');
  return name.length <= 253 && labels.length >= 2 && labels.every((label) => LABEL.test(label)) && !/^\d+$/.test(labels[labels.length - 1]);
}

/** `name` is `domain` itself or a name under it. */
export const isUnder = (name: string, domain: string) => name === domain || name.endsWith(`.${domain}`);
