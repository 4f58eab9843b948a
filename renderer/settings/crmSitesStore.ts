import { create } from 'zustand';
import type { CrmSite } from '../../electron/shared/channels/setup';

/**
 * The stores the last RetailCRM check saw (with their names), kept for this session: the payment
 * type form offers them. Only a check lists stores, and it is not worth a RetailCRM call per form.
 */
export const useCrmSites = create<{ sites: CrmSite[] }>(() => ({ sites: [] }));

/** The stores to offer: the last check's, else the codes the settings and the payment types name. */
export function siteChoices(known: readonly CrmSite[], codes: Iterable<string>): CrmSite[] {
  const byCode = new Map(known.map((site) => [site.code, site]));
  for (const code of codes) if (!byCode.has(code)) byCode.set(code, { code, name: code });
  return [...byCode.values()];
}
