// Next.js configuration. The store uses better-sqlite3 (a native module), which must stay a
// runtime `require` on the server instead of being bundled.
/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ['better-sqlite3'],
  poweredByHeader: false,
  reactStrictMode: true,
  // Lint and typecheck run in `npm run check`; the build need not repeat them.
  eslint: { ignoreDuringBuilds: true },
  typescript: { ignoreBuildErrors: true },
  // /t/<thread>.mbox is the thread as an mbox download, served by a route handler.
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
    ];
  },
  async rewrites() {
    return [{ source: '/t/:thread.mbox', destination: '/api/threads/:thread/mbox' }];
  },
};

export default nextConfig;
