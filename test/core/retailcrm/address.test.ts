import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../electron/core/errors';
import { accountOrigin } from '../../../electron/core/retailcrm/address';

function refusal(input: string): ValidationError {
  try {
    accountOrigin(input);
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error(`accepted ${input}`);
}

describe('RetailCRM account address', () => {
  it.each([
    ['shop.retailcrm.ru', 'https://shop.retailcrm.ru'],
    ['  shop.retailcrm.ru  ', 'https://shop.retailcrm.ru'],
    ['https://shop.retailcrm.ru', 'https://shop.retailcrm.ru'],
    ['http://shop.retailcrm.ru', 'https://shop.retailcrm.ru'],
    ['HTTPS://Shop.RetailCRM.ru/', 'https://shop.retailcrm.ru'],
    ['https://shop.retailcrm.ru/orders/123/edit?tab=payments#x', 'https://shop.retailcrm.ru'],
    ['shop.retailcrm.ru/api/v5/', 'https://shop.retailcrm.ru'],
    ['www.shop.retailcrm.ru', 'https://shop.retailcrm.ru'],
    ['https://www.shop.retailcrm.ru/admin', 'https://shop.retailcrm.ru'],
    ['shop.retailcrm.ru:443', 'https://shop.retailcrm.ru'],
    ['shop.retailcrm.ru.', 'https://shop.retailcrm.ru'],
    ['shop.retailcrm.pro', 'https://shop.retailcrm.pro'],
    ['shop.retailcrm.es', 'https://shop.retailcrm.es'],
    ['shop.simla.com', 'https://shop.simla.com'],
    ['shop.simla.io', 'https://shop.simla.io'],
    ['my-shop-2.retailcrm.ru', 'https://my-shop-2.retailcrm.ru'],
  ])('reads %j as %s', (input, origin) => {
    expect(accountOrigin(input)).toBe(origin);
  });

  it('keeps a loopback sandbox address as it is, plain HTTP and port included', () => {
    expect(accountOrigin('http://127.0.0.1:4010/api/v5')).toBe('http://127.0.0.1:4010');
    expect(accountOrigin('http://localhost:4010')).toBe('http://localhost:4010');
  });

  it.each([
    'example.com',
    'shop.example.com',
    'retailcrm.ru',
    'www.retailcrm.ru',
    'a.b.retailcrm.ru',
    'shopretailcrm.ru',
    'shop.retailcrm.ru.evil.example',
    'shop.retailcrm.com',
  ])('refuses %j, naming the host and showing what an address looks like', (input) => {
    const error = refusal(input);
    expect(error.message).toMatch(/is not a RetailCRM account address\. It looks like myshop\.retailcrm\.ru/);
    expect(error.info.issues).toEqual([{ path: 'url', code: 'invalid_address', message: error.message }]);
  });

  it('refuses an empty address, asking for one', () => {
    expect(refusal('   ').message).toBe(
      'Enter the address of your RetailCRM account, for example myshop.retailcrm.ru.',
    );
  });

  it('refuses text that is not a web address', () => {
    expect(refusal('shop retailcrm ru').message).toBe(
      '"shop retailcrm ru" is not a web address. Enter it like myshop.retailcrm.ru.',
    );
  });

  it('refuses a port other than HTTPS', () => {
    expect(refusal('shop.retailcrm.ru:8080').message).toBe(
      'RetailCRM accounts are served on the standard HTTPS port only.',
    );
  });
});
