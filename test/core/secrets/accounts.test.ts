import { describe, expect, it } from 'vitest';
import {
  describeAccount,
  merchantIdOf,
  merchantKeyAccount,
  RELAY_TOKEN,
  RETAILCRM_API_KEY,
  SMTP_PASSWORD,
} from '../../../electron/core/secrets/accounts';

describe('keychain account names', () => {
  it('say what each secret is', () => {
    expect([RETAILCRM_API_KEY, SMTP_PASSWORD, RELAY_TOKEN]).toEqual([
      'retailcrm:api-key',
      'smtp:password',
      'relay:token',
    ]);
    const id = '6F1C2A57-3D0E-4B8A-9C1F-2E7D5A4B3C21';
    expect(merchantKeyAccount(id)).toBe('merchant:6f1c2a57-3d0e-4b8a-9c1f-2e7d5a4b3c21:secret-key');
    expect(merchantIdOf(merchantKeyAccount(id))).toBe(id.toLowerCase());
    expect(merchantIdOf(SMTP_PASSWORD)).toBeUndefined();
    expect(describeAccount(merchantKeyAccount(id))).toBe('the merchant secret key');
  });

  it('refuse to build a merchant account from something that is not our id', () => {
    expect(() => merchantKeyAccount('x:retailcrm')).toThrow('Not a merchant id');
  });
});
