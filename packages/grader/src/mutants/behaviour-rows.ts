/** Cells of one Markdown table line, trimmed, without the outer pipes. */
function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((c) => c.trim());
}

/**
 * The row labels of an assignment README's behaviour table: the first Markdown table whose header
 * starts with `| # | Behaviour |`. Its first column (`1`, `2`, … `B1`) is what catalogue mutants
 * name in `row`. Empty when the README has no such table.
 * @param readme - the README's Markdown text
 */
export function behaviourRows(readme: string): string[] {
  const lines = readme.split(/\r?\n/);
  const header = lines.findIndex((l) => {
    const c = cells(l);
    return l.trim().startsWith('|') && c[0] === '#' && /^behaviou?r$/i.test(c[1] ?? '');
  });
  if (header < 0) return [];
  const rows: string[] = [];
  for (const line of lines.slice(header + 2)) {
    if (!line.trim().startsWith('|')) break;
    const label = cells(line)[0] ?? '';
    if (label !== '') rows.push(label.replace(/\*/g, ''));
  }
  return rows;
}
