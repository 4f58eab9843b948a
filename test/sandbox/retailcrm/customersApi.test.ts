import { describe, expect, it } from 'vitest';
import { startAccount } from './support';

describe('RetailCRM fake: GET /api/v5/customers/{externalId}', () => {
  it('finds a customer by externalId by default and by id with by=id', async () => {
    const { http, ids } = await startAccount();
    const byExternal = await http.get('/api/v5/customers/cust-ivan');
    expect(byExternal).toEqual({
      status: 200,
      body: {
        success: true,
        customer: {
          type: 'customer',
          id: ids.ivan,
          externalId: 'cust-ivan',
          site: 'shop-a',
          createdAt: expect.any(String),
          firstName: 'Ivan',
          lastName: 'Petrenko',
          email: 'ivan@example.com',
          phones: [{ number: '+380 50 123 45 67' }],
        },
      },
    });
    expect((await http.get(`/api/v5/customers/${ids.olena}`, 'by=id')).body.customer.email).toBe(
      'olena@example.org',
    );
    expect((await http.get('/api/v5/customers/cust-ivan', 'site=shop-b')).status).toBe(404);
    expect(await http.get('/api/v5/customers/nobody')).toEqual({
      status: 404,
      body: { success: false, errorMsg: 'Not found' },
    });
  });
});
