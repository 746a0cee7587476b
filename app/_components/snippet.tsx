/** A search snippet whose matches the store wrapped in « and », shown with <mark> and no HTML from mail. */
export function Snippet({ text }: { text: string }) {
  const parts: { mark: boolean; text: string }[] = [];
  let rest = text;
  while (rest.length > 0) {
    const open = rest.indexOf('«');
    const close = open === -1 ? -1 : rest.indexOf('»', open + 1);
    if (open === -1 || close === -1) {
      parts.push({ mark: false, text: rest });
      break;
    }
    if (open > 0) parts.push({ mark: false, text: rest.slice(0, open) });
    parts.push({ mark: true, text: rest.slice(open + 1, close) });
    rest = rest.slice(close + 1);
  }
  return <span className="snippet">{parts.map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : p.text))}</span>;
}
