/**
 * "Check connection" for a UAPAY merchant (DESIGN.md workflow 2): opening a session proves the
 * client id and the key (reference §3.1). A failure is told as what to do about it.
 */
import type { MerchantCheckResult } from '../../shared/channels/setup';
import type { MerchantEnvironment } from '../../shared/settings';
import { NetworkError } from '../errors';
import type { UapayClient } from '../uapay/client';
import { LOCAL_CODES, TIMELIMIT_ERROR, UapayError } from '../uapay/errors';

/**
 * UNCERTAIN (uapay-api.md: only FORMAT_ERROR and TIMELIMIT_ERROR are documented): the codes for an
 * unknown client id and for a request signed with the wrong key. These patterns take the sandbox's
 * names (CLIENT_NOT_FOUND, TOKEN_ERROR) and their likely spellings.
 */
const UNKNOWN_CLIENT_CODES = /CLIENT|MERCHANT/i;
const WRONG_KEY_CODES = /TOKEN|SIGN|KEY|JWT/i;

const SHOP_PAGE = 'UAPAY > My shops';

export interface CheckedMerchant {
  clientId: string;
  environment: MerchantEnvironment;
}

export async function checkMerchant(
  client: UapayClient,
  merchant: CheckedMerchant,
): Promise<MerchantCheckResult> {
  const where = merchant.environment === 'test' ? 'the test (demo) environment' : 'production';
  const params = { clientId: merchant.clientId, environment: merchant.environment };
  try {
    await client.checkConnection();
    return {
      ok: true,
      message: `Connected: UAPAY accepted client id ${merchant.clientId} and its key in ${where}.`,
      params,
    };
  } catch (error) {
    return { ok: false, ...explain(error, merchant, where), params };
  }
}

function explain(
  error: unknown,
  merchant: CheckedMerchant,
  where: string,
): Omit<MerchantCheckResult, 'ok' | 'params'> {
  if (error instanceof NetworkError) {
    switch (error.info.reason) {
      case 'timeout':
        return { problem: 'timeout', message: 'UAPAY did not answer in time. Try again in a minute.' };
      case 'server':
      case 'rate_limited':
        return {
          problem: 'server',
          message: `UAPAY answered with a server error${error.info.status ? ` (HTTP ${error.info.status})` : ''}. Try again later.`,
        };
      case 'unreachable':
        return {
          problem: 'unreachable',
          message:
            'Could not reach UAPAY. Check that this computer is connected to the internet; a firewall ' +
            'or proxy may be blocking UAPAY.',
        };
    }
  }
  if (!(error instanceof UapayError)) throw error;
  const uapay = { code: error.code, message: error.info.message };
  if (error.code === TIMELIMIT_ERROR) {
    return {
      problem: 'clock',
      message:
        "Your computer's clock is off by more than 20 seconds, so UAPAY refuses its requests. Turn on " +
        'setting the date and time automatically in the system settings, then check again.',
      uapay,
    };
  }
  if (error.code === LOCAL_CODES.badSignature) {
    return {
      problem: 'signature',
      message:
        "A reply that came as UAPAY's was not signed with this merchant's key, so it was not trusted. " +
        `Check the secret key in ${SHOP_PAGE}; if it is right, something between this computer and ` +
        'UAPAY is changing the replies.',
      uapay,
    };
  }
  if (UNKNOWN_CLIENT_CODES.test(error.code)) {
    return {
      problem: 'client_id',
      message:
        `UAPAY does not know client id ${merchant.clientId} in ${where}. Check the shop ID in ` +
        `${SHOP_PAGE}, and that the environment is the one the shop was registered in.`,
      uapay,
    };
  }
  if (WRONG_KEY_CODES.test(error.code)) {
    return {
      problem: 'key',
      message:
        `UAPAY did not accept the secret key for client id ${merchant.clientId}. Copy the key ` +
        `(SECRET KEY) again from ${SHOP_PAGE} and paste it whole.`,
      uapay,
    };
  }
  return { problem: 'refused', message: `UAPAY refused: ${uapay.message}`, uapay };
}
