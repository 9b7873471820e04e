import { addStatuses as addDayStatuses } from './answeredDayMigration'
import type { Migration } from './migrations'
import { addScores, foldLock } from './rollupMigration'

// Frozen like every shipped migration: change the totals with a new one.

/**
 * Adds signed rows of `source` to the status rollup as migration 6 does, and returns the rows
 * it wrote as they now stand, for the survey totals.
 */
function addStatuses(source: string): string {
  return `${addDayStatuses(source)}
    returning t.project, t.survey_id, t.n, t.last_at`
}

/**
 * Each survey's totals over all its days, as the list of a project's surveys shows them: what
 * summing the status rollup gives (responses, answered, the latest event time of its rows that
 * still count), kept by the fold from the same log. A year in, that list summed some 1,200 rows
 * a survey (248,200 for 200 surveys, 0.5 s on PGlite); it now reads a row a survey.
 *
 * The counts are sums, added to as the rollups are. The latest event time is the greatest of
 * the status rows still counted (n > 0): raised by the rows the fold leaves counted, and read
 * again from the survey's status rows only when a row it may have come from stops counting
 * (a deletion, a response moving to another day or status), which the fold's own rows tell.
 */
export const surveyTotalsMigration: Migration = {
  version: 7,
  name: "each survey's totals",
  sql: `
    lock table responses in share row exclusive mode;
    -- Counted from the rollups as they stand once folded.
    select sonde_fold_rollups(true);

    create table survey_totals (
      project text not null,
      survey_id text not null,
      responses bigint not null,
      answered bigint not null,
      last_at timestamptz,
      primary key (project, survey_id)
    );
    insert into survey_totals (project, survey_id, responses, answered, last_at)
    select project, survey_id, sum(n), coalesce(sum(n) filter (where answered), 0),
      max(last_at) filter (where n > 0)
    from status_rollup group by 1, 2;

    create or replace function sonde_rollups_truncated() returns trigger language plpgsql as $$
    begin
      perform pg_advisory_xact_lock(${foldLock});
      delete from rollup_changes;
      delete from score_rollup;
      delete from status_rollup;
      delete from survey_totals;
      return null;
    end $$;

    create or replace function sonde_fold_rollups(wait boolean) returns bigint
    language plpgsql as $$
    declare
      folded bigint;
      -- The status rows the fold left uncounted (n = 0), with their latest event time.
      uncounted_projects text[];
      uncounted_surveys text[];
      uncounted_last_at timestamptz[];
    begin
      if wait then
        perform pg_advisory_xact_lock(${foldLock});
      elsif not pg_try_advisory_xact_lock(${foldLock}) then
        return -1;
      end if;
      lock table rollup_changes in access exclusive mode;
      -- Nothing logged since the last fold (a stats request after another, no ingest between):
      -- nothing to add, and no truncation, which took most of such a fold's 20 ms on PGlite.
      if not exists (select 1 from rollup_changes) then
        return 0;
      end if;
      with statuses as (${addStatuses('rollup_changes')}),
        scores as (${addScores('rollup_changes')}),
        counted as (
          select project, survey_id, max(last_at) as last_at from statuses where n > 0
          group by 1, 2
        ),
        totals as (
          insert into survey_totals as t (project, survey_id, responses, answered, last_at)
          select d.project, d.survey_id, sum(d.sign),
            coalesce(sum(d.sign) filter (where d.answered_at is not null), 0), max(c.last_at)
          from rollup_changes d
          left join counted c on c.project = d.project and c.survey_id = d.survey_id
          group by 1, 2
          on conflict (project, survey_id) do update set
            responses = t.responses + excluded.responses,
            answered = t.answered + excluded.answered,
            last_at = greatest(t.last_at, excluded.last_at)
        )
      select (select count(*) from rollup_changes), array_agg(project), array_agg(survey_id),
        array_agg(last_at)
      into folded, uncounted_projects, uncounted_surveys, uncounted_last_at
      from statuses where n <= 0;

      -- A survey's latest time may have been one of those rows': read again from those counted,
      -- once a survey (an erased survey leaves all its rows uncounted).
      update survey_totals t set last_at = (select max(s.last_at) from status_rollup s
          where s.project = t.project and s.survey_id = t.survey_id and s.n > 0)
      from (select project, survey_id, max(last_at) as last_at
          from unnest(uncounted_projects, uncounted_surveys, uncounted_last_at)
            as u(project, survey_id, last_at)
          group by 1, 2) u
      where t.project = u.project and t.survey_id = u.survey_id and u.last_at >= t.last_at;

      truncate rollup_changes;
      return folded;
    end $$;
  `,
}
