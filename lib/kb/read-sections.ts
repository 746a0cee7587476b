import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { toString } from 'mdast-util-to-string';

/** A markdown body's h1 title and the plain text of each `##` section (text before any `##` under ''). */
export interface Sections {
  title: string;
  sections: Map<string, string>;
}

/** Reads the title and sections of a catalogue body; paragraphs are joined by blank lines. */
export function readSections(body: string): Sections {
  const tree = unified().use(remarkParse).parse(body);
  let title = '';
  let current = '';
  const parts = new Map<string, string[]>();
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth === 1) title = toString(node).trim();
    else if (node.type === 'heading') current = toString(node).trim().toLowerCase();
    else if (node.type === 'paragraph') {
      const list = parts.get(current) ?? [];
      list.push(toString(node).replace(/\s+/g, ' ').trim());
      parts.set(current, list);
    }
  }
  return { title, sections: new Map([...parts].map(([k, v]) => [k, v.join('\n\n')])) };
}
