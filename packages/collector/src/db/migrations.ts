import { answeredDayMigration } from './answeredDayMigration'
import type { Database } from './database'
import { rollupMigration } from './rollupMigration'
import { surveyTotalsMigration } from './surveyTotalsMigration'
import { textAnswersMigration } from './textAnswersMigration'

/** One schema change, applied once, in order of `version`. Never edit a shipped one: add one. */
export interface Migration {
  version: number
  name: string
  sql: string
}

// Any constant: replicas starting together queue on it instead of racing on DDL.
const migrationLock = 0x50_4e_44_45

/** The collector's schema, oldest first. */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'events, responses and projects',
    sql: `
      create table projects (
        key text primary key,
        name text,
        read_key_sha256 text not null,
        origins jsonb not null default '[]',
        revoked boolean not null default false,
        updated_at timestamptz not null default now()
      );

      -- Every event as received; id is the SDK's idempotency key, so a retry inserts nothing.
      create table events (
        id text primary key,
        type text not null,
        at timestamptz not null,
        received_at timestamptz not null default now(),
        project text not null,
        survey_id text,
        response_id text,
        seq bigint,
        payload jsonb not null,
        context jsonb
      );
      create index events_project_received on events (project, received_at);

      -- One row per response: the latest event's status and context, and the answers of the
      -- latest event that carried answers, so a partial answer is counted once.
      create table responses (
        project text not null,
        response_id text not null,
        survey_id text not null,
        survey_version bigint,
        status text not null,
        seq bigint not null,
        event_id text not null,
        last_at timestamptz not null,
        answers jsonb not null default '[]',
        answers_seq bigint not null default -1,
        answers_event_id text not null default '',
        answered_at timestamptz,
        metric_kind text,
        score double precision,
        scale double precision,
        bucket text,
        locale text,
        device text,
        path text,
        app_version text,
        plan text,
        known boolean,
        context jsonb,
        updated_at timestamptz not null default now(),
        primary key (project, response_id)
      );
      create index responses_survey_answered on responses (project, survey_id, answered_at);
    `,
  },
  rollupMigration,
  {
    version: 3,
    name: 'events keyed by project and id',
    // The SDK makes event ids, unique within a project at best: keyed by id alone, an event was
    // acknowledged and never stored when another project had used its id. Every stored id is
    // unique, so every row is unique by (project, id) too and the key changes in place.
    sql: `
      alter table events drop constraint events_pkey, add primary key (project, id);
    `,
  },
  {
    version: 4,
    name: 'events dropped on devices',
    sql: `
      -- The dropped counts batches report: events the SDK evicted from its outbox unsent (caps,
      -- TTL), per project and UTC day of receipt.
      create table dropped_events (
        project text not null,
        day date not null,
        n bigint not null,
        primary key (project, day)
      );
    `,
  },
  answeredDayMigration,
  textAnswersMigration,
  surveyTotalsMigration,
  {
    version: 8,
    name: 'new responses refused',
    sql: `
      -- The new responses refused from client networks past their allowance of the day
      -- (limits.responsesPerNetworkPerDay), per project, survey and UTC day of receipt.
      create table refused_responses (
        project text not null,
        survey_id text not null,
        day date not null,
        n bigint not null,
        primary key (project, survey_id, day)
      );
    `,
  },
  {
    version: 9,
    name: 'erasures of a project',
    sql: `
      -- How many times the project's data was erased (erase, whatever it deleted): a running
      -- collector forgets which of its surveys and questions it found stored when it changes.
      alter table projects add column erasures integer not null default 0;
    `,
  },
]

/**
 * Brings the schema up to date and returns the versions it applied. Everything runs in one
 * transaction under an advisory lock, so a failed migration leaves nothing half done and several
 * replicas may start at once.
 */
export async function migrate(db: Database): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [migrationLock])
    await tx.exec(`
      create table if not exists sonde_migrations (
        version integer primary key,
        name text not null,
        applied_at timestamptz not null default now()
      )`)
    const rows = await tx.query<{ version: number }>('select version from sonde_migrations')
    const done = new Set(rows.map((row) => Number(row.version)))
    const applied: number[] = []
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(migration.version)) continue
      await tx.exec(migration.sql)
      await tx.query('insert into sonde_migrations (version, name) values ($1, $2)', [
        migration.version,
        migration.name,
      ])
      applied.push(migration.version)
    }
    return applied
  })
}
