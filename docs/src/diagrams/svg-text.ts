// Text helpers shared by the diagram renderers. The site is built without a browser, so text
// width is estimated from character classes instead of measured; the estimate errs wide so
// labels never overlap their neighbours.

/** Font size of diagram labels, in SVG user units (pixels at 100 % zoom). */
export const FONT_SIZE = 13;

/** Height of one line of label text. */
export const LINE_HEIGHT = 17;

const NARROW = /[iljtfr.,:;'|!()[\]{} ]/;
const WIDE = /[MWmw@%#]/;

/** Estimated rendered width of `text` at {@link FONT_SIZE} in a sans-serif font. */
export function textWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    if (NARROW.test(char)) width += 4.2;
    else if (WIDE.test(char)) width += 11;
    else if (/[A-Z0-9]/.test(char)) width += 8.6;
    else width += 7.2;
  }
  return Math.ceil(width);
}

/** Width of the widest line of a multi-line label. */
export function linesWidth(lines: readonly string[]): number {
  return Math.max(0, ...lines.map(textWidth));
}

/** Splits a label on Mermaid's `<br>` / `<br/>` line breaks. */
export function splitLines(label: string): string[] {
  return label
    .split(/<br\s*\/?>/i)
    .map((line) => line.trim())
    .filter((line, index, all) => line.length > 0 || all.length === 1);
}

/** Escapes text for use inside SVG/HTML element content and attribute values. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** `<text>` element(s) for a label whose lines are centred on `x`, first baseline at `y`. */
export function textLines(lines: readonly string[], x: number, y: number, anchor = 'middle'): string {
  return lines
    .map(
      (line, index) =>
        `<text x="${round(x)}" y="${round(y + index * LINE_HEIGHT)}" text-anchor="${anchor}">${escapeXml(line)}</text>`,
    )
    .join('');
}

/** Rounds a coordinate to one decimal so the SVG stays short and stable between builds. */
export function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** The opening `<svg>` tag every diagram uses: scalable, accessible, colours from the page. */
export function svgOpen(width: number, height: number, label: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="iotkit-diagram" viewBox="0 0 ${round(width)} ${round(height)}" ` +
    `width="${round(width)}" role="img" aria-label="${escapeXml(label)}" ` +
    `font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" font-size="${FONT_SIZE}" ` +
    `fill="currentColor" stroke-linecap="round"><title>${escapeXml(label)}</title>`
  );
}
