/**
 * The renderer opens links only to known hosts: the allow list behind main's window-open handler
 * (lockDown in electron/main/app.ts opens a link in the browser only when isAllowedExternal says
 * so; the wiring is pinned in test/main/window.test.ts). externalLinks.ts imports nothing of
 * Electron.
 */
import { describe, expect, it } from 'vitest';
import { isAllowedExternal } from '../../electron/main/externalLinks';

describe('external links allow list', () => {
  it.each([
    'https://uapay.ua/',
    'https://pay.uapay.ua/payment/7f3a?lang=uk',
    'https://PAY.UAPAY.UA/payment/1',
    'https://myshop.retailcrm.ru/orders/1/edit',
    'https://myshop.retailcrm.pro/',
    'https://shop.simla.com/orders',
    'http://127.0.0.1:4020/payment/1',
    'http://localhost:4026/',
    'http://[::1]:4020/',
  ])('opens %s', (url) => {
    expect(isAllowedExternal(url)).toBe(true);
  });

  it.each([
    ['plain http to a provider', 'http://pay.uapay.ua/payment/1'],
    ['a look-alike suffix', 'https://evil-uapay.ua/'],
    ['the provider as a subdomain', 'https://uapay.ua.evil.example/'],
    ['the provider in the user part', 'https://pay.uapay.ua@evil.example/'],
    ['credentials', 'https://user:pass@pay.uapay.ua/'],
    ['the provider in the path', 'https://evil.example/uapay.ua'],
    ['the provider in the query', 'https://evil.example/?next=https://pay.uapay.ua'],
    ['the provider in the fragment', 'https://evil.example/#.uapay.ua'],
    ['a backslash trick', 'https://evil.example\\@pay.uapay.ua/'],
    ['a homograph', 'https://pay.uаpay.ua/'],
    ['loopback as a subdomain', 'http://localhost.evil.example/'],
    ['a LAN address', 'http://192.168.1.10/'],
    ['file', 'file:///etc/passwd'],
    ['javascript', 'javascript:alert(1)'],
    ['data', 'data:text/html,<script>alert(1)</script>'],
    ['another scheme', 'smb://pay.uapay.ua/share'],
    ['a custom protocol', 'ms-settings:privacy'],
    ['not a URL', 'pay.uapay.ua/payment/1'],
    ['empty', ''],
  ])('refuses %s', (_what, url) => {
    expect(isAllowedExternal(url)).toBe(false);
  });
});
