// A throwaway PostgreSQL for the collector's tests and load script: a fresh cluster in a temporary folder,
// on a free port of 127.0.0.1, owned by this run and removed by stop(). Debian's server binaries are used
// (/usr/lib/postgresql/<version>/bin); when none is installed and we run as root with apt-get, Debian's
// `postgresql` package is installed first (as `npm test` does for Chromium). As root, the cluster runs as
// the `postgres` user the package creates (PostgreSQL refuses to run as root).
//
// EP_TEST_DATABASE_URL, when set, is used instead (an existing server; each test makes its own database).
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDebianPackages } from '../tools/debian-packages.mjs';

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${result.stderr || result.stdout}`);
  }
  return result.stdout;
}

/** The newest installed server's bin folder, or undefined. */
export function findPostgresBin() {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((name) => existsSync(join(root, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0], 'bin') : undefined;
}

export function ensurePostgresBin(log = console.log) {
  return ensureDebianPackages({
    find: findPostgresBin,
    packages: ['postgresql'],
    what: 'PostgreSQL',
    hint: ' or set EP_TEST_DATABASE_URL to a server the tests may create databases on',
    log,
  });
}

/** A port free on 127.0.0.1 now (also for the load script's collector). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a cluster and returns `{ url, stop, restart }` (no `restart` for EP_TEST_DATABASE_URL's server). `url` connects as superuser `ep` to database `postgres`.
 * `durable: false` (the default, for tests) turns fsync off; the load script keeps it on.
 */
export async function startPostgres({ durable = false, log = console.log } = {}) {
  if (process.env.EP_TEST_DATABASE_URL)
    return { url: process.env.EP_TEST_DATABASE_URL, stop: async () => {}, external: true };
  const bin = ensurePostgresBin(log);
  const dir = mkdtempSync(join(tmpdir(), 'ep-pg-'));
  const data = join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  const as = (command, args) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', command, ...args]) : run(command, args);
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
    chownSync(dir, uid, gid);
  }
  as(join(bin, 'initdb'), ['-D', data, '-U', 'ep', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const port = await freePort();
  const settings = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    '-c max_connections=200',
    ...(durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
  ];
  as(join(bin, 'pg_ctl'), [
    '-D',
    data,
    '-l',
    join(dir, 'server.log'),
    '-o',
    settings.join(' '),
    '-w',
    '-t',
    '60',
    'start',
  ]);
  let stopped = false;
  /**
   * `pg_ctl restart -m fast`: ends every session, as a database restart or a failover does (for the fault
   * run). Asynchronous, so that clients keep sending while the server is down.
   */
  const restart = () => {
    const args = ['-D', data, '-l', join(dir, 'server.log'), '-m', 'fast', '-w', '-t', '60', 'restart'];
    const [command, commandArgs] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', join(bin, 'pg_ctl'), ...args]]
      : [join(bin, 'pg_ctl'), args];
    return new Promise((resolve, reject) => {
      execFile(command, commandArgs, (error, _stdout, stderr) =>
        error ? reject(new Error(`pg_ctl restart failed: ${stderr || error.message}`)) : resolve(),
      );
    });
  };
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    try {
      as(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  return { url: `postgres://ep@127.0.0.1:${port}/postgres`, stop, restart, external: false };
}
