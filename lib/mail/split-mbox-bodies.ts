// A deliberately simple mbox body splitter for measurements and corpus-wide tests of the body
// parser (the importer has the real one): split on From_ lines, drop the headers up to the first
// blank line, undo mboxrd `>From` escaping. Nothing is decoded.

/** The raw bodies of an mbox text (a text without From_ lines is one message). */
export function splitMboxBodies(text: string): string[] {
  const messages: string[] = [];
  let current: string[] = [];
  let seenFrom = false;
  let pos = 0;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const end = nl < 0 ? text.length : nl + 1;
    const line = text.slice(pos, end);
    if (line.startsWith('From ')) {
      if (seenFrom || current.length > 0) messages.push(current.join(''));
      current = [];
      seenFrom = true;
    } else {
      current.push(line);
    }
    pos = end;
  }
  if (current.length > 0) messages.push(current.join(''));
  const bodies: string[] = [];
  for (const m of messages) {
    const sep = /\r?\n\r?\n/.exec(m);
    if (!sep) continue;
    const body = m.slice(sep.index + sep[0].length);
    bodies.push(body.replace(/^>(>*From )/gm, '$1'));
  }
  return bodies;
}
