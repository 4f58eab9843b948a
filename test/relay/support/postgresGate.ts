import { describe, it } from 'vitest';
import { PG_MISSING, PG_URL } from './stores';

let warned = false;

/**
 * Without DESK_TEST_DATABASE_URL the PostgreSQL half of the relay suite is declared skipped, with
 * the reason printed, except under CI (CI=1 or CI=true), where a missing database fails the run.
 * Call it once per file that parametrizes over stores.
 */
export function reportMissingPostgres(suite: string): void {
  if (PG_URL) return;
  if (process.env.CI === '1' || process.env.CI === 'true') {
    describe(`${suite} on postgres`, () => {
      it('has a PostgreSQL database to test against (required under CI)', () => {
        throw new Error(`${PG_MISSING}; .ci/run starts one.`);
      });
    });
    return;
  }
  if (!warned) console.warn(`relay tests: PostgreSQL half skipped: ${PG_MISSING}.`);
  warned = true;
  describe.skip(`${suite} on postgres (skipped: ${PG_MISSING})`, () => {
    it('runs the same suite on PostgreSQL', () => {});
  });
}
