// Numbered schema migrations. Migration N brings a database from user_version N-1 to N; they
// are applied in order, each in its own transaction, and never edited once released (add a new
// one instead), so every database can be brought forward from any earlier version.

/** One schema step: the SQL that moves user_version from `version - 1` to `version`. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** All migrations, in order; the last one's version is the schema version this build writes. */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'sources',
    sql: `
      -- Every archive file the importer has read: what the knowledge base is built from.
      CREATE TABLE sources (
        id          INTEGER PRIMARY KEY,
        path        TEXT NOT NULL UNIQUE,
        sha256      TEXT NOT NULL,
        bytes       INTEGER NOT NULL CHECK (bytes >= 0),
        format      TEXT NOT NULL,
        origin      TEXT,
        imported_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX sources_sha256 ON sources(sha256);
    `,
  },
];

/** The schema version this build writes. */
export const schemaVersion: number = migrations[migrations.length - 1]?.version ?? 0;
