// The PostgreSQL schema: the same tables and partial indexes as SQLite (see ../sqlite/schema.ts),
// with bigint times and ids. Created under an advisory lock so that processes starting together
// do not race on CREATE ... IF NOT EXISTS.
export function postgresSchema(schema: string): string {
  return `
CREATE SCHEMA IF NOT EXISTS ${schema};
SET LOCAL search_path TO ${schema};

CREATE TABLE IF NOT EXISTS config (
  id integer PRIMARY KEY CHECK (id = 1),
  version bigint NOT NULL,
  body text NOT NULL,
  seed_hash text
);

CREATE TABLE IF NOT EXISTS events (
  id bigserial PRIMARY KEY,
  source text NOT NULL,
  message_id text NOT NULL,
  received_at bigint NOT NULL,
  type text NOT NULL,
  name text,
  body text NOT NULL
);
CREATE INDEX IF NOT EXISTS events_message_id ON events (message_id);
CREATE INDEX IF NOT EXISTS events_received_at ON events (received_at);

CREATE TABLE IF NOT EXISTS dedupe (
  source text NOT NULL,
  message_id text NOT NULL,
  expires_at bigint NOT NULL,
  PRIMARY KEY (source, message_id)
);
CREATE INDEX IF NOT EXISTS dedupe_expires ON dedupe (expires_at);

CREATE TABLE IF NOT EXISTS jobs (
  id bigserial PRIMARY KEY,
  event_id bigint NOT NULL,
  instance text NOT NULL,
  subscription_id text NOT NULL,
  action text NOT NULL,
  group_key text NOT NULL,
  state text NOT NULL,
  due_at bigint,
  lease_worker text,
  lease_until bigint,
  attempts integer NOT NULL DEFAULT 0,
  retry_from bigint NOT NULL,
  last_error text,
  dead_at bigint,
  delivered_at bigint
);
CREATE INDEX IF NOT EXISTS jobs_event ON jobs (event_id);
CREATE INDEX IF NOT EXISTS jobs_pending ON jobs (due_at, instance, subscription_id) WHERE state = 'pending';
CREATE INDEX IF NOT EXISTS jobs_dead ON jobs (dead_at, instance, subscription_id) WHERE state = 'dead';
CREATE INDEX IF NOT EXISTS jobs_delivered ON jobs (delivered_at) WHERE state = 'delivered';

CREATE TABLE IF NOT EXISTS counts (
  minute bigint NOT NULL,
  instance text NOT NULL,
  subscription_id text NOT NULL,
  metric text NOT NULL,
  code text NOT NULL,
  count bigint NOT NULL,
  PRIMARY KEY (minute, instance, subscription_id, metric, code)
);

CREATE TABLE IF NOT EXISTS attempts (
  id bigserial PRIMARY KEY,
  instance text NOT NULL,
  subscription_id text NOT NULL,
  at bigint NOT NULL,
  body text NOT NULL
);
CREATE INDEX IF NOT EXISTS attempts_subscription ON attempts (subscription_id, id);
CREATE INDEX IF NOT EXISTS attempts_instance ON attempts (instance, id);
CREATE INDEX IF NOT EXISTS attempts_at ON attempts (at);
`
}
