import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../files/atomicFile';

export const DESKTOP_ID_FILE = 'desktop-id';

/**
 * This installation's name among the shop's desktops, kept in the user-data folder: the locks it
 * writes to RetailCRM payments (lease.ts) say which desktop holds a payment. Not a secret.
 */
export async function desktopId(dir: string): Promise<string> {
  const file = path.join(dir, DESKTOP_ID_FILE);
  const known = await readFile(file, 'utf8').then(
    (text) => text.trim(),
    () => '',
  );
  if (/^desk-[0-9a-f]{12}$/.test(known)) return known;
  const id = `desk-${randomBytes(6).toString('hex')}`;
  await writeFileAtomic(file, `${id}\n`);
  return id;
}
