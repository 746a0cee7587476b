import type { KbDiagnostic } from '@/lib/kb';

/** The problems found in a catalogue's files, one line each with file:line, or nothing when there are none. */
export function CatalogueProblems({ diagnostics }: { diagnostics: readonly KbDiagnostic[] }) {
  if (diagnostics.length === 0) return null;
  return (
    <>
      <h2>Problems in the catalogue</h2>
      <ul className="diagnostics small">
        {diagnostics.map((d, i) => (
          <li key={i} className="mono">
            {d.file}:{d.line}: {d.reason} [{d.ruleId}]
          </li>
        ))}
      </ul>
    </>
  );
}
