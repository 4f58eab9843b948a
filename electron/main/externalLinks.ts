/**
 * The only links the app opens outside itself (in the person's browser): UAPAY's payment pages,
 * the RetailCRM account, and the sandbox's pages on this machine (Demo mode). Anything else a
 * page tries to open is refused.
 */
const HOST_SUFFIXES = ['uapay.ua', 'retailcrm.ru', 'retailcrm.pro', 'retailcrm.es', 'simla.com', 'simla.io'];
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function isAllowedExternal(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.username || parsed.password) return false;
  if (parsed.protocol === 'http:') return LOOPBACK.has(parsed.hostname);
  if (parsed.protocol !== 'https:') return false;
  const host = parsed.hostname.toLowerCase();
  return LOOPBACK.has(host) || HOST_SUFFIXES.some((suffix) => host === suffix || host.endsWith(`.${suffix}`));
}
