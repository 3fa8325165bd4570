import 'reflect-metadata';
import { HttpException } from '@nestjs/common';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import {
  CommandError,
  type CommandResult,
  createAdmin,
  createChamber,
  createResearchTeam,
  passwordProblem,
} from '@scs/api/accounts';
import { entities, migrations } from '@scs/api/app';
import {
  ConfigError,
  type EmbeddedPostgres,
  loadConfig,
  postgresOptions,
  redact,
  runMigrationsLocked,
  startEmbeddedPostgres,
} from '@scs/api/core';

// Operator commands: `node dist/apps/api/cli.js <command> [options]` (or `npm run admin -- <command> ...`).
// Same configuration and database as the server; pending migrations run first.

const USAGE = `Usage: npm run admin -- <command> [options]

  create-admin --email E --name N
      Create a platform admin (or promote an existing user). The password comes from the
      ADMIN_PASSWORD environment variable, or is asked for on the terminal.
  create-research-team --name N --owner-email E
      Create the research organisation; E becomes researcher (invited by email if E has no account yet).
  create-chamber --name N --admin-email E
      Create a chamber of commerce; E becomes its owner (invited by email if E has no account yet).

The database is DATABASE_URL, or the embedded one in EMBEDDED_DB_DIR (a running server on that folder is used as it is).`;

class UsageError extends Error {}

function required(values: Record<string, string | undefined>, name: string): string {
  const value = values[name]?.trim();
  if (!value) throw new UsageError(`--${name} is required`);
  return value;
}

/** Reads a line from the terminal without echoing it (or the first line of piped input). */
function readSecret(prompt: string): Promise<string> {
  return new Promise((resolve) => {
    const tty = Boolean(process.stdin.isTTY);
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: tty });
    if (tty) {
      process.stdout.write(prompt);
      (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => undefined; // no echo
    }
    rl.once('line', (line) => {
      if (tty) process.stdout.write('\n');
      resolve(line); // before close(), whose 'close' event would resolve with ''
      rl.close();
    });
    rl.once('close', () => resolve(''));
  });
}

async function askPassword(email: string): Promise<string> {
  // The CLI's own input, not application configuration: the one place besides the config that reads the environment.
  const fromEnv = process.env['ADMIN_PASSWORD'];
  if (fromEnv) {
    const problem = passwordProblem(fromEnv, email);
    if (problem) throw new CommandError(`ADMIN_PASSWORD: ${problem}`);
    return fromEnv;
  }
  for (let attempt = 0; attempt < 3; attempt++) {
    const password = await readSecret(`Password for ${email}: `);
    const problem = passwordProblem(password, email);
    if (problem) {
      console.error(problem);
      if (!process.stdin.isTTY) break;
      continue;
    }
    if (process.stdin.isTTY && (await readSecret('Repeat the password: ')) !== password) {
      console.error('The passwords differ');
      continue;
    }
    return password;
  }
  throw new CommandError(
    'No acceptable password given (at least 12 characters, not a common password, not the email address)',
  );
}

async function run(command: string | undefined, args: string[]): Promise<CommandResult> {
  const { values } = parseArgs({
    args,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      'owner-email': { type: 'string' },
      'admin-email': { type: 'string' },
    },
    strict: true,
  });
  const known = ['create-admin', 'create-research-team', 'create-chamber'];
  if (!command || !known.includes(command))
    throw new UsageError(command ? `Unknown command '${command}'` : 'No command given');
  const input = {
    email: command === 'create-admin' ? required(values, 'email') : '',
    name: required(values, 'name'),
    ownerEmail: command === 'create-research-team' ? required(values, 'owner-email') : '',
    adminEmail: command === 'create-chamber' ? required(values, 'admin-email') : '',
  };

  const config = loadConfig(process.env);
  let embedded: EmbeddedPostgres | undefined;
  const url =
    config.databaseUrl ??
    (embedded = await startEmbeddedPostgres(config.embeddedDbDir, { movableDefault: config.embeddedDbDirDefault })).url;
  const dataSource = new DataSource(postgresOptions(url, entities, migrations, 2));
  try {
    await dataSource.initialize();
    await runMigrationsLocked(dataSource);
    switch (command) {
      case 'create-admin':
        return await createAdmin(dataSource, {
          email: input.email,
          name: input.name,
          password: () => askPassword(input.email.toLowerCase()),
        });
      case 'create-research-team':
        return await createResearchTeam(dataSource, {
          name: input.name,
          ownerEmail: input.ownerEmail,
          publicUrl: config.publicUrl,
        });
      default:
        return await createChamber(dataSource, {
          name: input.name,
          adminEmail: input.adminEmail,
          publicUrl: config.publicUrl,
        });
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ECONNREFUSED' || code === '28P01' || code === '3D000') {
      throw new CommandError(
        `Cannot use the database${config.databaseUrl ? ` at ${redact(config.databaseUrl)}` : ''}: ${(e as Error).message}`,
      );
    }
    throw e;
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await embedded?.stop();
  }
}

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  if (command === undefined || command === '--help' || command === 'help') {
    console.log(USAGE);
    process.exit(command === undefined ? 2 : 0);
  }
  try {
    const result = await run(command, args);
    console.log(result.message);
    if (result.link) console.log(`Invitation link (also sent by email when SMTP is configured): ${result.link}`);
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`${(e as Error).message}\n\n${USAGE}`);
      process.exit(2);
    }
    if (e instanceof HttpException) {
      const body = e.getResponse() as { message?: string } | string;
      console.error(`Error: ${typeof body === 'string' ? body : (body.message ?? e.message)}`);
    } else if (e instanceof CommandError || e instanceof ConfigError) console.error(`Error: ${e.message}`);
    else console.error(`Error: ${(e as Error).message ?? String(e)}`);
    process.exit(1);
  }
}

void main();
