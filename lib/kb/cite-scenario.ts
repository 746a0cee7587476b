/** What a scenario citation needs: where the site lives, the scenario's content hash and what it showed. */
export interface ScenarioCitationInput {
  siteUrl: string;
  /** The scenario's content hash (lower-case hex), the stable part of `/s/<hash>`. */
  hash: string;
  scenarioId: string;
  variant: string;
  invariant: string;
  /** The 1-based step at which the invariant broke, or null when the variant keeps it. */
  step: number | null;
}

/** A citation in the three forms a reviewer pastes: trailer, markdown link, offline command. */
export interface Citation {
  url: string;
  trailer: string;
  markdown: string;
  command: string;
}

const SAFE_SHELL_WORD = /^[A-Za-z0-9._:@/+=-]+$/;

/** Quotes a word for a POSIX shell only when it needs it, so ordinary ids stay readable. */
export function shellWord(word: string): string {
  return SAFE_SHELL_WORD.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/** The site's base URL without a trailing slash. */
export function siteBase(siteUrl: string): string {
  return siteUrl.replace(/\/+$/, '');
}

/**
 * Cites a scenario run: `Link: <site>/s/<hash> # <id>: <variant> violates <invariant> at step <n>`
 * (or `keeps <invariant>`), the same as a markdown link, and the CLI command that replays it offline.
 */
export function citeScenario(input: ScenarioCitationInput): Citation {
  if (!/^[0-9a-f]{8,64}$/.test(input.hash)) throw new Error(`citeScenario: not a content hash: ${input.hash}`);
  if (input.step !== null && !(Number.isInteger(input.step) && input.step >= 1)) {
    throw new Error(`citeScenario: a step is a whole number from 1, got ${input.step}`);
  }
  const url = `${siteBase(input.siteUrl)}/s/${input.hash}`;
  const verdict = input.step === null ? `keeps ${input.invariant}` : `violates ${input.invariant} at step ${input.step}`;
  const text = `${input.scenarioId}: ${input.variant} ${verdict}`;
  return {
    url,
    trailer: `Link: ${url} # ${text}`,
    markdown: `[${text}](${url})`,
    command: `npx threadlab scenario run ${shellWord(input.scenarioId)} --variant ${shellWord(input.variant)}`,
  };
}
