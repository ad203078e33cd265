import { hostnameOf, isDomainName } from '../../src/tenancy/hostnames';
import { requestedTenant, subdomainTenant } from '../../src/tenancy/requestedTenant';

test('the header wins when alone, and is normalised', () => {
  expect(requestedTenant({ header: ' Talanou ' }, undefined)).toEqual({ slug: 'talanou', conflict: null });
});

test('the subdomain counts only under BASE_DOMAIN, one label deep', () => {
  expect(subdomainTenant('talanou.jeweler.com:4000', 'jeweler.com')).toBe('talanou');
  expect(subdomainTenant('a.b.jeweler.com', 'jeweler.com')).toBeUndefined();
  expect(subdomainTenant('jeweler.com', 'jeweler.com')).toBeUndefined();
  expect(subdomainTenant('talanou.jeweler.com', undefined)).toBeUndefined();
});

test('sources that agree are fine; sources that differ are a conflict', () => {
  expect(requestedTenant({ header: 'a-shop', claim: 'a-shop' }, undefined)).toEqual({ slug: 'a-shop', conflict: null });
  const conflict = requestedTenant({ header: 'a-shop', host: 'b-shop.x.io', claim: 'a-shop' }, 'x.io');
  expect(conflict.slug).toBe('a-shop');
  expect(conflict.conflict).toContain('b-shop');
});

test('no source: no tenant', () => {
  expect(requestedTenant({}, 'x.io')).toEqual({ slug: null, conflict: null });
});

test("a tenant's own domain routes like its subdomain, and disagreeing with another source is a conflict that does not say whose the domain is", () => {
  expect(requestedTenant({ host: 'shop.example.com', domain: 'a-shop' }, 'x.io')).toEqual({ slug: 'a-shop', conflict: null });
  expect(requestedTenant({ header: 'a-shop', domain: 'a-shop', claim: 'a-shop' }, undefined)).toEqual({ slug: 'a-shop', conflict: null });
  expect(requestedTenant({ header: 'b-shop', domain: 'a-shop' }, undefined)).toEqual({
    slug: 'b-shop',
    conflict: 'the domain routes to another tenant than the X-Tenant header names ("b-shop")',
  });
  expect(requestedTenant({ domain: 'a-shop', claim: 'b-shop' }, undefined).conflict).toBe('the domain routes to another tenant than the token names ("b-shop")');
});

test('host names are compared lowercase, without port or trailing dot; only real domain names can be a tenant\'s', () => {
  expect(hostnameOf('Shop.Example.COM:8443')).toBe('shop.example.com');
  expect(hostnameOf('shop.example.com.')).toBe('shop.example.com');
  expect(hostnameOf(undefined)).toBeUndefined();
  expect(['shop.example.com', 'a-b.c0.io', 'xn--mnchen-3ya.de'].filter(isDomainName)).toHaveLength(3);
  expect(['localhost', '127.0.0.1', '[::1]', '-bad.example.com', 'bad-.example.com', 'a..b', 'under_score.example.com', `${'a'.repeat(64)}.io`].filter(isDomainName)).toEqual([]);
});
