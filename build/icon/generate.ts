/**
 * Writes every icon file the installers use, from the one mark in mark.ts:
 *   npx tsx build/icon/generate.ts
 * and commit the result (test/build/icon.test.ts fails when a file no longer matches the mark).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { encodeIcns, encodeIco, encodePng, ICNS_TYPES, type Image } from './formats';
import { markSvg, renderMark } from './mark';

/** Linux icon theme sizes (hicolor), up to the 1024 px the AppImage and stores like. */
export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;
/** What Windows picks from for title bars, taskbar, Explorer views and the installer. */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;

/** Every icon file: its path relative to build/ and its bytes. */
export function iconFiles(): Map<string, Buffer> {
  const sizes = new Set<number>([...LINUX_SIZES, ...ICO_SIZES, ...ICNS_TYPES.map(([, size]) => size)]);
  const images = new Map<number, Image>([...sizes].map((size) => [size, { size, pixels: renderMark(size) }]));
  const png = new Map([...images].map(([size, image]) => [size, encodePng(image)]));
  const files = new Map<string, Buffer>();
  files.set('icon.svg', Buffer.from(markSvg()));
  files.set('icon.png', png.get(1024)!);
  for (const size of LINUX_SIZES) files.set(`icons/${size}x${size}.png`, png.get(size)!);
  files.set('icon.ico', encodeIco(ICO_SIZES.map((size) => images.get(size)!)));
  files.set('icon.icns', encodeIcns(png));
  return files;
}

export const BUILD_DIR = path.resolve(import.meta.dirname, '..');

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  for (const [name, bytes] of iconFiles()) {
    const file = path.join(BUILD_DIR, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, bytes);
    console.log(`${path.relative(process.cwd(), file)}  ${bytes.length} bytes`);
  }
}
