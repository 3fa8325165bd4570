import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts PGlite (PostgreSQL compiled to WASM) in-process and serves it on a loopback port, so the ordinary
 * `pg` driver, TypeORM, the migrations and pg-boss work unchanged. `dir` = 'memory' keeps it in memory.
 */
export async function startEmbeddedPostgres(dir: string): Promise<EmbeddedPostgres> {
  if (dir !== 'memory') mkdirSync(dir, { recursive: true });
  const db = await PGlite.create(dir === 'memory' ? {} : { dataDir: dir });
  // The socket server multiplexes connections but serialises transactions: enough slots for the pool + queue.
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 64 });
  await server.start();
  return {
    url: `postgres://postgres:postgres@${server.getServerConn()}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
