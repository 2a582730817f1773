// The operator's colour as Mantine's primary colour, darkened until white text on it (filled buttons) and it on
// white (links) reach the WCAG AA contrast of 4.5:1.
import { colorsTuple, createTheme } from '@mantine/core';

const DEFAULT_COLOR = '#1c7ed6';

function channels(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

function luminance([r, g, b]: [number, number, number]): number {
  const linear = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

const hex = (rgb: [number, number, number]) => `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`;

/** The colour itself when white on it reaches 4.6:1, else the colour darkened step by step until it does. */
export function accessibleColor(color: string | undefined): string {
  const start = color && /^#[0-9a-fA-F]{6}$/.test(color) ? color : DEFAULT_COLOR;
  let rgb = channels(start);
  for (let step = 0; step < 40 && 1.05 / (luminance(rgb) + 0.05) < 4.6; step++) {
    rgb = rgb.map((c) => Math.round(c * 0.92)) as [number, number, number];
  }
  return hex(rgb);
}

export function brandTheme(color: string | undefined) {
  return createTheme({
    colors: { brand: colorsTuple(accessibleColor(color)) },
    primaryColor: 'brand',
    primaryShade: 6,
    autoContrast: true,
    // Long Russian and Kazakh words fit a 375 px screen.
    headings: { sizes: { h1: { fontSize: 'clamp(1.5rem, 7vw, 2.125rem)' } } },
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  });
}
