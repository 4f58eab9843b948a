/**
 * `npm run relay` in development and `node dist/relay/index.js` in production: with no command it
 * serves; `pair`, `add-desktop`, `channels` and `revoke` manage pairings (cli.ts). Configuration
 * comes only from the environment (config.ts).
 */
import { runCli } from './cli';
import { ConfigError } from './config';
import { serve } from './serve';

const [command = 'serve', ...rest] = process.argv.slice(2);
try {
  if (command === 'serve') await serve();
  else process.exitCode = await runCli(command, rest);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exitCode = 2;
}
