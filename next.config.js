// Next.js configuration. The store uses better-sqlite3 (a native module), which must stay a
// runtime `require` on the server instead of being bundled.
import { fileURLToPath } from 'node:url';

// The queries whose /search?q= page can be served by the cached /search/q/<query>. Next.js puts
// the decoded value into the path unescaped, so a query holding "/", "#", "?", "%", a backslash
// or a control character, being "." or "..", or ending in a space would name another path (or
// lose the space); those stay on the uncached /search page, which answers every query.
const SEARCH_REWRITABLE = '(?<q>(?!\\.\\.?$)(?!.*\\s$)[^/#?%\\\\\\u0000-\\u001f\\u007f]+)';

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Rendered pages are kept until the database changes (see the file); Next's own memory cache
  // in front of it would not know when that happens.
  cacheHandler: fileURLToPath(new URL('./lib/site/page-cache.mjs', import.meta.url)),
  cacheMaxMemorySize: 0,
  serverExternalPackages: ['better-sqlite3'],
  poweredByHeader: false,
  // Next.js hashes every response body for an ETag, in JavaScript, on every request: a third of
  // the cost of serving a cached thread page. Pages change only on import, and a 304 would save
  // a reader little, so no ETags.
  generateEtags: false,
  reactStrictMode: true,
  // Lint and typecheck run in `npm run check`; the build need not repeat them.
  eslint: { ignoreDuringBuilds: true },
  typescript: { ignoreBuildErrors: true },
  // TypeScript ESM style: a `./x.js` import may name `./x.ts` (lib/scenario/node.ts needs it, since
  // a bare `./x.node` would be read as a native addon by Node's resolver).
  webpack(config) {
    config.resolve.extensionAlias = { ...config.resolve.extensionAlias, '.js': ['.ts', '.tsx', '.js'] };
    return config;
  },
  // Defence in depth: pages render mail only as text, and the policy forbids plugins, framing,
  // foreign scripts and base-URL tricks even if a rendering bug ever let markup through.
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'Content-Security-Policy', value: "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'; worker-src 'self' blob:" },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'same-origin' },
        ],
      },
      // Next.js marks cached pages `s-maxage=31536000`: a shared cache in front of the server
      // would keep them for a year, past any import. The server's own cache knows when to drop
      // them (lib/site/page-cache.mjs), so others must ask each time.
      // One rule for /t/…, /search and /search/q/… (every rule is matched on every request).
      { source: '/:section(t|search)/:rest*', headers: [{ key: 'Cache-Control', value: 'no-cache' }] },
    ];
  },
  // /search?q= to the cached results page (see SEARCH_REWRITABLE above); /t/<thread>.mbox is the
  // thread as an mbox download, served by a route handler (afterFiles: before dynamic routes).
  async rewrites() {
    return {
      beforeFiles: [{ source: '/search', has: [{ type: 'query', key: 'q', value: SEARCH_REWRITABLE }], destination: '/search/q/:q' }],
      afterFiles: [{ source: '/t/:thread.mbox', destination: '/api/threads/:thread/mbox' }],
    };
  },
};

export default nextConfig;
