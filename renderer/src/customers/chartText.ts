/** Breaks a label into lines of at most `width` characters for a chart axis, at most `lines` of them (the rest cut with "…"). */
export function wrapLabel(label: string, width = 34, lines = 2): string {
  const words = label.split(/\s+/).filter((word) => word !== '');
  const out: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (candidate.length <= width || line === '') {
      line = candidate;
    } else {
      out.push(line);
      line = word;
    }
  }
  if (line !== '') out.push(line);
  const kept = out.slice(0, lines).map((text) => (text.length > width ? `${text.slice(0, width - 1)}…` : text));
  if (out.length > lines) {
    const last = kept[lines - 1];
    kept[lines - 1] = `${last.length >= width ? last.slice(0, width - 1) : last}…`;
  }
  return kept.map(escapeChartText).join('<br>');
}

/** Plotly reads a little HTML in text: angle brackets and ampersands are shown as written. */
export function escapeChartText(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** A left margin wide enough for axis labels of these lengths (in characters, 12 px type), within bounds. */
export function labelMargin(labels: string[], min = 48, max = 260): number {
  const longest = Math.max(0, ...labels.flatMap((label) => label.split('<br>').map((line) => line.replaceAll(/&\w+;/g, '_').length)));
  return Math.round(Math.min(max, Math.max(min, 16 + longest * 6.6)));
}
