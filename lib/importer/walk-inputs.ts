// Expands the command line's files and folders into the files to import, iteratively: folders
// are walked (maildir cur/ and new/ included), notes that are not mail (*.md, *.json, *.yaml,
// README, images, dot-files) are skipped quietly, and the order is stable (sorted) so imports are reproducible.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** A file to import, and whether it is one message of a maildir. */
export interface InputFile {
  path: string;
  maildir: boolean;
}

// Notes, data and code that live beside archives in content folders (never mail).
const NOT_MAIL = /\.(md|markdown|json|ya?ml|toml|ts|tsx|js|mjs|css|png|jpe?g|gif|svg|pdf)$|^README|^LICENSE|^\./i;

/** Every importable file under the given paths; missing paths are reported, not thrown. */
export function walkInputs(paths: readonly string[]): { files: InputFile[]; missing: string[] } {
  const files: InputFile[] = [];
  const missing: string[] = [];
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      missing.push(p);
      continue;
    }
    if (!st.isDirectory()) {
      files.push({ path: p, maildir: false });
      continue;
    }
    const stack = [p];
    const found: InputFile[] = [];
    while (stack.length > 0) {
      const dir = stack.pop() as string;
      let names: string[];
      try {
        names = readdirSync(dir).sort();
      } catch {
        missing.push(dir);
        continue;
      }
      const isMaildir = names.includes('cur') && names.includes('new') && names.includes('tmp');
      for (const n of names) {
        const full = join(dir, n);
        let s;
        try {
          s = statSync(full);
        } catch {
          continue;
        }
        if (s.isDirectory()) {
          // tmp/ holds messages still being delivered: never read them.
          if (!(isMaildir && n === 'tmp')) stack.push(full);
        } else if (!NOT_MAIL.test(n)) {
          found.push({ path: full, maildir: /\/(cur|new)$/.test(dir) });
        }
      }
    }
    found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    files.push(...found);
  }
  return { files, missing };
}
