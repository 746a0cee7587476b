import type { ThreadClaim } from '@/lib/store';
import { threadUrl } from '@/app/_components/urls';
import { claimAnchor } from '@/app/_components/claims/claim-card';

function status(c: ThreadClaim['claim']): string {
  return c.status.state === 'landed' && c.status.commit !== null ? `landed ${c.status.commit.slice(0, 12)}` : c.status.state;
}

/** Claims as a table, each linked to its card on the thread page (`/t/<root>#claim-<id>`) when the thread is imported. */
export function ThreadClaims({ claims, roots }: { claims: ThreadClaim[]; roots: ReadonlyMap<string, string | null> }) {
  if (claims.length === 0) return <p className="empty">No annotated claim concerns it yet.</p>;
  return (
    <table className="catalogue-claims">
      <thead>
        <tr>
          <th>claim</th>
          <th>kind</th>
          <th>what was said</th>
          <th>speaker</th>
          <th>status</th>
        </tr>
      </thead>
      <tbody>
        {claims.map(({ thread, claim }) => {
          const root = roots.get(thread) ?? null;
          const label = `${thread}#${claim.id}`;
          return (
            <tr key={label} data-claim={label}>
              <td className="mono small">{root !== null ? <a href={`${threadUrl(root)}#${claimAnchor(claim.id)}`}>{label}</a> : label}</td>
              <td className="small">{claim.kind}</td>
              <td>{claim.title}</td>
              <td className="small">{claim.speaker}</td>
              <td className="small muted">{status(claim)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
