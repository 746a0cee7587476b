/** A request body refused for being larger than the limit. */
export class BodyTooLargeError extends Error {}

/**
 * The request body as text, read chunk by chunk and refused as soon as it passes `bytesMax`, so a
 * large upload costs at most the limit in memory (Content-Length may be absent or wrong).
 */
export async function readBodyLimited(req: Request, bytesMax: number): Promise<string> {
  const declared = Number(req.headers.get('content-length') ?? 'NaN');
  if (Number.isFinite(declared) && declared > bytesMax) throw new BodyTooLargeError(`the body is ${declared} bytes; at most ${bytesMax} are accepted`);
  if (req.body === null) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > bytesMax) {
      await reader.cancel();
      throw new BodyTooLargeError(`the body is more than ${bytesMax} bytes; at most ${bytesMax} are accepted`);
    }
    chunks.push(value);
  }
  const all = new Uint8Array(bytes);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(all);
}
