import type { Response } from 'express';

/**
 * The console's pages may run only the bundle's own files: no inline or injected script, no eval, no framing.
 * style-src allows inline styles because Ant Design writes its CSS-in-JS into <style> tags at run time; a style
 * cannot run script, and connect-src/img-src/font-src 'self' leave injected CSS no other host to send data to.
 */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  // the 调解协议书 preview: the PDF fetched with the in-memory token and framed from a blob: URL
  'frame-src blob:',
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Hashed build files never change under their name; index.html must be checked every time so a new build is seen. */
export function setConsoleHeaders(res: Response, filePath: string): void {
  res.setHeader('content-security-policy', CONSOLE_CSP);
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'same-origin');
  res.setHeader(
    'cache-control',
    /[\\/]assets[\\/]/.test(filePath) ? 'public, max-age=31536000, immutable' : 'no-cache',
  );
}
