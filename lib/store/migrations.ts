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
  {
    version: 2,
    name: 'messages, threads, blocks, people, search',
    sql: `
      -- People: one row per address (or per name when no address survived), with every form of
      -- the address as it was written (obfuscated page forms included).
      CREATE TABLE people (
        id       INTEGER PRIMARY KEY,
        key      TEXT NOT NULL UNIQUE, -- lower-case address, or 'name:' || lower-case name
        name     TEXT
      ) STRICT;
      CREATE TABLE person_addresses (
        person_id  INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        as_written TEXT NOT NULL,
        address    TEXT,              -- the usable address, null when obfuscated
        PRIMARY KEY (person_id, as_written)
      ) STRICT, WITHOUT ROWID;

      -- One row per Message-ID (real, or content-derived for pages and reconstructed quotes).
      CREATE TABLE messages (
        id             INTEGER PRIMARY KEY,
        message_id     TEXT NOT NULL UNIQUE,
        synthetic_id   INTEGER NOT NULL DEFAULT 0, -- 1 when message_id is a content hash
        derived        INTEGER NOT NULL DEFAULT 0, -- 1 when rebuilt from a later message's quotes
        in_reply_to    TEXT,
        references_json TEXT NOT NULL DEFAULT '[]',
        subject        TEXT,
        from_name      TEXT,
        from_address   TEXT,
        person_id      INTEGER REFERENCES people(id),
        date           TEXT,
        body           TEXT NOT NULL,
        content_key    TEXT NOT NULL,
        diagnostics_json TEXT NOT NULL DEFAULT '[]'
      ) STRICT;
      CREATE INDEX messages_content_key ON messages(content_key);
      CREATE INDEX messages_date ON messages(date);
      CREATE INDEX messages_person ON messages(person_id);

      -- Every copy of a message: which file, where, and its original bytes (the /raw view).
      CREATE TABLE message_sources (
        id          INTEGER PRIMARY KEY,
        message_id  INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
        source_id   INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
        ordinal     INTEGER NOT NULL,  -- position of the copy in its file
        line        INTEGER,
        byte_offset INTEGER,
        format      TEXT NOT NULL,
        raw         BLOB NOT NULL,
        sidecar_json TEXT,            -- fields filled from source.json, as { field: value }
        diagnostics_json TEXT NOT NULL DEFAULT '[]',
        UNIQUE (source_id, ordinal)
      ) STRICT;
      CREATE INDEX message_sources_message ON message_sources(message_id);

      -- The quote tree of each body; raw slices are body substrings (start, length).
      CREATE TABLE blocks (
        message_id   INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
        ordinal      INTEGER NOT NULL,
        kind         TEXT NOT NULL,
        depth        INTEGER NOT NULL,
        speaker_name TEXT,
        speaker_address TEXT,
        speaker_date TEXT,
        text         TEXT,             -- null when it is the raw slice less its final line end (most unquoted blocks)
        start        INTEGER NOT NULL,
        length       INTEGER NOT NULL,
        confidence   REAL NOT NULL,
        answers      INTEGER,
        PRIMARY KEY (message_id, ordinal)
      ) STRICT, WITHOUT ROWID;

      -- "A said X -> B answered Y": an own block and the quote block it answers.
      CREATE TABLE exchanges (
        message_id     INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
        answer_ordinal INTEGER NOT NULL,
        quote_ordinal  INTEGER NOT NULL,
        quoted_name    TEXT,
        quoted_address TEXT,
        PRIMARY KEY (message_id, answer_ordinal)
      ) STRICT, WITHOUT ROWID;

      -- The thread forest, rebuilt from messages' References after each import: one row per
      -- node (messages and ghosts), keyed by Message-ID so links stay stable across rebuilds.
      CREATE TABLE thread_nodes (
        message_id TEXT PRIMARY KEY,
        root_id    TEXT NOT NULL,
        parent_id  TEXT,
        depth      INTEGER NOT NULL,
        position   INTEGER NOT NULL,  -- pre-order position inside the thread
        ghost      INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX thread_nodes_root ON thread_nodes(root_id, position);
      CREATE TABLE threads (
        root_id       TEXT PRIMARY KEY,
        subject       TEXT,
        message_count INTEGER NOT NULL,
        ghost_count   INTEGER NOT NULL,
        max_depth     INTEGER NOT NULL,
        first_date    TEXT,
        last_date     TEXT
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX threads_last_date ON threads(last_date);

      -- Full-text search: own words and quoted words apart (lore's nq: and q:), rowid = messages.id.
      -- No stemming: readers search kernel identifiers, which a stemmer mangles (and it costs
      -- a third of the import time); '_' separates, so xfs_do_writepage is the phrase of its parts.
      CREATE VIRTUAL TABLE messages_fts USING fts5(
        subject, author, own, quoted,
        tokenize = 'unicode61 remove_diacritics 2'
      );
    `,
  },
  {
    version: 3,
    name: 'store state',
    sql: `
      -- Small facts about the database itself. 'threads_stale' is written in the same
      -- transaction as a file's messages and removed by the thread rebuild, so an import
      -- killed between the two is finished by the next one.
      CREATE TABLE store_state (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;
    `,
  },
  {
    version: 4,
    name: 'knowledge base',
    sql: `
      -- The knowledge base of content/ (annotations, scenarios, catalogues), replaced as a whole
      -- in one transaction by the loader whenever the content changes ('knowledge_hash' in
      -- store_state). Claims and scenarios are keyed by their thread's slug and their id.
      CREATE TABLE kb_threads (
        slug    TEXT PRIMARY KEY,
        title   TEXT NOT NULL,
        root_id TEXT                 -- the thread's root Message-ID when its seed page was imported
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE claims (
        id              INTEGER PRIMARY KEY, -- = claims_fts rowid
        thread          TEXT NOT NULL,
        claim_id        TEXT NOT NULL,
        kind            TEXT NOT NULL,
        speaker         TEXT NOT NULL,
        message_date    TEXT NOT NULL,     -- YYYY-MM-DD [HH:MM] or YYYY-MM, as the attribution gives it
        message_id      TEXT,
        depth           INTEGER NOT NULL,
        status_state    TEXT NOT NULL,
        status_commit   TEXT,
        status_note     TEXT,
        title           TEXT NOT NULL,
        paraphrase      TEXT NOT NULL,
        quote_exact     TEXT NOT NULL,
        quote_prefix    TEXT NOT NULL,
        quote_suffix    TEXT NOT NULL,
        position_start  INTEGER,
        position_end    INTEGER,
        anchor_status   TEXT,              -- exact, fuzzy or orphaned against the seed page; null without one
        anchor_score    REAL,
        scenario_pending TEXT,
        not_replayable  TEXT,
        line            INTEGER NOT NULL,  -- the claim's heading in annotations.md
        UNIQUE (thread, claim_id)
      ) STRICT;
      CREATE TABLE claim_answers (
        thread   TEXT NOT NULL,
        claim_id TEXT NOT NULL,
        answers  TEXT NOT NULL,            -- a claim id of the same thread
        PRIMARY KEY (thread, claim_id, answers)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE claim_links (
        thread    TEXT NOT NULL,
        claim_id  TEXT NOT NULL,
        ordinal   INTEGER NOT NULL,
        scenario  TEXT NOT NULL,           -- a scenario id of the same thread
        variant   TEXT NOT NULL,
        invariant TEXT NOT NULL,           -- the predicate the scenario checks
        verdict   TEXT NOT NULL,
        relation  TEXT NOT NULL,
        PRIMARY KEY (thread, claim_id, ordinal)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX claim_links_scenario ON claim_links(thread, scenario);

      CREATE TABLE scenarios (
        id          INTEGER PRIMARY KEY,   -- = scenarios_fts rowid
        thread      TEXT NOT NULL,
        scenario_id TEXT NOT NULL,
        title       TEXT NOT NULL,
        summary     TEXT NOT NULL,
        hash        TEXT NOT NULL,
        json        TEXT NOT NULL,
        UNIQUE (thread, scenario_id)
      ) STRICT;
      CREATE TABLE scenario_invariants (
        thread      TEXT NOT NULL,
        scenario_id TEXT NOT NULL,
        invariant   TEXT NOT NULL,         -- a predicate, as the scenario file names it
        PRIMARY KEY (thread, scenario_id, invariant)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX scenario_invariants_invariant ON scenario_invariants(invariant);
      CREATE TABLE scenario_subsystems (
        thread      TEXT NOT NULL,
        scenario_id TEXT NOT NULL,
        subsystem   TEXT NOT NULL,         -- a catalogue subsystem (by path or by invariant)
        PRIMARY KEY (thread, scenario_id, subsystem)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX scenario_subsystems_subsystem ON scenario_subsystems(subsystem);
      CREATE TABLE scenario_expect (
        thread      TEXT NOT NULL,
        scenario_id TEXT NOT NULL,
        variant     TEXT NOT NULL,
        invariant   TEXT NOT NULL,
        verdict     TEXT NOT NULL,
        ordinal     INTEGER NOT NULL,      -- the file's order of variants, then invariants
        PRIMARY KEY (thread, scenario_id, variant, invariant)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX scenario_expect_verdict ON scenario_expect(verdict);

      CREATE TABLE invariants (
        id        TEXT PRIMARY KEY,
        title     TEXT NOT NULL,
        predicate TEXT NOT NULL,
        kind      TEXT NOT NULL,
        statement TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX invariants_predicate ON invariants(predicate);
      CREATE TABLE invariant_subsystems (
        invariant TEXT NOT NULL,
        subsystem TEXT NOT NULL,
        PRIMARY KEY (invariant, subsystem)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX invariant_subsystems_subsystem ON invariant_subsystems(subsystem);
      -- The claims an invariant's catalogue entry names (<thread>#<id>), known or not.
      CREATE TABLE invariant_claims (
        invariant TEXT NOT NULL,
        thread    TEXT NOT NULL,
        claim_id  TEXT NOT NULL,
        PRIMARY KEY (invariant, thread, claim_id)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE subsystems (
        id          TEXT PRIMARY KEY,
        title       TEXT NOT NULL,
        description TEXT NOT NULL,
        files_json  TEXT NOT NULL DEFAULT '[]'
      ) STRICT, WITHOUT ROWID;

      -- Full text of claims and scenarios (same tokenizer as messages_fts), rowid = claims.id / scenarios.id.
      CREATE VIRTUAL TABLE claims_fts USING fts5(
        title, paraphrase, quote, speaker,
        tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE VIRTUAL TABLE scenarios_fts USING fts5(
        title, summary,
        tokenize = 'unicode61 remove_diacritics 2'
      );
    `,
  },
  {
    version: 5,
    name: 'packed blocks',
    sql: `
      -- A message's quote tree as one row (a JSON array, the format is described in
      -- packed-blocks.ts) instead of one row per block: blocks are only ever read a whole
      -- message at a time, and the rows (half of them blank lines) were most of an import's
      -- SQLite work. The array holds exactly the old columns, ordinal = index.
      CREATE TABLE message_blocks (
        message_id INTEGER PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,
        blocks     TEXT NOT NULL
      ) STRICT;
      INSERT INTO message_blocks (message_id, blocks)
        SELECT message_id, json_group_array(json_array(kind, depth, start, length, confidence,
            CASE WHEN speaker_name IS NULL AND speaker_address IS NULL AND speaker_date IS NULL THEN NULL
              ELSE json_array(speaker_name, speaker_address, speaker_date) END,
            text, answers) ORDER BY ordinal)
        FROM blocks GROUP BY message_id;
      DROP TABLE blocks;

      -- The old table's rows, for reading by hand and for SQL that counts or filters blocks.
      -- A speaker given as a number is the speaker of that earlier block of the same message.
      CREATE VIEW blocks AS
        SELECT message_id, ordinal, kind, depth, sp ->> 0 AS speaker_name, sp ->> 1 AS speaker_address, sp ->> 2 AS speaker_date,
          text, start, length, confidence, answers
        FROM (
          SELECT m.message_id, CAST(b.key AS INTEGER) AS ordinal, b.value ->> 0 AS kind, b.value ->> 1 AS depth,
            CASE json_type(b.value, '$[5]') WHEN 'integer' THEN json_extract(m.blocks, '$[' || (b.value ->> 5) || '][5]')
              WHEN 'array' THEN b.value -> 5 END AS sp,
            b.value ->> 6 AS text, b.value ->> 2 AS start, b.value ->> 3 AS length, CAST(b.value ->> 4 AS REAL) AS confidence, b.value ->> 7 AS answers
          FROM message_blocks m, json_each(m.blocks) b
        );
    `,
  },
  {
    version: 6,
    name: 'derived block offsets',
    sql: `
      -- A derived message's body is its quoted slices end to end, but its blocks kept the
      -- offsets they had in the page they were cut from, so a read cut the wrong raw slices.
      -- Each block now starts where the blocks before it end.
      UPDATE message_blocks SET blocks = (
        SELECT json_group_array(json_set(value, '$[2]', run) ORDER BY k)
        FROM (
          SELECT CAST(key AS INTEGER) AS k, value,
            COALESCE(SUM(value ->> 3) OVER (ORDER BY CAST(key AS INTEGER) ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS run
          FROM json_each(message_blocks.blocks)
        )
      )
      WHERE message_id IN (SELECT id FROM messages WHERE derived = 1);
    `,
  },
];

/** The schema version this build writes. */
export const schemaVersion: number = migrations[migrations.length - 1]?.version ?? 0;
