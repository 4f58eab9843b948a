import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('../support/electronMock')).createElectronMock());

const { resolveInside } = await import('../../electron/main/protocol');
const root = path.resolve('/app/dist/renderer');

describe('app:// protocol', () => {
  it('maps pages and assets into the renderer folder', () => {
    expect(resolveInside(root, 'app://desk/')).toBe(path.join(root, 'index.html'));
    expect(resolveInside(root, 'app://desk/assets/index-1.js')).toBe(path.join(root, 'assets/index-1.js'));
  });

  it('serves nothing outside the renderer folder or for another host', () => {
    expect(resolveInside(root, 'app://desk/..%2f..%2fmain/index.cjs')).toBeNull();
    expect(resolveInside(root, 'app://desk/..%2f..%2f..%2fetc%2fpasswd')).toBeNull();
    expect(resolveInside(root, 'app://other/index.html')).toBeNull();
  });
});
