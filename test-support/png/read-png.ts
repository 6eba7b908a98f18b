/**
 * A tiny PNG decoder for tests (8-bit greyscale, RGB and RGBA, non-interlaced: what Chromium's screenshots are),
 * written by hand so a screenshot can be checked for content without an image library: zlib inflates the IDAT data,
 * then each row is un-filtered.
 */
import { inflateSync } from 'node:zlib';

export interface DecodedPng {
  width: number;
  height: number;
  /** RGBA, 4 bytes per pixel, rows top to bottom. */
  rgba: Uint8Array;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };

export function readPng(bytes: Buffer): DecodedPng {
  if (bytes.length < 8 || !bytes.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG file');
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const data: Buffer[] = [];
  while (offset + 8 <= bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const body = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const depth = body[8];
      const colourType = body[9] ?? -1;
      const interlace = body[12];
      channels = CHANNELS[colourType] ?? 0;
      if (depth !== 8 || channels === 0 || interlace !== 0)
        throw new Error(`unsupported PNG: depth ${depth}, colour type ${colourType}, interlace ${interlace}`);
    } else if (type === 'IDAT') {
      data.push(body);
    } else if (type === 'IEND') {
      break;
    }
    offset += 12 + length;
  }
  if (width === 0 || height === 0) throw new Error('PNG without IHDR');
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  if (raw.length < height * (stride + 1)) throw new Error('PNG data is truncated');
  const pixels = new Uint8Array(height * stride);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)];
    const line = y * stride;
    const previous = line - stride;
    for (let x = 0; x < stride; x += 1) {
      const value = raw[y * (stride + 1) + 1 + x] ?? 0;
      const left = x >= channels ? (pixels[line + x - channels] ?? 0) : 0;
      const up = y > 0 ? (pixels[previous + x] ?? 0) : 0;
      const upLeft = y > 0 && x >= channels ? (pixels[previous + x - channels] ?? 0) : 0;
      let predicted = 0;
      switch (filter) {
        case 0:
          break;
        case 1:
          predicted = left;
          break;
        case 2:
          predicted = up;
          break;
        case 3:
          predicted = (left + up) >> 1;
          break;
        case 4: {
          const p = left + up - upLeft;
          const pa = Math.abs(p - left);
          const pb = Math.abs(p - up);
          const pc = Math.abs(p - upLeft);
          predicted = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
          break;
        }
        default:
          throw new Error(`unknown PNG filter ${filter}`);
      }
      pixels[line + x] = (value + predicted) & 0xff;
    }
  }
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i += 1) {
    const at = i * channels;
    const grey = channels <= 2;
    rgba[i * 4] = pixels[at] ?? 0;
    rgba[i * 4 + 1] = grey ? (pixels[at] ?? 0) : (pixels[at + 1] ?? 0);
    rgba[i * 4 + 2] = grey ? (pixels[at] ?? 0) : (pixels[at + 2] ?? 0);
    rgba[i * 4 + 3] = channels === 4 ? (pixels[at + 3] ?? 0) : channels === 2 ? (pixels[at + 1] ?? 0) : 255;
  }
  return { width, height, rgba };
}

/** The distinct colours (RGB, alpha ignored) in a rectangle, quantised to 4 bits per channel so antialiasing counts little. */
export function coloursIn(
  png: DecodedPng,
  area: { x: number; y: number; width: number; height: number } = {
    x: 0,
    y: 0,
    width: png.width,
    height: png.height,
  },
): Set<number> {
  const colours = new Set<number>();
  const right = Math.min(png.width, area.x + area.width);
  const bottom = Math.min(png.height, area.y + area.height);
  for (let y = Math.max(0, area.y); y < bottom; y += 1) {
    for (let x = Math.max(0, area.x); x < right; x += 1) {
      const at = (y * png.width + x) * 4;
      colours.add(
        (((png.rgba[at] ?? 0) >> 4) << 8) |
          (((png.rgba[at + 1] ?? 0) >> 4) << 4) |
          ((png.rgba[at + 2] ?? 0) >> 4),
      );
    }
  }
  return colours;
}
