/**
 * The renderer's Content Security Policy. Main sends it as a header for app:// pages and the
 * renderer build writes it into index.html as well, so the browser harness enforces the same
 * policy. No inline script, no remote origin, no eval.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
  "frame-src 'none'",
].join('; ');
