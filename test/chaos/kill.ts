/**
 * Kills inside an operation: the core is SIGKILLed after a delay, or the moment UAPAY receives a
 * money call (or an invoice creation), or RetailCRM a payment write — while the operation waits.
 */
import type { Sandbox } from '../../electron/sandbox';
import type { CoreProcess } from './coreProcess';
import type { KillPoint } from './plan';

const CUT_METHODS = new Set([
  'invoicer/payments/complete',
  'invoicer/payments/cancel',
  'invoicer/payments/reverse',
  'invoicer/invoices/create',
]);

function uapayCalls(sandbox: Sandbox): number {
  return sandbox.uapay.fake.control.callLog().filter((call) => CUT_METHODS.has(call.method)).length;
}

function crmWrites(sandbox: Sandbox): number {
  return sandbox.retailcrm.fake.control.callCount('orders/payments/{id}/edit').calls;
}

/**
 * Runs `work` and kills the core at `point` if `work` is still running then. Resolves to whether
 * the kill landed; `work`'s own failure (the core gone) is swallowed when it did.
 */
export async function withKill(
  point: KillPoint | undefined,
  sandbox: Sandbox,
  core: CoreProcess,
  work: () => Promise<unknown>,
): Promise<{ killed: boolean }> {
  if (!point) {
    await work();
    return { killed: false };
  }
  let finished = false;
  const running = work().finally(() => (finished = true));
  const baseline = point.at === 'uapay' ? uapayCalls(sandbox) : point.at === 'crm' ? crmWrites(sandbox) : 0;
  const started = Date.now();
  const due = () => {
    switch (point.at) {
      case 'delay':
        return Date.now() - started >= point.ms;
      case 'uapay':
        return uapayCalls(sandbox) > baseline;
      case 'crm':
        return crmWrites(sandbox) > baseline;
    }
  };
  while (!finished && !due()) await new Promise((resolve) => setTimeout(resolve, 1));
  if (finished) {
    await running;
    return { killed: false };
  }
  await core.kill();
  await running.catch(() => undefined);
  return { killed: true };
}
