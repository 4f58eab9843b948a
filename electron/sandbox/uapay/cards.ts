/**
 * The sandbox's test cards. UNKNOWN in the reference (§6.4: the real sandbox card list was not in
 * the copy read), so these are ours, in the style other acquirers use.
 */

export const TEST_CARDS = {
  /** Approved at once. */
  success: '4111111111111111',
  /** Declined by the "bank". */
  decline: '4000000000000002',
  /** Asks for 3-D Secure; THREE_D_SECURE_CODE approves, any other code declines. */
  threeDSecure: '4000000000003220',
} as const;

export const THREE_D_SECURE_CODE = '123';

export type CardBehaviour = 'success' | 'decline' | '3ds';

export interface CardFormInput {
  pan?: string;
  expiry?: string;
  cvv?: string;
}

export type CardFormResult =
  | { ok: true; pan: string; behaviour: CardBehaviour }
  | { ok: false; field: 'pan' | 'expiry' | 'cvv'; message: string };

/** Checks the hosted page's card form; messages are for the payer, in Ukrainian. */
export function checkCardForm(input: CardFormInput, now: number): CardFormResult {
  const pan = (input.pan ?? '').replace(/[\s-]/g, '');
  if (!/^\d{12,19}$/.test(pan)) return { ok: false, field: 'pan', message: 'Введіть номер картки.' };
  const behaviour = behaviourOf(pan);
  if (!behaviour) {
    return { ok: false, field: 'pan', message: 'У тестовому середовищі приймаються лише тестові картки.' };
  }
  const expiry = /^(\d{2})\s*\/\s*(\d{2}|\d{4})$/.exec((input.expiry ?? '').trim());
  const month = Number(expiry?.[1]);
  if (!expiry || month < 1 || month > 12) {
    return { ok: false, field: 'expiry', message: 'Введіть термін дії у форматі ММ/РР.' };
  }
  const year = expiry[2]!.length === 2 ? 2000 + Number(expiry[2]) : Number(expiry[2]);
  // A card is valid to the end of its expiry month.
  if (Date.UTC(year, month, 1) <= now)
    return { ok: false, field: 'expiry', message: 'Термін дії картки минув.' };
  if (!/^\d{3,4}$/.test((input.cvv ?? '').trim())) {
    return { ok: false, field: 'cvv', message: 'Введіть CVV2 — три цифри на звороті картки.' };
  }
  return { ok: true, pan, behaviour };
}

function behaviourOf(pan: string): CardBehaviour | undefined {
  if (pan === TEST_CARDS.success) return 'success';
  if (pan === TEST_CARDS.decline) return 'decline';
  if (pan === TEST_CARDS.threeDSecure) return '3ds';
  return undefined;
}

/** 4111111111111111 → "4111 1111 1111 1111" (for the page). */
export function groupPan(pan: string): string {
  return pan.replace(/(\d{4})(?=\d)/g, '$1 ');
}
