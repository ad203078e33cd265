// Proof that a tenant controls a domain it claims: a TXT record at
// `_tenantgraph.<domain>` holding `tenantgraph-verification=<token>`, the token its
// claim was given. Looked up through DNS_RESOLVER (the system's resolvers when unset),
// each server given DNS_TIMEOUT_MS to answer.
import { Resolver } from 'node:dns/promises';
import { randomBytes } from 'node:crypto';
import type { Config } from '../config';
import { ErrorCode, gatewayError } from '../errors';

export const newVerificationToken = () => randomBytes(16).toString('base64url');

/** The TXT record that proves a claim, as its owner publishes it. */
export function verificationRecord(domain: string, token: string) {
  return { name: `_tenantgraph.${domain}`, type: 'TXT', value: `tenantgraph-verification=${token}` };
}

// Answers that mean "no such record", not "no answer".
const NO_RECORD = new Set(['ENOTFOUND', 'ENODATA']);

/** Whether the domain's TXT record holds the token; DNS_UNAVAILABLE when the DNS servers do not say. */
export async function isProven(dns: Config['dns'], domain: string, token: string): Promise<boolean> {
  const resolver = new Resolver({ timeout: dns.timeoutMs, tries: 1 });
  if (dns.resolvers) resolver.setServers(dns.resolvers);
  const { name, value } = verificationRecord(domain, token);
  try {
    // A TXT record arrives as its strings of up to 255 characters: one value is their concatenation.
    const records = await resolver.resolveTxt(name);
    return records.some((strings) => strings.join('') === value);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'no answer';
    if (NO_RECORD.has(code)) return false;
    throw gatewayError(ErrorCode.DNS_UNAVAILABLE, `the DNS servers did not answer for ${name} (${code}): try again`);
  }
}
