import type { Claim, ClaimKind } from './types';
import type { AnnotationFrontMatter } from './annotation-front-matter';

type Report = (line: number, claim: string | null, field: string | null, ruleId: string, reason: string) => void;

/** Kinds whose truth a scenario can show, so they must link one or say what it must show. */
export const REPLAYABLE_KINDS: readonly ClaimKind[] = ['bug-report', 'root-cause', 'proposed-fix', 'objection'];

/**
 * Checks what no single field can: unique ids, answers that exist, messages named in the front
 * matter at the depth the front matter gives, landed commits from the outcome, and replay links.
 * Returns the claims that pass; the others are reported.
 */
export function checkClaims(claims: Claim[], front: AnnotationFrontMatter, report: Report): Claim[] {
  const ids = new Set<string>();
  const unique: Claim[] = [];
  for (const claim of claims) {
    if (ids.has(claim.id)) report(claim.line, claim.id, null, 'duplicate-claim', `claim ${claim.id} is defined twice`);
    else {
      ids.add(claim.id);
      unique.push(claim);
    }
  }
  return unique.filter((claim) => checkOne(claim, ids, front, report));
}

function checkOne(claim: Claim, ids: Set<string>, front: AnnotationFrontMatter, report: Report): boolean {
  const before = { n: 0 };
  const fail: Report = (...args) => {
    before.n += 1;
    report(...args);
  };
  const { line, id } = claim;
  for (const target of claim.answers) {
    if (target === id) fail(line, id, 'answers', 'answers-self', 'a claim cannot answer itself');
    else if (!ids.has(target)) fail(line, id, 'answers', 'answers-unknown', `no claim ${target} in this file`);
  }
  if (claim.kind === 'objection' && claim.answers.length === 0) {
    fail(line, id, 'answers', 'objection-answers-nothing', 'an objection names the claim it objects to');
  }
  const message = front.messages.find((m) => m.speaker === claim.message.speaker && m.date === claim.message.date);
  if (message === undefined) {
    fail(line, id, 'message', 'message-unknown', `"${claim.message.speaker}, ${claim.message.date}" is not in the front matter's messages`);
  } else if (message.depth !== claim.depth) {
    fail(line, id, 'depth', 'depth-mismatch', `that message's words are at depth ${message.depth} in the seed page, not ${claim.depth}`);
  }
  if (claim.speaker !== claim.message.speaker) {
    fail(line, id, 'speaker', 'speaker-mismatch', `the speaker (${claim.speaker}) is not the message's author (${claim.message.speaker})`);
  }
  const commit = claim.status.commit;
  if (commit !== null && !front.outcome.commits.some((c) => c.id.startsWith(commit) || commit.startsWith(c.id))) {
    fail(line, id, 'status', 'commit-unknown', `commit ${commit} is not in the front matter's outcome`);
  }
  // A sentence ends at . ! or ? followed by a capital, backtick or parenthesis ("v5.7 and" does not split).
  if (claim.paraphrase.split(/(?<=[.!?])\s+(?=[A-Z`(])/).length > 1) {
    fail(line, id, 'paraphrase', 'paraphrase-not-one-sentence', 'the paraphrase is one sentence in your own words');
  }
  const hasReplay = claim.scenarios.length > 0 || claim.scenarioPending !== null;
  if (!hasReplay && claim.notReplayable === null) {
    // A replayable kind is told what it should carry; any kind may instead say why it cannot be replayed.
    const what = REPLAYABLE_KINDS.includes(claim.kind) ? `a ${claim.kind} links a scenario or says what one must show (scenario-pending)` : 'link a scenario, describe a pending one, or say why it cannot be replayed';
    fail(line, id, 'scenario', 'replay-missing', what);
  }
  return before.n === 0;
}
