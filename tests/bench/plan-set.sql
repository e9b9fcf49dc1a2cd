-- plan-set.sql — a day's plan as set-based SQL in one transaction, for the benchmark's
-- "SQLite alone" beside `huifang plan`: the same kinds of work on the same file (calls past their
-- window missed, stale owners released, the curves of visits without one, reactivation and
-- why-they-left calls, birthday greetings, every planned customer's value), with the shipped
-- rules written in (every day a working day, no holidays). It leaves out what needs a
-- customer's rows side by side (the contact cap's merges, consultation repeats, escalations of
-- missed post-op checks), so it does a little less than huifang does.
-- The shell is given :today and :now (.parameter set) before it reads this file.
BEGIN IMMEDIATE;

-- (c) calls past their window
UPDATE task SET status = 'missed', updated_at = :now
WHERE status = 'open' AND window_end < :today;

-- (e) owned calls untouched for stale_owner_days (7)
UPDATE task SET owner = '', updated_at = :now
WHERE status = 'open' AND owner <> ''
  AND max(due_date, coalesce(substr(touched_at, 1, 10), '')) <= date(:today, '-7 days');

-- (a) the curve of each visit that has none, calls whose window is still open
WITH step(kind, step, off, win, script, team, prio) AS (VALUES
  ('consult', 0, '+3 days', 2, 'consult.d3', 'consult', 30),
  ('consult', 1, '+7 days', 3, 'consult.d7', 'consult', 30),
  ('surgery', 0, '+1 days', 1, 'surgery.d1', 'postop', 90),
  ('surgery', 1, '+3 days', 2, 'surgery.d3', 'postop', 80),
  ('surgery', 2, '+7 days', 3, 'surgery.d7', 'postop', 70),
  ('surgery', 3, '+1 months', 7, 'surgery.m1', 'postop', 50),
  ('surgery', 4, '+3 months', 7, 'surgery.m3', 'postop', 40),
  ('course', 0, '+7 days', 3, 'course.d7', 'aesthetic', 40),
  ('discharge', 0, '+3 days', 2, 'discharge.d3', 'service', 60),
  ('injection', 0, '+5 months', 14, 'injection.repurchase', 'consultant', 20))
INSERT INTO task(customer_id, visit_id, kind, step, due_date, window_end, team, priority, script,
                 origin, created_at, updated_at)
SELECT v.customer_id, v.id, CASE v.kind WHEN 'injection' THEN 'repurchase' ELSE 'followup' END,
       s.step, date(coalesce(v.course_end, v.date), s.off),
       date(coalesce(v.course_end, v.date), s.off, '+' || s.win || ' days'),
       CASE WHEN v.team <> '' THEN v.team ELSE s.team END, s.prio, s.script,
       json_object('code', 'curve', 'visit_kind', v.kind, 'visit_date', v.date,
                   'treatment', v.treatment, 'offset', s.off), :now, :now
FROM visit v JOIN step s ON s.kind = v.kind JOIN customer c ON c.id = v.customer_id
WHERE c.do_not_call = 0
  AND date(coalesce(v.course_end, v.date), s.off, '+' || s.win || ' days') >= :today
  AND NOT EXISTS (SELECT 1 FROM task t WHERE t.customer_id = v.customer_id AND t.visit_id = v.id
                  AND t.step >= 0);

-- (d) reactivation after 6 months, why-they-left after 12, one per last-visit day; each
-- customer's visits summed once, for these and for the value
CREATE TEMP TABLE last_visit AS
  SELECT customer_id, max(date) AS day, max(id) AS visit_id,
         sum(date > date(:today, '-365 days')) AS frequency,
         sum(CASE WHEN date > date(:today, '-365 days') THEN amount ELSE 0 END) AS monetary
  FROM visit GROUP BY customer_id;
INSERT INTO task(customer_id, visit_id, kind, due_date, window_end, team, script, origin,
                 created_at, updated_at)
SELECT l.customer_id, l.visit_id, k.kind, :today, date(:today, '+7 days'), k.team, k.kind,
       json_object('code', 'no_visit', 'task_kind', k.kind, 'day', l.day, 'count', k.months),
       :now, :now
FROM last_visit l JOIN customer c ON c.id = l.customer_id
JOIN (SELECT 'reactivation' AS kind, 6 AS months, 12 AS until, 'service' AS team
      UNION ALL SELECT 'winback', 12, 100000, 'service') k
WHERE c.do_not_call = 0
  AND date(l.day, '+' || k.months || ' months') <= :today
  AND date(l.day, '+' || k.until || ' months') > :today
  AND NOT EXISTS (SELECT 1 FROM task t JOIN visit v ON v.id = t.visit_id
                  WHERE t.customer_id = l.customer_id AND t.kind = k.kind
                    AND (t.status = 'open' OR v.date = l.day));

-- (d) birthday greetings up to a week ahead
INSERT INTO task(customer_id, kind, due_date, window_end, team, script, origin, created_at,
                 updated_at)
SELECT c.id, 'birthday', b.day, date(b.day, '+7 days'), 'service', 'birthday',
       json_object('code', 'birthday', 'day', b.day), :now, :now
FROM customer c
JOIN (SELECT id, strftime('%Y', :today) || substr(birthday, 5) AS day FROM customer
      WHERE birthday IS NOT NULL) b ON b.id = c.id
WHERE c.do_not_call = 0 AND b.day BETWEEN :today AND date(:today, '+7 days')
  AND c.id IN (SELECT customer_id FROM last_visit)
  AND NOT EXISTS (SELECT 1 FROM task t WHERE t.customer_id = c.id AND t.kind = 'birthday'
                  AND t.due_date BETWEEN date(b.day, '-31 days') AND date(b.day, '+31 days'));

-- the value (RFM) of every customer with a visit, as of the day
UPDATE customer SET value_day = :today, value_last_visit = l.day,
  value_recency = julianday(:today) - julianday(l.day), value_frequency = l.frequency,
  value_monetary = l.monetary
FROM last_visit l WHERE l.customer_id = customer.id;

COMMIT;
