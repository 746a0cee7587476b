import { resolve } from 'node:path';

/** The database file: THREADLAB_DB if set, else data/threadlab.db under the working directory. */
export function dbPath(): string {
  const fromEnv = process.env.THREADLAB_DB;
  return resolve(fromEnv !== undefined && fromEnv !== '' ? fromEnv : 'data/threadlab.db');
}
