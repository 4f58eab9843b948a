/**
 * This machine's own addresses (URL host names: IPv6 in brackets). Plain HTTP, or SMTP without
 * TLS, is accepted only to these: that is the sandbox (Demo mode, tests) or a local tunnel, and
 * nothing on the network can read it. Pure, no imports: the relay's pairing code uses it too.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost' || host === '[::1]' || host === '::1') return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
