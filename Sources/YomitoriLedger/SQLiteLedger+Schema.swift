import GRDB

extension SQLiteLedger {
    /// The schema, one migration per change; a migration is never edited once released.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: runs, inputs, pages, batches, events") { db in
            try db.execute(sql: schemaV1)
        }
        migrator.registerMigration("v2: review station (page versions, leases, users, audit)") { db in
            try db.execute(sql: schemaV2)
        }
        return migrator
    }

    private static let inputStates = InputState.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
    private static let batchStates = BatchState.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
    private static let pageStatuses = PageStatus.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")

    private static var schemaV1: String {
        """
        CREATE TABLE runs (
            id TEXT PRIMARY KEY,
            job TEXT NOT NULL,
            trigger TEXT NOT NULL,
            host TEXT NOT NULL,
            worker TEXT NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('running', 'finished', 'failed', 'aborted')),
            started_at DATETIME NOT NULL,
            finished_at DATETIME,
            counts_json TEXT NOT NULL DEFAULT '{}',
            report_json TEXT
        );
        CREATE INDEX runs_by_job ON runs (job, started_at);

        CREATE TABLE inputs (
            id TEXT PRIMARY KEY,
            job TEXT NOT NULL,
            run_id TEXT REFERENCES runs (id),
            original_path TEXT NOT NULL,
            claimed_path TEXT NOT NULL,
            size INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            state TEXT NOT NULL CHECK (state IN (\(inputStates))),
            reason_code TEXT,
            reason TEXT,
            duplicate_of TEXT REFERENCES inputs (id),
            attempts INTEGER NOT NULL DEFAULT 0,
            host TEXT NOT NULL,
            worker TEXT NOT NULL,
            claimed_at DATETIME NOT NULL,
            updated_at DATETIME NOT NULL,
            routed_to TEXT,
            finished_at DATETIME
        );
        CREATE INDEX inputs_pending ON inputs (job, finished_at, claimed_at);
        CREATE INDEX inputs_by_content ON inputs (job, sha256);
        -- At most one live (not failed, not duplicate) input per content and job, even when two
        -- runners claim copies of the same file at the same moment.
        CREATE UNIQUE INDEX inputs_live_content ON inputs (job, sha256) WHERE state NOT IN ('failed', 'duplicate');

        CREATE TABLE batches (
            id TEXT PRIMARY KEY,
            job TEXT NOT NULL,
            run_id TEXT REFERENCES runs (id),
            date TEXT NOT NULL,
            seq INTEGER NOT NULL,
            state TEXT NOT NULL CHECK (state IN (\(batchStates))),
            created_at DATETIME NOT NULL,
            written_at DATETIME,
            delivered_at DATETIME,
            record_count INTEGER NOT NULL DEFAULT 0,
            UNIQUE (job, date, seq)
        );
        CREATE INDEX batches_by_state ON batches (job, state);

        CREATE TABLE batch_outputs (
            batch_id TEXT NOT NULL REFERENCES batches (id),
            position INTEGER NOT NULL,
            path TEXT NOT NULL UNIQUE,
            temp_path TEXT NOT NULL,
            sha256 TEXT,
            bytes INTEGER,
            PRIMARY KEY (batch_id, position)
        );

        -- read_json holds personal data (the PageRead as JSON).
        CREATE TABLE pages (
            input_id TEXT NOT NULL REFERENCES inputs (id),
            page INTEGER NOT NULL CHECK (page >= 0),
            status TEXT CHECK (status IS NULL OR status IN (\(pageStatuses))),
            template TEXT,
            read_json TEXT NOT NULL,
            batch_id TEXT REFERENCES batches (id),
            updated_at DATETIME NOT NULL,
            PRIMARY KEY (input_id, page)
        );
        CREATE INDEX pages_by_batch ON pages (batch_id);

        CREATE TABLE events (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            time DATETIME NOT NULL,
            job TEXT NOT NULL,
            kind TEXT NOT NULL,
            run_id TEXT,
            input_id TEXT,
            batch_id TEXT,
            host TEXT,
            detail TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX events_by_job ON events (job, seq);
        CREATE TRIGGER events_are_append_only_update BEFORE UPDATE ON events
            BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
        CREATE TRIGGER events_are_append_only_delete BEFORE DELETE ON events
            BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
        """
    }

    private static var schemaV2: String {
        """
        ALTER TABLE pages ADD COLUMN review_version INTEGER NOT NULL DEFAULT 0;

        CREATE TABLE review_leases (
            input_id TEXT NOT NULL REFERENCES inputs (id),
            page INTEGER NOT NULL,
            user_name TEXT NOT NULL,
            until DATETIME NOT NULL,
            PRIMARY KEY (input_id, page)
        );

        CREATE TABLE users (
            name TEXT PRIMARY KEY,
            role TEXT NOT NULL CHECK (role IN ('reviewer', 'administrator')),
            password_hash TEXT NOT NULL,
            created_at DATETIME NOT NULL,
            updated_at DATETIME NOT NULL
        );

        -- Who changed which field from what to what; sensitive values are stored masked.
        CREATE TABLE audit (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            time DATETIME NOT NULL,
            user_name TEXT NOT NULL,
            action TEXT NOT NULL,
            job TEXT,
            input_id TEXT,
            page INTEGER,
            field TEXT,
            from_value TEXT,
            to_value TEXT,
            detail TEXT NOT NULL DEFAULT ''
        );
        CREATE TRIGGER audit_is_append_only_update BEFORE UPDATE ON audit
            BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
        CREATE TRIGGER audit_is_append_only_delete BEFORE DELETE ON audit
            BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
        """
    }
}
