import { shellWord, siteBase, type Citation } from './cite-scenario';

/** What a claim citation needs: the site, the message's Message-ID and the claim's identity. */
export interface ClaimCitationInput {
  siteUrl: string;
  /** The Message-ID of the message holding the claim, with or without angle brackets. */
  messageId: string;
  thread: string;
  claimId: string;
  speaker: string;
  /** A short title of the claim, as in its annotation heading. */
  title: string;
}

/** A Message-ID as it appears in a permalink path: no brackets, `@` kept as lore keeps it, the rest escaped. */
export function messageIdPath(messageId: string): string {
  return encodeURIComponent(messageId.trim().replace(/^<|>$/g, '')).replaceAll('%40', '@');
}

/**
 * Cites a claim: `Link: <site>/m/<Message-ID> # <thread>#<claim>: <speaker>: <title>`, the same as
 * a markdown link, and the CLI command that shows the claim (and its scenarios) offline.
 */
export function citeClaim(input: ClaimCitationInput): Citation {
  if (!/^[a-z]\d+$/.test(input.claimId)) throw new Error(`citeClaim: not a claim id: ${input.claimId}`);
  const url = `${siteBase(input.siteUrl)}/m/${messageIdPath(input.messageId)}`;
  const ref = `${input.thread}#${input.claimId}`;
  const text = `${ref}: ${input.speaker}: ${input.title}`;
  return {
    url,
    trailer: `Link: ${url} # ${text}`,
    markdown: `[${text}](${url})`,
    command: `npx threadlab claim show ${shellWord(ref)}`,
  };
}
