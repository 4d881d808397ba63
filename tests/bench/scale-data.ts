/**
 * A practice at scale, built with set-based SQL (generate_series) on the owner connection: the data behind
 * `npm run seed:scale` (the page benchmark) and the roster query benchmark. Deterministic apart from ids:
 * values come from hashes of the ids and the day, so two builds have the same shape.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connection';

export type ScaleSizes = {
  clients: number;
  therapists: number;
  /** Days of daily check-ins (and of fortnightly PHQ-9/GAD-7, weekly homework) behind today. */
  days: number;
  /** Clients (the first by name) who get a portal login, for the portal pages and the check-in writers. */
  clientLogins: number;
};

export const SCALE_TIME_ZONE = 'America/New_York';

/** Logins of a scale practice: `<prefix>-admin@…`, `<prefix>-t01@…`, `<prefix>-c00001@…`. */
export const scaleEmail = {
  admin: (prefix: string) => `${prefix}-admin@scale.example`,
  therapist: (prefix: string, n: number) => `${prefix}-t${String(n).padStart(2, '0')}@scale.example`,
  client: (prefix: string, n: number) => `${prefix}-c${String(n).padStart(5, '0')}@scale.example`,
};

/**
 * One practice: an admin on no care team, `therapists` therapists sharing the clients round-robin, and a history
 * of `days` days per client. `passwordHash` (one argon2 hash) is given to every login. Runs in one transaction.
 */
