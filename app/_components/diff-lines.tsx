/** A patch rendered line by line with the usual diff colours; text only, never HTML. */
export function DiffLines({ text }: { text: string }) {
  const lines = text.split('\n');
  return (
    <pre className="diff">
      {lines.map((line, i) => {
        const cls = line.startsWith('+++') || line.startsWith('---') ? 'dh' : line.startsWith('@@') ? 'dhunk' : line.startsWith('+') ? 'dadd' : line.startsWith('-') ? 'ddel' : line.startsWith('diff ') || line.startsWith('index ') ? 'dh' : undefined;
        return (
          <span key={i} className={cls}>
            {line}
            {i < lines.length - 1 ? '\n' : ''}
          </span>
        );
      })}
    </pre>
  );
}
