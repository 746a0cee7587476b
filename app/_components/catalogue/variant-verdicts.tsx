import type { ScenarioEntry } from '@/lib/store';
import { scenarioUrl } from './catalogue-urls';

function verdictText(v: string): string {
  return v === 'never' ? 'never violated' : `${v} violated`;
}

/**
 * The verdicts a scenario file expects, one line per variant (linked to its replay). For one
 * invariant: `<variant>: <verdict>`. For several: only those the variant violates, or that it
 * keeps them all, so a long table of "never" does not hide the one that breaks.
 */
export function VariantVerdicts({ entry, invariants }: { entry: ScenarioEntry; invariants: readonly string[] }) {
  const s = entry.scenario;
  return (
    <ul className="variant-verdicts">
      {Object.entries(s.expect).map(([variant, table]) => {
        const shown = invariants.length === 1 ? invariants : invariants.filter((inv) => (table[inv] ?? 'never') !== 'never');
        return (
          <li key={variant} data-variant={variant}>
            <a href={scenarioUrl(s.thread, s.id, variant)} className="mono small">{variant}</a>:{' '}
            {shown.length === 0 ? <span className="verdict-badge never" data-verdict="never">violates none of its {invariants.length} invariants</span> : null}
            {shown.map((inv, i) => {
              const v = table[inv] ?? 'unknown';
              return (
                <span key={inv} className={`verdict-badge ${v}`} data-invariant={inv} data-verdict={v}>
                  {i > 0 ? '; ' : ''}
                  {invariants.length > 1 ? `${inv} ` : ''}
                  {verdictText(v)}
                </span>
              );
            })}
          </li>
        );
      })}
    </ul>
  );
}
