// The browser-test harness: a seeded SQLite file, the real Next.js production server on a free
// port, and Debian's Chromium driven by playwright-core with a fresh profile. Tests start the
// pieces the way a user does (`threadlab import`, `next start`), never in-process fakes.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const projectRoot = resolve(import.meta.dirname, '../..');
export const CHROMIUM = '/usr/bin/chromium';
export const screenshotDir = join(projectRoot, 'test-results', 'screenshots');

/** A temporary folder removed by `cleanup`. */
export function tempDir(prefix: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs the real CLI (`node scripts/threadlab.mjs ...`) against a database file; returns its output. */
export function runCli(args: string[], db: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(projectRoot, 'scripts/threadlab.mjs'), ...args], {
    cwd: projectRoot,
    env: { ...process.env, THREADLAB_DB: db },
    encoding: 'utf8',
    timeout: 300_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Asks the kernel for a free loopback port. */
export async function freePort(): Promise<number> {
  return await new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr !== null ? addr.port : 0;
      srv.close(() => ok(port));
    });
  });
}

export interface RunningServer {
  url: string;
  stop: () => Promise<void>;
  output: () => string;
}

/** Starts `next start` (the production build in .next/) on a free port with THREADLAB_DB set. */
export async function startServer(db: string): Promise<RunningServer> {
  if (!existsSync(join(projectRoot, '.next', 'BUILD_ID'))) {
    throw new Error('no production build in .next/: run `npm run build` first (npm test does)');
  }
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [join(projectRoot, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port), '-H', '127.0.0.1'],
    { cwd: projectRoot, env: { ...process.env, THREADLAB_DB: db, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  child.stdout?.on('data', (b: Buffer) => (log += b.toString()));
  child.stderr?.on('data', (b: Buffer) => (log += b.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${log}`);
    try {
      const r = await fetch(`${url}/`, { signal: AbortSignal.timeout(5_000) });
      // Any answer means the server is up; the tests judge the status themselves.
      await r.arrayBuffer();
      break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`next start did not answer on ${url} within 60 s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    output: () => log,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export interface Browser {
  context: BrowserContext;
  newPage: () => Promise<Page>;
  close: () => Promise<void>;
}

/** Launches Debian's Chromium headless with a fresh user-data dir. */
export async function launchBrowser(options: { javaScriptEnabled?: boolean } = {}): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium package (apt-get install -y chromium)`);
  }
  const profile = tempDir('threadlab-chromium-');
  const context = await chromium.launchPersistentContext(profile.dir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-component-update', '--disable-sync', '--no-first-run'],
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    newPage: () => context.newPage(),
    close: async () => {
      await context.close();
      profile.cleanup();
    },
  };
}

/** Saves a full-page screenshot as test-results/screenshots/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** A site under test: a freshly imported database, the production server on it, and Chromium. */
export interface SeededSite {
  db: string;
  dir: string;
  server: RunningServer;
  browser: Browser;
  stop: () => Promise<void>;
}

/**
 * Imports `paths` (default: the bundled content) into a new database with the real CLI, starts the
 * production server on it and launches Chromium; `before` can write extra input files into `dir`.
 */
export async function startSeededSite(prefix: string, options: { paths?: (dir: string) => string[] } = {}): Promise<SeededSite> {
  const tmp = tempDir(`threadlab-e2e-${prefix}-`);
  const db = join(tmp.dir, 'threadlab.db');
  const paths = options.paths?.(tmp.dir) ?? ['content'];
  const imported = runCli(['import', ...paths], db);
  if (imported.status !== 0) {
    tmp.cleanup();
    throw new Error(`threadlab import ${paths.join(' ')} failed (${imported.status}):\n${imported.stdout}\n${imported.stderr}`);
  }
  const server = await startServer(db);
  const browser = await launchBrowser();
  return {
    db,
    dir: tmp.dir,
    server,
    browser,
    stop: async () => {
      await browser.close();
      await server.stop();
      tmp.cleanup();
    },
  };
}
