/** GET /api/v5/customers/{externalId} (reference §6): `by` defaults to externalId; `site` optional. */
import { notFound } from './errors';
import { byParameter, canSee, ok, requestedSite, type Handlers } from './handler';
import { renderCustomer } from './orderView';

export const customerHandlers: Handlers = {
  'customers/{externalId}': (call) => {
    const by = byParameter(call, 'externalId');
    const site = requestedSite(call);
    const id = call.params.id ?? '';
    const { customers } = call.state;
    const customer =
      by === 'id' ? (/^\d+$/.test(id) ? customers.get(Number(id)) : undefined) : customers.byExternalIdOf(id);
    if (!customer || !canSee(call, customer.site) || (site !== undefined && customer.site !== site))
      throw notFound();
    return ok({ customer: renderCustomer(customer) });
  },
};
