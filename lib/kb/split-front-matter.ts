/** A markdown file cut into its leading `---` YAML block and the markdown after it. */
export interface FrontMatterSplit {
  /** The YAML between the fences, or null when the file has no front matter. */
  yaml: string | null;
  /** The markdown after the closing fence (the whole file when there is no front matter). */
  body: string;
  /** How many lines precede `body`, so positions in the body can be reported as file lines. */
  bodyLineOffset: number;
}

/** Splits a leading `---` ... `---` YAML block off a markdown file; an unclosed block counts as none. */
export function splitFrontMatter(source: string): FrontMatterSplit {
  const lines = source.split('\n');
  if ((lines[0] ?? '').trimEnd() !== '---') return { yaml: null, body: source, bodyLineOffset: 0 };
  const close = lines.findIndex((line, i) => i > 0 && line.trimEnd() === '---');
  if (close < 0) return { yaml: null, body: source, bodyLineOffset: 0 };
  return {
    yaml: lines.slice(1, close).join('\n'),
    body: lines.slice(close + 1).join('\n'),
    bodyLineOffset: close + 1,
  };
}
