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
