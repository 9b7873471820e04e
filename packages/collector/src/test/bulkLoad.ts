import type { Queryable } from '../db/database'

// A year of NPS answers: 600 users' contexts, one response in three with a "why?", scores skewed
// as real NPS answers are, 80% completed, 10% answered and 10% dismissed.
const insertResponses = `
  insert into responses (project, response_id, survey_id, survey_version, status, seq,
    event_id, last_at, answers, answers_seq, answers_event_id, answered_at, metric_kind,
    score, scale, bucket, locale, device, path, app_version, plan, known, context)
  select $1, $2 || '-' || i, $2, 2, g.status, 2, $2 || '-' || i, g.at + interval '1 minute',
    a.answers, 2, $2 || '-' || i, g.at, 'nps', g.score, 10, a.bucket,
    c.locale, c.device, c.path, c.app_version, c.plan, c.known, c.context
  from (
    select i, now() - i % 365 * interval '1 day' - i % 86399 * interval '1 second' as at,
      (array[0,1,2,3,4,5,6,7,7,8,8,8,9,9,9,9,10,10,10,10])[1 + i::bigint * 7919 % 20] as score,
      (array['dismissed','answered','completed','completed','completed','completed',
        'completed','completed','completed','completed'])[1 + i % 10] as status
    from generate_series(1, $3::int) as i
  ) g
  join (
    select k, locale, device, path, plan, known, app_version,
      jsonb_build_object('locale', locale, 'device', device, 'page', jsonb_build_object('path',
        path), 'user', jsonb_build_object('known', known, 'traits', jsonb_build_object('plan',
        plan, 'company', 'c-' || k % 300)), 'app', jsonb_build_object('version', app_version))
        as context
    from (
      select k, (array['en-US','fr-FR','de-DE','es-ES','ja-JP','pt-BR'])[1 + k % 6] as locale,
        (array['desktop','desktop','mobile','tablet'])[1 + k % 4] as device,
        (array['/reports','/dashboard','/settings','/export','/'])[1 + k % 5] as path,
        (array['free','pro','team','enterprise'])[1 + k % 7 % 4] as plan,
        k % 3 <> 0 as known, '2.' || k % 5 as app_version
      from generate_series(0, 599) as k
    ) v
  ) c on c.k = g.i % 600
  join (
    select score, why,
      case when score >= 9 then 'promoter' when score >= 7 then 'passive' else 'detractor' end
        as bucket,
      jsonb_build_array(jsonb_build_object('questionId', 'score', 'value', score)) || case
        when why then jsonb_build_array(jsonb_build_object('questionId', 'why', 'value',
          'Reports are ' || (array['slow', 'great', 'fine', 'missing a filter'])[1 + score % 4]))
        else '[]' end as answers
    from generate_series(0, 10) as score cross join (values (true), (false)) as w(why)
  ) a on a.score = g.score and a.why = (g.i % 3 = 0)`

// The prompts shown and never answered (ignored, or closed before any answer), which outnumber
// the answered ones in a survey shown in an app: a row each, without answers or a time of
// answering, dated by its latest event, over the same year.
const insertUnanswered = `
  insert into responses (project, response_id, survey_id, survey_version, status, seq,
    event_id, last_at, answers, answers_seq, answers_event_id, locale, device, context)
  select $1, $2 || '-unanswered-' || i, $2, 2,
    case when i % 4 = 0 then 'dismissed' else 'shown' end, 1, $2 || '-unanswered-' || i,
    now() - i % 365 * interval '1 day' - i % 86399 * interval '1 second', '[]', 0, '',
    'en-US', 'desktop', '{"locale":"en-US","device":"desktop"}'
  from generate_series(1, $3::int) as i`

/**
 * Writes `count` NPS responses of one survey straight into `responses`, in one INSERT … SELECT:
 * what a year of traffic leaves there, without a year of HTTP, and `unanswered` prompts shown
 * and never answered. The rollup triggers count them as they land, as they count ingested ones.
 */
export async function bulkLoadResponses(
  db: Queryable,
  project: string,
  surveyId: string,
  count: number,
  unanswered = 0,
): Promise<void> {
  await db.query(insertResponses, [project, surveyId, count])
  if (unanswered > 0) await db.query(insertUnanswered, [project, surveyId, unanswered])
}
