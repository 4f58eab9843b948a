/**
 * `npm run dev`: Vite's dev server for the renderer (with hot reload) and Electron on the freshly
 * built main and preload bundles.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { build, createServer } from 'vite';

const server = await createServer({ mode: 'development' });
await server.listen();
const url = server.resolvedUrls?.local[0];
if (!url) throw new Error('The Vite dev server did not report its address.');

await build({ mode: 'main' });
await build({ mode: 'preload' });

const electronBinary = createRequire(import.meta.url)('electron') as unknown as string;
const child = spawn(electronBinary, ['.'], {
  stdio: 'inherit',
  env: { ...process.env, VITE_DEV_SERVER_URL: url },
});
child.on('exit', (code) => {
  void server.close().then(() => process.exit(code ?? 0));
});
