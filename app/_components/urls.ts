// Stable addresses: every message is reached by its Message-ID, never by its position. Ids are
// percent-encoded here; see pageParam for the way back.

/** The thread page of the thread whose root has this Message-ID. */
export function threadUrl(rootId: string): string {
  return `/t/${encodeURIComponent(rootId)}`;
}

/** The permalink of a message: it resolves to the message's place in its thread. */
export function messageUrl(messageId: string): string {
  return `/m/${encodeURIComponent(messageId)}`;
}

/** The original text of a message, as the archive held it. */
export function rawUrl(messageId: string): string {
  return `/m/${encodeURIComponent(messageId)}/raw`;
}

/** The in-page anchor of a message on its thread page (HTML ids may hold any non-space character). */
export function messageAnchor(messageId: string): string {
  return `m-${messageId}`;
}

/** The URL fragment that targets messageAnchor (percent-encoded where a URL needs it). */
export function messageFragment(messageId: string): string {
  return `#${encodeURIComponent(messageAnchor(messageId))}`;
}

/**
 * A page's dynamic route segment, percent-decoded. Next.js 15 hands pages their params still
 * encoded ("%40" for "@") but route handlers theirs already decoded, so only pages call this.
 */
export function pageParam(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
