// Which addresses a production webhook may not reach (SSRF).
import { isPrivateAddress } from '../../src/webhooks/addressGuard';

test.each(['127.0.0.1', '127.8.9.10', '10.0.0.1', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1'])(
  '%s is refused',
  (address) => expect(isPrivateAddress(address)).toBe(true),
);

test.each([
  ['fec0::1', 'site-local fec0::/10'],
  ['feff::1', 'site-local fec0::/10, its last address block'],
  ['::7f00:1', 'IPv4-compatible ::/96 (::127.0.0.1)'],
  ['::808:808', 'IPv4-compatible ::/96, even of a public IPv4 address'],
  ['64:ff9b::7f00:1', 'NAT64 64:ff9b::/96 (to 127.0.0.1)'],
  ['64:ff9b::a00:1', 'NAT64 64:ff9b::/96 (to 10.0.0.1)'],
  ['::ffff:7f00:1', 'IPv4-mapped, written in hex (as a URL writes it)'],
  ['198.18.0.1', 'benchmarking 198.18.0.0/15'],
  ['198.19.255.254', 'benchmarking 198.18.0.0/15, its end'],
  ['192.0.0.1', 'IETF protocol assignments 192.0.0.0/24'],
  ['224.0.0.1', 'IPv4 multicast 224.0.0.0/4'],
  ['239.255.255.250', 'IPv4 multicast 224.0.0.0/4, its end'],
  ['ff02::1', 'IPv6 multicast ff00::/8'],
  ['240.0.0.1', 'reserved 240.0.0.0/4'],
  ['255.255.255.255', 'broadcast'],
])('%s is refused: %s', (address) => expect(isPrivateAddress(address)).toBe(true));

test.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '192.169.0.1', '198.20.0.1', '192.0.1.1', '223.255.255.254', '2606:4700::1111', '::ffff:8.8.8.8'])('%s is public', (address) =>
  expect(isPrivateAddress(address)).toBe(false),
);
