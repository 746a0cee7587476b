// source.json sidecars: a folder may describe its archive files (origin, list, and the author,
// date, Message-ID and subject a scraped page lost). Values only fill what the file does not say.
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** What a sidecar may say about one file; null or absent means "not known". */
export interface SidecarEntry {
  from: { name: string | null; address: string | null } | null;
  date: string | null;
  messageId: string | null;
  subject: string | null;
  list: string | null;
  origin: string | null;
}

const cache = new Map<string, Record<string, unknown> | null>();

function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}

/** The sidecar entry for `path` from `source.json` in its folder, or null (bad JSON is an error). */
export function sidecarFor(path: string): SidecarEntry | null {
  const dir = dirname(path);
  let files = cache.get(dir);
  if (files === undefined) {
    let text: string | null = null;
    try {
      text = readFileSync(join(dir, 'source.json'), 'utf8');
    } catch {
      text = null;
    }
    if (text === null) files = null;
    else {
      let parsed: { files?: unknown };
      try {
        parsed = JSON.parse(text) as { files?: unknown };
      } catch (err) {
        throw new Error(`${join(dir, 'source.json')} is not valid JSON (${err instanceof Error ? err.message : String(err)})`);
      }
      files = typeof parsed.files === 'object' && parsed.files !== null ? (parsed.files as Record<string, unknown>) : null;
    }
    cache.set(dir, files);
  }
  const raw = files?.[basename(path)];
  if (typeof raw !== 'object' || raw === null) return null;
  const e = raw as Record<string, unknown>;
  const from = typeof e.from === 'object' && e.from !== null ? (e.from as Record<string, unknown>) : null;
  return {
    from: from === null ? null : { name: str(from.name), address: str(from.address) },
    date: str(e.date),
    messageId: str(e.messageId),
    subject: str(e.subject),
    list: str(e.list),
    origin: str(e.origin),
  };
}

/** Forgets cached sidecars (tests write new ones). */
export function clearSidecarCache(): void {
  cache.clear();
}
