// The SQLite schema. Jobs carry their state; each state has its own partial index so that the
// hot paths (claim by due time, dead letters by dead time, prune by delivery time) read only
// the rows they need. A claimed job's due time moves to its lease end, so an expired lease
// makes it due again without a second predicate. Dedupe rows have no index on their expiry (it
// would cost every ingest a sixth more); prune walks them in key order instead.
export const SQLITE_SCHEMA_VERSION = 1

export const SQLITE_SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS config (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  version INTEGER NOT NULL,
  body TEXT NOT NULL,
  seed_hash TEXT
);

CREATE TABLE IF NOT EXISTS events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  source TEXT NOT NULL,
  message_id TEXT NOT NULL,
  received_at INTEGER NOT NULL,
  type TEXT NOT NULL,
  name TEXT,
  body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_message_id ON events (message_id);
CREATE INDEX IF NOT EXISTS events_received_at ON events (received_at);

CREATE TABLE IF NOT EXISTS dedupe (
  source TEXT NOT NULL,
  message_id TEXT NOT NULL,
  expires_at INTEGER NOT NULL,
  PRIMARY KEY (source, message_id)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS jobs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id INTEGER NOT NULL,
  instance TEXT NOT NULL,
  subscription_id TEXT NOT NULL,
  action TEXT NOT NULL,
  group_key TEXT NOT NULL,
  state TEXT NOT NULL,
  due_at INTEGER,
  lease_worker TEXT,
  lease_until INTEGER,
  attempts INTEGER NOT NULL DEFAULT 0,
  retry_from INTEGER NOT NULL,
  last_error TEXT,
  dead_at INTEGER,
  delivered_at INTEGER
);
CREATE INDEX IF NOT EXISTS jobs_event ON jobs (event_id);
CREATE INDEX IF NOT EXISTS jobs_pending ON jobs (due_at, instance, subscription_id) WHERE state = 'pending';
CREATE INDEX IF NOT EXISTS jobs_dead ON jobs (dead_at, instance, subscription_id) WHERE state = 'dead';
CREATE INDEX IF NOT EXISTS jobs_delivered ON jobs (delivered_at) WHERE state = 'delivered';

CREATE TABLE IF NOT EXISTS counts (
  minute INTEGER NOT NULL,
  instance TEXT NOT NULL,
  subscription_id TEXT NOT NULL,
  metric TEXT NOT NULL,
  code TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (minute, instance, subscription_id, metric, code)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS attempts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  instance TEXT NOT NULL,
  subscription_id TEXT NOT NULL,
  at INTEGER NOT NULL,
  body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS attempts_subscription ON attempts (subscription_id, id);
CREATE INDEX IF NOT EXISTS attempts_instance ON attempts (instance, id);
CREATE INDEX IF NOT EXISTS attempts_at ON attempts (at);
`
