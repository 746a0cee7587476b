import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'threadlab', template: '%s · threadlab' },
  description: 'Linux kernel mailing-list threads whose technical arguments can be replayed.',
};

/** The frame of every page: a plain header with the site's name and its main sections. */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header className="site-header">
          <a href="/" className="brand">threadlab</a>
          <span className="tagline">kernel mailing-list threads, replayable</span>
          <nav>
            <a href="/">threads</a>
            <a href="/search">search</a>
            <a href="/inv">invariants</a>
            <a href="/sub">subsystems</a>
            <a href="/playground">playground</a>
          </nav>
        </header>
        <main>{children}</main>
      </body>
    </html>
  );
}
