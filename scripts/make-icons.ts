/**
 * Draws the Teams app icons into appPackage/: a gauge (the product's two numbers are gauges) with its
 * needle past the middle. color.png 192x192 (white gauge on the accent colour), outline.png 32x32
 * (white on transparent, as Teams requires). Run with `npx tsx scripts/make-icons.ts` after a change.
 */
import { writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';

/** The manifest's accentColor, also the colour icon's background. */
const ACCENT = { r: 0x1f, g: 0x6f, b: 0x8b };
const SUPERSAMPLE = 4;

/** Whether a point of the unit square (y down) is inside the gauge symbol. */
function inGauge(x: number, y: number): boolean {
  const cx = 0.5;
  const cy = 0.66;
  const dx = x - cx;
  const dy = y - cy;
  const r = Math.hypot(dx, dy);
  const arc = dy <= 0 && r >= 0.3 && r <= 0.46;
  const hub = r <= 0.08;
  // Needle towards 2 o'clock: distance from the segment centre -> tip.
  const angle = Math.PI / 4;
  const tx = Math.cos(angle) * 0.36;
  const ty = -Math.sin(angle) * 0.36;
  const t = Math.max(0, Math.min(1, (dx * tx + dy * ty) / (tx * tx + ty * ty)));
  const needle = Math.hypot(dx - t * tx, dy - t * ty) <= 0.035;
  return arc || hub || needle;
}

/** Fraction of a pixel covered by the symbol, drawn at `scale` of the icon and centred. */
function coverage(px: number, py: number, size: number, scale: number): number {
  let inside = 0;
  for (let i = 0; i < SUPERSAMPLE; i++) {
    for (let j = 0; j < SUPERSAMPLE; j++) {
      const x = (px + (i + 0.5) / SUPERSAMPLE) / size;
      const y = (py + (j + 0.5) / SUPERSAMPLE) / size;
      if (inGauge((x - 0.5) / scale + 0.5, (y - 0.5) / scale + 0.5)) inside++;
    }
  }
  return inside / (SUPERSAMPLE * SUPERSAMPLE);
}

function draw(size: number, scale: number, background: typeof ACCENT | null): PNG {
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const c = coverage(x, y, size, scale);
      const at = (y * size + x) * 4;
      if (background === null) {
        png.data.set([255, 255, 255, Math.round(c * 255)], at);
      } else {
        const mix = (channel: number): number => Math.round(channel + (255 - channel) * c);
        png.data.set([mix(background.r), mix(background.g), mix(background.b), 255], at);
      }
    }
  }
  return png;
}

writeFileSync('appPackage/color.png', PNG.sync.write(draw(192, 0.7, ACCENT)));
writeFileSync('appPackage/outline.png', PNG.sync.write(draw(32, 1, null)));
