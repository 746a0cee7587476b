// The playground's share links carry the scenario in the URL fragment (never sent to the server):
// the JSON text compressed with the browser's own deflate-raw and written as base64url.

/** The longest fragment payload a share link may carry; longer scenarios are refused, not truncated. */
export const SHARE_CHARS_MAX = 32_000;

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 1) bin += String.fromCharCode(bytes[i]!);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(s)) throw new Error('the link is not base64url');
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (s.length % 4)) % 4);
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i += 1) out[i] = bin.charCodeAt(i);
  return out;
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const body = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(body).arrayBuffer());
}

/** The scenario text as a share payload (deflate-raw, base64url). */
export async function encodeScenarioText(text: string): Promise<string> {
  return toBase64Url(await pipe(new TextEncoder().encode(text), new CompressionStream('deflate-raw')));
}

/** The scenario text back from a share payload; throws with a readable message when it is damaged. */
export async function decodeScenarioText(payload: string): Promise<string> {
  if (payload.length > SHARE_CHARS_MAX) throw new Error(`the link's scenario is ${payload.length} characters; at most ${SHARE_CHARS_MAX} are read`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(await pipe(fromBase64Url(payload), new DecompressionStream('deflate-raw')));
  } catch (err) {
    throw new Error(`the link's scenario cannot be read (truncated or altered?): ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** The parts of a `#s=<payload>&h=<hash>&v=<variant>` fragment, or null when it holds no scenario. */
export function readShareFragment(hash: string): { payload: string; hash: string | null; variant: string | null } | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const payload = params.get('s');
  return payload === null ? null : { payload, hash: params.get('h'), variant: params.get('v') };
}