export async function seedScalePractice(
  owner: Db,
  opts: ScaleSizes & { id: string; name: string; prefix: string; passwordHash: string | null },
): Promise<void> {
  const { id, name, prefix, passwordHash, clients, therapists, days, clientLogins } = opts;
  const last = days - 1;
  await owner.transaction(async (tx) => {
    const run = (q: SQL) => tx.execute(q);
    await run(sql`select set_config('app.practice_id', ${id}, true)`);
    // Every key below is generated to match (the same statement makes both ends), so the per-row foreign-key
    // triggers only cost time: replica mode skips them for this transaction (the owner here is a superuser).
    await run(sql`set local session_replication_role = replica`);
    await run(sql`set local synchronous_commit = off`);
    await run(sql`insert into practices (id, name, time_zone) values (${id}, ${name}, ${SCALE_TIME_ZONE})`);
    // Staff: g = 0 is the admin, 1..therapists the therapists.
    await run(sql`
      insert into users (id, email, name, status, password_hash)
      select gen_random_uuid(),
        case when g = 0 then ${scaleEmail.admin(prefix)} else ${`${prefix}-t`} || lpad(g::text, 2, '0') || '@scale.example' end,
        case when g = 0 then 'Practice Admin' else 'Therapist ' || lpad(g::text, 2, '0') end,
        'active', ${passwordHash}
      from generate_series(0, ${therapists}::int) g`);
    await run(sql`
      insert into memberships (practice_id, id, user_id, role)
      select ${id}, gen_random_uuid(), u.id, case when u.email = ${scaleEmail.admin(prefix)} then 'admin'::member_role else 'therapist'::member_role end
      from users u where u.email like ${`${prefix}-%@scale.example`}`);
    await run(sql`
      insert into clients (practice_id, id, first_name, last_name, pronouns, status, intake_date, email)
      select ${id}, gen_random_uuid(), 'Client', 'Number ' || lpad(g::text, 5, '0'), 'they/them',
        (case when g <= ${clientLogins}::int then 'active' when g % 20 = 0 then 'paused' when g % 33 = 0 then 'discharged' else 'active' end)::client_status,
        current_date - ${days + 35}::int, ${`${prefix}-c`} || lpad(g::text, 5, '0') || '@scale.example'
      from generate_series(1, ${clients}::int) g`);
    // Portal logins for the first clients by name.
    await run(sql`
      insert into users (id, email, name, status, password_hash)
      select gen_random_uuid(), c.email, 'Client ' || c.last_name, 'active', ${passwordHash}
      from clients c where c.practice_id = ${id} and c.last_name <= 'Number ' || lpad(${clientLogins}::int::text, 5, '0')`);
    await run(sql`
      update clients c set user_id = u.id from users u
      where c.practice_id = ${id} and u.email = c.email`);
    await run(sql`
      insert into memberships (practice_id, id, user_id, role)
      select ${id}, gen_random_uuid(), c.user_id, 'client' from clients c where c.practice_id = ${id} and c.user_id is not null`);
    await run(sql`
      with t as (select m.id, row_number() over (order by u.email) - 1 as n from memberships m join users u on u.id = m.user_id
                 where m.practice_id = ${id} and m.role = 'therapist'),
           c as (select id, row_number() over (order by last_name) - 1 as n from clients where practice_id = ${id})
      insert into care_team (practice_id, client_id, membership_id)
      select ${id}, c.id, t.id from c join t on t.n = c.n % ${therapists}::int`);
    // Daily check-ins; one client in ten stopped checking in ten days ago.
    await run(sql`
      insert into checkins (practice_id, client_id, local_day, mood, distress, "window", updated_at)
      select c.practice_id, c.id, current_date - d, (abs(hashtext(c.id::text || d)) % 11), (abs(hashtext(d || c.id::text)) % 8) * 10,
        (array['hypo','within','within','within','hyper'])[1 + abs(hashtext(c.id::text || 'w' || d)) % 5],
        (current_date - d) + time '08:30'
      from clients c cross join generate_series(0, ${last}::int) d
      where c.practice_id = ${id} and (abs(hashtext(c.id::text)) % 10 <> 0 or d > 9)`);
    // Fortnightly PHQ-9 and GAD-7.
    await run(sql`
      insert into measure_administrations (practice_id, client_id, measure, status, answers, score, raw_score, band, is_baseline, submission_key, completed_at)
      select c.practice_id, c.id, m.key, 'complete', '{}'::jsonb, s.score, s.score, null, false, gen_random_uuid()::text, now() - (k * 14 || ' days')::interval
      from clients c cross join (values ('phq9', 27), ('gad7', 21)) m(key, max) cross join generate_series(0, ${Math.floor(last / 14)}::int) k
      cross join lateral (select (abs(hashtext(c.id::text || m.key || k)) % (m.max + 1))::real as score) s
      where c.practice_id = ${id}`);
    await run(sql`
      insert into alerts (practice_id, client_id, kind, tier, reason, source_type, source_id, raised_at, acknowledged_at)
      select c.practice_id, c.id, 'bench', case when abs(hashtext(c.id::text)) % 50 = 0 then 'urgent' else 'follow_up' end, 'bench', 'measure',
        gen_random_uuid(), now() - interval '2 days', case when abs(hashtext(c.id::text || 'ack')) % 4 = 0 then null else now() end
      from clients c where c.practice_id = ${id} and abs(hashtext(c.id::text || 'alert')) % 5 = 0`);
    const creator = sql`(select m.id from memberships m where m.practice_id = ${id} and m.role = 'therapist' limit 1)`;
    const weeks = Math.max(1, Math.ceil(days / 7));
    await run(sql`
      insert into assignments (practice_id, id, client_id, kind, template_key, template_version, start_date, time_zone, recurrence, created_by_membership_id)
      select c.practice_id, gen_random_uuid(), c.id, 'exercise', 'journaling_prompt', 1, current_date - ${last}::int, ${SCALE_TIME_ZONE},
        ${JSON.stringify({ kind: 'weekly', end: { count: weeks + 1 } })}::jsonb, ${creator}
      from clients c where c.practice_id = ${id}`);
    await run(sql`
      insert into assignment_occurrences (practice_id, assignment_id, client_id, index, local_date, due_at, status)
      select a.practice_id, a.id, a.client_id, w, a.start_date + w * 7, (a.start_date + w * 7) + time '20:00',
        case when a.start_date + w * 7 > current_date then 'due'
             when abs(hashtext(a.id::text || w)) % 4 = 0 then 'missed' else 'submitted' end
      from assignments a cross join generate_series(0, ${weeks}::int) w where a.practice_id = ${id}`);
    await run(sql`
      insert into measure_schedules (practice_id, client_id, measure, every_days, start_date)
      select c.practice_id, c.id, m.key, m.every, current_date - ${Math.min(200, last)}::int
      from clients c cross join (values ('phq9', 14), ('gad7', 28)) m(key, every) where c.practice_id = ${id}`);
    // Replica mode skipped every trigger above, the ones that keep client_summaries too (db/migrations/0026): the
    // roster would read a practice with no summaries. Build them as the triggers would have, once per client.
    await run(sql`set local session_replication_role = origin`);
    await run(sql`select client_summaries_rebuild(array_agg(c.practice_id), array_agg(c.id)) from clients c where c.practice_id = ${id}`);
  });
  // Fresh statistics, and a visibility map so index-only scans stay in the index (as autovacuum would leave a
  // practice that grew over a year; right after a bulk load every index-only scan would visit the heap).
  await owner.execute(sql`vacuum (analyze)`);
}

/** Every login of a scale practice has this password; the seed refuses any database not on this machine. */
export const SCALE_PASSWORD = 'mend-scale-password';
