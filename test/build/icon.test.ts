/**
 * The icon files in build/ are what build/icon/generate.ts makes of the mark, in every size the
 * installers use, and each container is well formed: read back here by hand, pixel for pixel.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { crc32, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ICNS_TYPES, PNG_SIGNATURE } from '../../build/icon/formats';
import { BUILD_DIR, ICO_SIZES, iconFiles, LINUX_SIZES } from '../../build/icon/generate';
import { renderMark } from '../../build/icon/mark';

const committed = (name: string) => readFileSync(path.join(BUILD_DIR, name));

/** A PNG as we write it (RGBA, 8 bits, no interlace), checked chunk by chunk. */
function decodePng(png: Buffer): { size: number; pixels: Buffer } {
  expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
  let at = 8;
  let size = 0;
  const data: Buffer[] = [];
  for (;;) {
    const length = png.readUInt32BE(at);
    const type = png.toString('ascii', at + 4, at + 8);
    const body = png.subarray(at + 8, at + 8 + length);
    expect(png.readUInt32BE(at + 8 + length), `${type} CRC`).toBe(
      crc32(png.subarray(at + 4, at + 8 + length)),
    );
    if (type === 'IHDR') {
      size = body.readUInt32BE(0);
      expect(body.readUInt32BE(4)).toBe(size);
      expect([...body.subarray(8)]).toEqual([8, 6, 0, 0, 0]);
    }
    if (type === 'IDAT') data.push(body);
    at += 12 + length;
    if (type === 'IEND') break;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = size * 4;
  const pixels = Buffer.alloc(stride * size);
  for (let row = 0; row < size; row++) {
    expect(raw[row * (stride + 1)]).toBe(0);
    raw.copy(pixels, row * stride, row * (stride + 1) + 1, (row + 1) * (stride + 1));
  }
  return { size, pixels };
}

const pixel = (pixels: Uint8Array, size: number, x: number, y: number) => {
  const at = (Math.floor(y * size) * size + Math.floor(x * size)) * 4;
  return [...pixels.subarray(at, at + 4)];
};

describe('the mark', () => {
  it('is a white U on a brand-blue rounded square with transparent corners', () => {
    const size = 256;
    const pixels = renderMark(size);
    expect(pixel(pixels, size, 0.01, 0.01)).toEqual([0x0a, 0x66, 0xc2, 0]); // outside the rounded corner
    expect(pixel(pixels, size, 0.5, 0.4)).toEqual([0x0a, 0x66, 0xc2, 255]); // between the U's bars
    expect(pixel(pixels, size, 0.367, 0.45)).toEqual([255, 255, 255, 255]); // left bar
    expect(pixel(pixels, size, 0.633, 0.45)).toEqual([255, 255, 255, 255]); // right bar
    expect(pixel(pixels, size, 0.5, 0.69)).toEqual([255, 255, 255, 255]); // bottom of the bend
    expect(pixel(pixels, size, 0.5, 0.85)).toEqual([0x0a, 0x66, 0xc2, 255]); // below the U
  });
});

describe('icon files in build/', () => {
  const generated = iconFiles();

  it('are up to date with the mark (run `npx tsx build/icon/generate.ts` after changing it)', () => {
    for (const [name, bytes] of generated) {
      if (name.endsWith('.png')) {
        // Compared as pixels: another zlib may pack the same image into other bytes.
        expect(decodePng(committed(name)).pixels.equals(decodePng(bytes).pixels), name).toBe(true);
      } else if (name === 'icon.svg') {
        expect(committed(name).toString(), name).toBe(bytes.toString());
      }
    }
  });

  it('give Linux every theme size, each a PNG of its named size', () => {
    for (const size of LINUX_SIZES) {
      const { size: actual, pixels } = decodePng(committed(`icons/${size}x${size}.png`));
      expect(actual).toBe(size);
      expect(pixels.equals(Buffer.from(renderMark(size))), `${size}px`).toBe(true);
    }
    expect(decodePng(committed('icon.png')).size).toBe(1024);
  });

  it('give Windows an .ico with bitmaps up to 128 px and a PNG at 256 px', () => {
    const ico = committed('icon.ico');
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, ICO_SIZES.length]);
    ICO_SIZES.forEach((size, index) => {
      const entry = 6 + index * 16;
      expect(ico[entry] || 256, `width ${size}`).toBe(size);
      expect(ico.readUInt16LE(entry + 6)).toBe(32);
      const image = ico.subarray(
        ico.readUInt32LE(entry + 12),
        ico.readUInt32LE(entry + 12) + ico.readUInt32LE(entry + 8),
      );
      const expected = Buffer.from(renderMark(size));
      if (size === 256) {
        expect(decodePng(image).pixels.equals(expected)).toBe(true);
        return;
      }
      // BITMAPINFOHEADER: 40 bytes, doubled height, 32 bits; then BGRA rows from the bottom.
      expect([
        image.readUInt32LE(0),
        image.readInt32LE(4),
        image.readInt32LE(8),
        image.readUInt16LE(14),
      ]).toEqual([40, size, size * 2, 32]);
      for (let row = 0; row < size; row++) {
        const stored = 40 + (size - 1 - row) * size * 4;
        for (let column = 0; column < size; column++) {
          const from = (row * size + column) * 4;
          const to = stored + column * 4;
          const bgra = [expected[from + 2], expected[from + 1], expected[from], expected[from + 3]];
          if (!bgra.every((value, i) => image[to + i] === value))
            throw new Error(`${size}px: pixel ${column},${row}`);
        }
      }
      // The 1-bit AND mask follows, a 32-bit-aligned row per pixel row.
      expect(image.length).toBe(40 + size * size * 4 + Math.ceil(size / 32) * 4 * size);
    });
  });

  it('give macOS an .icns with every Retina and standard size as PNG', () => {
    const icns = committed('icon.icns');
    expect(icns.toString('ascii', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const found: Array<[string, number]> = [];
    for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4)) {
      const type = icns.toString('ascii', at, at + 4);
      found.push([type, decodePng(icns.subarray(at + 8, at + icns.readUInt32BE(at + 4))).size]);
    }
    expect(found).toEqual(ICNS_TYPES.map(([type, size]) => [type, size]));
  });
});
