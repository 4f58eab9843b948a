import { describe, expect, it } from 'vitest';
import { buildRelay } from '../../electron/relay/server';

describe('relay', () => {
  it('reports health', async () => {
    const relay = buildRelay();
    const response = await relay.inject({ method: 'GET', url: '/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ ok: true });
    await relay.close();
  });
});
