/**
 * The app's mark: a rounded square in the brand blue with a white "U". One description of it
 * (in a 1024-unit box) gives both the SVG and every raster size, so they cannot drift apart.
 * Rasterizing is plain arithmetic on signed distances (no canvas, no native module): each pixel's
 * coverage is how far its centre lies inside the shape, which anti-aliases the edges.
 */
export const BRAND_BLUE = '#0a66c2';
const BLUE: Rgb = [0x0a, 0x66, 0xc2];
const WHITE: Rgb = [0xff, 0xff, 0xff];
type Rgb = readonly [number, number, number];

const BOX = 1024;
/** The tile, inset a little so the corners are not clipped by launchers that add their own mask. */
const TILE = { inset: 64, radius: 200 } as const;
/** The U's centre line: two bars joined by a lower half circle, drawn with round ends. */
const U = { left: 376, right: 648, top: 314, bend: 574, halfWidth: 64 } as const;
const U_RADIUS = (U.right - U.left) / 2;
const U_CENTRE_X = (U.left + U.right) / 2;

export function markSvg(): string {
  const size = BOX - 2 * TILE.inset;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${BOX} ${BOX}" width="${BOX}" height="${BOX}">`,
    `  <rect x="${TILE.inset}" y="${TILE.inset}" width="${size}" height="${size}" rx="${TILE.radius}" fill="${BRAND_BLUE}"/>`,
    `  <path d="M${U.left} ${U.top} V${U.bend} A${U_RADIUS} ${U_RADIUS} 0 0 0 ${U.right} ${U.bend} V${U.top}"` +
      ` fill="none" stroke="#fff" stroke-width="${2 * U.halfWidth}" stroke-linecap="round"/>`,
    '</svg>',
    '',
  ].join('\n');
}

/** Signed distance to the tile's edge (negative inside), in box units. */
function tileDistance(x: number, y: number): number {
  const half = BOX / 2 - TILE.inset;
  const qx = Math.abs(x - BOX / 2) - (half - TILE.radius);
  const qy = Math.abs(y - BOX / 2) - (half - TILE.radius);
  const ox = Math.max(qx, 0);
  const oy = Math.max(qy, 0);
  return Math.sqrt(ox * ox + oy * oy) + Math.min(Math.max(qx, qy), 0) - TILE.radius;
}

function segmentDistance(x: number, y: number, barX: number): number {
  const dy = y < U.top ? U.top - y : y > U.bend ? y - U.bend : 0;
  const dx = x - barX;
  return Math.sqrt(dx * dx + dy * dy);
}

/** Signed distance to the U's stroke (negative inside), in box units. */
function uDistance(x: number, y: number): number {
  let centreLine = Math.min(segmentDistance(x, y, U.left), segmentDistance(x, y, U.right));
  if (y >= U.bend) {
    const dx = x - U_CENTRE_X;
    const dy = y - U.bend;
    centreLine = Math.min(centreLine, Math.abs(Math.sqrt(dx * dx + dy * dy) - U_RADIUS));
  }
  return centreLine - U.halfWidth;
}

const coverage = (distance: number, pixel: number) => Math.min(1, Math.max(0, 0.5 - distance / pixel));

/** The mark at `size`×`size` pixels: RGBA, 8 bits a channel, rows top to bottom, not premultiplied. */
export function renderMark(size: number): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  const pixel = BOX / size;
  for (let row = 0; row < size; row++) {
    for (let column = 0; column < size; column++) {
      const x = (column + 0.5) * pixel;
      const y = (row + 0.5) * pixel;
      const alpha = coverage(tileDistance(x, y), pixel);
      const white = alpha === 0 ? 0 : coverage(uDistance(x, y), pixel);
      const at = (row * size + column) * 4;
      for (let channel = 0; channel < 3; channel++) {
        pixels[at + channel] = Math.round(BLUE[channel]! + (WHITE[channel]! - BLUE[channel]!) * white);
      }
      pixels[at + 3] = Math.round(alpha * 255);
    }
  }
  return pixels;
}
