import type { Migration } from './migrations'
import { addScores, foldLock } from './rollupMigration'

// Frozen like every shipped migration: change the rollups with a new one.

/**
 * Adds signed rows of `source` to the status rollup, each response on the UTC day it was
 * answered, or of its latest event when never answered: the day its score is counted on.
 */
export function addStatuses(source: string): string {
  return `
    insert into status_rollup as t (project, survey_id, day, status, answered, n, last_at)
    select d.project, d.survey_id, (coalesce(d.answered_at, d.last_at) at time zone 'UTC')::date,
      d.status, d.answered_at is not null, sum(d.sign), max(d.last_at) filter (where d.sign > 0)
    from ${source} d
    group by 1, 2, 3, 4, 5
    having sum(d.sign) <> 0
    on conflict (project, survey_id, day, status, answered)
      do update set n = t.n + excluded.n, last_at = greatest(t.last_at, excluded.last_at)`
}

/**
 * Counts responses on the day they were answered rather than the day of their latest event.
 * A response answered at 23:59 and dismissed at 00:01 was counted as answered on the second day
 * while its score counted on the first, so a range showed "0 answered" above an n of 1.
 */
export const answeredDayMigration: Migration = {
  version: 5,
  name: 'responses counted on the day they were answered',
  sql: `
    lock table responses in share row exclusive mode;
    -- What is logged was counted by the old day: fold it before the days change.
    select sonde_fold_rollups(true);

    create or replace function sonde_fold_rollups(wait boolean) returns bigint
    language plpgsql as $$
    declare
      folded bigint;
    begin
      if wait then
        perform pg_advisory_xact_lock(${foldLock});
      elsif not pg_try_advisory_xact_lock(${foldLock}) then
        return -1;
      end if;
      lock table rollup_changes in access exclusive mode;
      with statuses as (${addStatuses('rollup_changes')}),
        scores as (${addScores('rollup_changes')})
      select count(*) into folded from rollup_changes;
      truncate rollup_changes;
      return folded;
    end $$;

    delete from status_rollup;
    ${addStatuses('(select 1 as sign, * from responses)')};
  `,
}
