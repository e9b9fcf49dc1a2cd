/* store-schema.c — the schema as commented SQL: ordered, append-only migrations.
 *
 * Migration N brings a database from user_version N-1 to N. Never edit a migration that has
 * shipped; append a new one. Times are ISO-8601 text in the clinic's local time
 * ("YYYY-MM-DD" for days, "YYYY-MM-DD HH:MM" for moments) so they sort as text. */
#include <stddef.h>

#include "store-int.h"

/* A task update that changes what a console shows: every column but the claim's lease and the
 * bookkeeping stamps (migrations 9 and 12 watch the same columns). */
#define TASK_SHOWN_CHANGED \
	"  WHEN (OLD.team, OLD.owner, OLD.status, OLD.due_date, OLD.due_time, OLD.window_end,\n" \
	"        OLD.kind, OLD.attempts, OLD.priority, OLD.script, OLD.origin, OLD.merged_into,\n" \
	"        OLD.last_outcome, OLD.claimed_by, OLD.customer_id, OLD.visit_id, OLD.step)\n" \
	"    IS NOT (NEW.team, NEW.owner, NEW.status, NEW.due_date, NEW.due_time, NEW.window_end,\n" \
	"        NEW.kind, NEW.attempts, NEW.priority, NEW.script, NEW.origin, NEW.merged_into,\n" \
	"        NEW.last_outcome, NEW.claimed_by, NEW.customer_id, NEW.visit_id, NEW.step) BEGIN\n"

static const char *const migrations[] = {
	/* 1: the whole first schema */
	"-- People who use huifang: Unix logins with a role and a team.\n"
	"CREATE TABLE user (\n"
	"  login      TEXT PRIMARY KEY,             -- Unix login name (getpwuid)\n"
	"  name       TEXT NOT NULL DEFAULT '',     -- display name\n"
	"  role       TEXT NOT NULL CHECK (role IN ('operator','supervisor','admin')),\n"
	"  team       TEXT NOT NULL,                -- team code from the config\n"
	"  active     INTEGER NOT NULL DEFAULT 1,\n"
	"  created_at TEXT NOT NULL\n"
	");\n"
	"-- The clinic's customers.\n"
	"CREATE TABLE customer (\n"
	"  id            INTEGER PRIMARY KEY,\n"
	"  external_id   TEXT UNIQUE,               -- id in the clinic's HIS/CRM, for imports\n"
	"  name          TEXT NOT NULL,\n"
	"  phone         TEXT NOT NULL DEFAULT '',\n"
	"  gender        TEXT NOT NULL DEFAULT '' CHECK (gender IN ('','F','M')),\n"
	"  birthday      TEXT,                      -- YYYY-MM-DD or NULL\n"
	"  consultant    TEXT NOT NULL DEFAULT '',  -- login of the owning consultant (医美顾问)\n"
	"  source        TEXT NOT NULL DEFAULT '',  -- how they came: referral, online, walk-in\n"
	"  tags          TEXT NOT NULL DEFAULT '',  -- comma separated\n"
	"  do_not_call   INTEGER NOT NULL DEFAULT 0,-- refused follow-ups; only a supervisor lifts it\n"
	"  phone_invalid INTEGER NOT NULL DEFAULT 0,\n"
	"  created_at    TEXT NOT NULL\n"
	");\n"
	"CREATE INDEX customer_phone ON customer(phone);\n"
	"-- A visit: what a follow-up curve starts from.\n"
	"CREATE TABLE visit (\n"
	"  id          INTEGER PRIMARY KEY,\n"
	"  customer_id INTEGER NOT NULL REFERENCES customer(id),\n"
	"  date        TEXT NOT NULL,               -- YYYY-MM-DD\n"
	"  kind        TEXT NOT NULL CHECK (kind IN ('consult','surgery','course','discharge','injection')),\n"
	"  treatment   TEXT NOT NULL DEFAULT '',\n"
	"  doctor      TEXT NOT NULL DEFAULT '',\n"
	"  team        TEXT NOT NULL DEFAULT '',    -- '' = each curve step's team\n"
	"  course_end  TEXT,                        -- YYYY-MM-DD for treatment courses\n"
	"  amount      INTEGER NOT NULL DEFAULT 0,  -- yuan\n"
	"  planned     INTEGER NOT NULL DEFAULT 0,  -- its curve has been written\n"
	"  created_at  TEXT NOT NULL\n"
	");\n"
	"CREATE INDEX visit_customer ON visit(customer_id, date);\n"
	"-- A call owed to a customer.\n"
	"CREATE TABLE task (\n"
	"  id            INTEGER PRIMARY KEY,\n"
	"  customer_id   INTEGER NOT NULL REFERENCES customer(id),\n"
	"  visit_id      INTEGER REFERENCES visit(id),\n"
	"  kind          TEXT NOT NULL,             -- followup, callback, reactivation, ...\n"
	"  step          INTEGER NOT NULL DEFAULT -1, -- index in the visit's curve\n"
	"  due_date      TEXT NOT NULL,             -- YYYY-MM-DD\n"
	"  due_time      TEXT,                      -- HH:MM for retries and callbacks\n"
	"  window_end    TEXT NOT NULL,             -- last day it is callable; then `missed`\n"
	"  team          TEXT NOT NULL,\n"
	"  owner         TEXT NOT NULL DEFAULT '',  -- '' = the team's pool\n"
	"  status        TEXT NOT NULL DEFAULT 'open',\n"
	"  attempts      INTEGER NOT NULL DEFAULT 0,\n"
	"  priority      INTEGER NOT NULL DEFAULT 0,\n"
	"  script        TEXT NOT NULL DEFAULT '',  -- script key\n"
	"  origin        TEXT NOT NULL DEFAULT '',  -- why it is in a queue\n"
	"  merged_into   INTEGER REFERENCES task(id), -- contact cap: the call that carries it\n"
	"  last_outcome  TEXT NOT NULL DEFAULT '',\n"
	"  claimed_by    TEXT NOT NULL DEFAULT '',\n"
	"  claimed_until TEXT NOT NULL DEFAULT '',\n"
	"  touched_at    TEXT,                      -- last change by a person\n"
	"  created_at    TEXT NOT NULL,\n"
	"  updated_at    TEXT NOT NULL\n"
	");\n"
	"CREATE INDEX task_queue ON task(status, due_date, team);\n"
	"CREATE INDEX task_customer ON task(customer_id);\n"
	"CREATE INDEX task_owner ON task(owner, status);\n"
	"-- One phone call and its outcome.\n"
	"CREATE TABLE call (\n"
	"  id           INTEGER PRIMARY KEY,\n"
	"  task_id      INTEGER REFERENCES task(id),\n"
	"  customer_id  INTEGER NOT NULL REFERENCES customer(id),\n"
	"  operator     TEXT NOT NULL,\n"
	"  started_at   TEXT NOT NULL,\n"
	"  ended_at     TEXT NOT NULL,\n"
	"  outcome      TEXT NOT NULL,\n"
	"  score        INTEGER CHECK (score BETWEEN 1 AND 5),\n"
	"  note         TEXT NOT NULL DEFAULT '',\n"
	"  next_contact TEXT,                       -- YYYY-MM-DD[ HH:MM]\n"
	"  complaint    TEXT NOT NULL DEFAULT ''    -- complaint category\n"
	");\n"
	"CREATE INDEX call_customer ON call(customer_id, started_at);\n"
	"CREATE INDEX call_operator ON call(operator, started_at);\n"
	"CREATE INDEX call_task ON call(task_id);\n"
	"-- The supervisor queue.\n"
	"CREATE TABLE escalation (\n"
	"  id              INTEGER PRIMARY KEY,\n"
	"  call_id         INTEGER REFERENCES call(id),\n"
	"  customer_id     INTEGER NOT NULL REFERENCES customer(id),\n"
	"  task_id         INTEGER REFERENCES task(id),\n"
	"  severity        TEXT NOT NULL CHECK (severity IN ('normal','high','urgent')),\n"
	"  reason          TEXT NOT NULL,\n"
	"  sla_due         TEXT NOT NULL,\n"
	"  status          TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','acknowledged','resolved')),\n"
	"  raised_by       TEXT NOT NULL,\n"
	"  raised_at       TEXT NOT NULL,\n"
	"  acknowledged_by TEXT NOT NULL DEFAULT '',\n"
	"  acknowledged_at TEXT NOT NULL DEFAULT '',\n"
	"  resolved_by     TEXT NOT NULL DEFAULT '',\n"
	"  resolved_at     TEXT NOT NULL DEFAULT '',\n"
	"  resolution      TEXT NOT NULL DEFAULT ''\n"
	");\n"
	"CREATE INDEX escalation_status ON escalation(status, sla_due);\n"
	"-- Call scripts (话术), by key and language.\n"
	"CREATE TABLE script (\n"
	"  key   TEXT NOT NULL,\n"
	"  lang  TEXT NOT NULL,\n"
	"  title TEXT NOT NULL,\n"
	"  body  TEXT NOT NULL,\n"
	"  PRIMARY KEY (key, lang)\n"
	");\n"
	"-- Who did what, hash-chained: hash = sha256(prev_hash | fields).\n"
	"CREATE TABLE audit (\n"
	"  id        INTEGER PRIMARY KEY,\n"
	"  at        TEXT NOT NULL,\n"
	"  login     TEXT NOT NULL,\n"
	"  action    TEXT NOT NULL,\n"
	"  entity    TEXT NOT NULL,\n"
	"  entity_id INTEGER,\n"
	"  detail    TEXT NOT NULL DEFAULT '',\n"
	"  prev_hash TEXT NOT NULL,\n"
	"  hash      TEXT NOT NULL\n"
	");\n"
	"-- Small facts about this database: clinic name, last planned day.\n"
	"CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);\n",

	/* 2: indexes for each queue scope, the reasons merged into a call, a customer's
	 * escalations */
	"CREATE INDEX task_team_queue ON task(status, team, due_date);\n"
	"CREATE INDEX task_owner_queue ON task(status, owner, due_date);\n"
	"CREATE INDEX task_merged ON task(merged_into, status);\n"
	"CREATE INDEX escalation_customer ON escalation(customer_id, raised_at);\n",

	/* 3: the customer's answer to "would you recommend us" (0-10), for the NPS */
	"ALTER TABLE call ADD COLUMN nps INTEGER CHECK (nps BETWEEN 0 AND 10); -- NULL: not asked\n",

	/* 4: task.origin and escalation.reason hold codes with arguments as JSON, no longer
	 * sentences: an origin is one object {"code": …, its arguments, "origin": {…} for the
	 * origin it carries}, a reason an array of them. The earlier text of both columns is
	 * converted in C (store-migrate.c); the columns themselves stay as they are. */
	"-- origin: {\"code\":\"curve\",\"visit_kind\":\"surgery\",\"visit_date\":\"2026-11-20\",...}\n"
	"-- reason: [{\"code\":\"outcome\",\"outcome\":\"complaint\",\"category\":\"...\"}, ...]\n"
	"SELECT 1;\n",
	/* 5: who holds an escalation, its ladder level, its resolution category and its timeline */
	"ALTER TABLE escalation ADD COLUMN assignee TEXT NOT NULL DEFAULT '';      -- supervisor's login\n"
	"ALTER TABLE escalation ADD COLUMN assignee_team TEXT NOT NULL DEFAULT ''; -- or a team's code\n"
	"ALTER TABLE escalation ADD COLUMN level INTEGER NOT NULL DEFAULT 0;       -- escalation.ladder step\n"
	"ALTER TABLE escalation ADD COLUMN breached_levels INTEGER NOT NULL DEFAULT 0; -- breaches recorded\n"
	"ALTER TABLE escalation ADD COLUMN resolution_code TEXT NOT NULL DEFAULT ''; -- escalation.resolutions\n"
	"-- Every step of an escalation: who and when.\n"
	"CREATE TABLE escalation_step (\n"
	"  id            INTEGER PRIMARY KEY,\n"
	"  escalation_id INTEGER NOT NULL REFERENCES escalation(id),\n"
	"  at            TEXT NOT NULL,\n"
	"  login         TEXT NOT NULL,\n"
	"  step          TEXT NOT NULL CHECK (step IN ('raised','acknowledged','note','assigned',\n"
	"                  'callback','breached','resolved','reopened')),\n"
	"  value         TEXT NOT NULL DEFAULT '', -- assigned: login or team code; breached: level;\n"
	"                                         -- resolved: resolution code; callback: task id\n"
	"  note          TEXT NOT NULL DEFAULT ''  -- what the person wrote\n"
	");\n"
	"CREATE INDEX escalation_step_escalation ON escalation_step(escalation_id, at, id);\n"
	"-- The history so far: raised, acknowledged (its note was kept as the resolution), resolved.\n"
	"INSERT INTO escalation_step(escalation_id, at, login, step)\n"
	"  SELECT id, raised_at, raised_by, 'raised' FROM escalation;\n"
	"INSERT INTO escalation_step(escalation_id, at, login, step, note)\n"
	"  SELECT id, acknowledged_at, acknowledged_by, 'acknowledged',\n"
	"         CASE status WHEN 'acknowledged' THEN resolution ELSE '' END\n"
	"  FROM escalation WHERE acknowledged_at <> '';\n"
	"INSERT INTO escalation_step(escalation_id, at, login, step, note)\n"
	"  SELECT id, resolved_at, resolved_by, 'resolved', resolution FROM escalation\n"
	"  WHERE resolved_at <> '';\n"
	"UPDATE escalation SET resolution = '' WHERE status = 'acknowledged';\n"
	"UPDATE escalation SET assignee = acknowledged_by;\n",

	/* 6: each customer's value (RFM) as the rules computed it on value_day, so the queue and
	 * the reports read it instead of scanning the visits; written when the customer is
	 * planned */
	"ALTER TABLE customer ADD COLUMN value_day TEXT;            -- YYYY-MM-DD; NULL: never computed\n"
	"ALTER TABLE customer ADD COLUMN value_last_visit TEXT;     -- YYYY-MM-DD; NULL: no visit\n"
	"ALTER TABLE customer ADD COLUMN value_recency INTEGER;    -- days since the last visit\n"
	"ALTER TABLE customer ADD COLUMN value_frequency INTEGER NOT NULL DEFAULT 0; -- visits in the window\n"
	"ALTER TABLE customer ADD COLUMN value_monetary INTEGER NOT NULL DEFAULT 0;  -- yuan in the window\n"
	"ALTER TABLE customer ADD COLUMN value_scores TEXT NOT NULL DEFAULT '';      -- R F M scores, \"434\"\n"
	"ALTER TABLE customer ADD COLUMN value_segment TEXT NOT NULL DEFAULT '';     -- segment code\n"
	"ALTER TABLE customer ADD COLUMN value_vip INTEGER NOT NULL DEFAULT 0;       -- VIP by the rule\n"
	"ALTER TABLE customer ADD COLUMN value_rank INTEGER NOT NULL DEFAULT 0;      -- added to task priority\n"
	"CREATE INDEX customer_segment ON customer(value_segment);\n",
	/* 7: incremental planning. Each customer carries the first day on which planning could
	 * decide anything new for them (plan_due); the day's plan visits only the customers due by
	 * that day, through an index, instead of every customer. The rules compute the day when they
	 * plan the customer; any other change to what planning reads (a visit, a task, the
	 * birthday or do-not-call) makes the customer due at once, by the triggers below, so a
	 * writer cannot forget it. plan_rev counts those changes, so a plan that read a customer
	 * outside the write lock sees whether it changed before writing. visit.planned keeps one
	 * meaning, stated here: 1 for a visit imported as history (every call of its curve already
	 * over), 0 otherwise; planning does not read it. Customers planning has never seen are due. */
	"ALTER TABLE customer ADD COLUMN plan_due TEXT;   -- YYYY-MM-DD, '' = at the next plan; NULL: nothing\n"
	"ALTER TABLE customer ADD COLUMN plan_rev INTEGER NOT NULL DEFAULT 0; -- changes planning reads\n"
	"CREATE INDEX customer_plan_due ON customer(plan_due) WHERE plan_due IS NOT NULL;\n"
	"UPDATE customer SET plan_due = '' WHERE id IN (SELECT customer_id FROM visit)\n"
	"  OR id IN (SELECT customer_id FROM task WHERE status = 'open');\n"
	"CREATE TRIGGER visit_plan_due AFTER INSERT ON visit BEGIN\n"
	"  UPDATE customer SET plan_due = '', plan_rev = plan_rev + 1 WHERE id = NEW.customer_id;\n"
	"END;\n"
	"CREATE TRIGGER visit_plan_due_change AFTER UPDATE ON visit BEGIN\n"
	"  UPDATE customer SET plan_due = '', plan_rev = plan_rev + 1\n"
	"  WHERE id IN (OLD.customer_id, NEW.customer_id);\n"
	"END;\n"
	"CREATE TRIGGER task_plan_due AFTER INSERT ON task BEGIN\n"
	"  UPDATE customer SET plan_due = '', plan_rev = plan_rev + 1 WHERE id = NEW.customer_id;\n"
	"END;\n"
	"CREATE TRIGGER task_plan_due_change AFTER UPDATE ON task BEGIN\n"
	"  UPDATE customer SET plan_due = '', plan_rev = plan_rev + 1\n"
	"  WHERE id IN (OLD.customer_id, NEW.customer_id);\n"
	"END;\n"
	"CREATE TRIGGER customer_plan_due AFTER UPDATE OF birthday, do_not_call ON customer BEGIN\n"
	"  UPDATE customer SET plan_due = '', plan_rev = plan_rev + 1 WHERE id = NEW.id;\n"
	"END;\n",

	/* 8: each audit row carries a digest of the rows its action wrote (store-audit.c); rows
	 * written before have none. A column added to a covered table later must default to NULL,
	 * '' or 0, or the digests of the rows written before it no longer match (util/digest.c). */
	"ALTER TABLE audit ADD COLUMN digest TEXT; -- sha256 over its audit_row entries; NULL: none\n"
	"-- The rows each audit row's action wrote, as written.\n"
	"CREATE TABLE audit_row (\n"
	"  id       INTEGER PRIMARY KEY,\n"
	"  audit_id INTEGER NOT NULL,  -- the audit row\n"
	"  entity   TEXT NOT NULL,     -- the table: customer, visit, task, call, escalation, ...\n"
	"  row_key  TEXT NOT NULL,     -- the row's id (a user's login)\n"
	"  digest   TEXT NOT NULL,     -- sha256 of the row's canonical form\n"
	"  columns  TEXT NOT NULL      -- its column fingerprints, to name the column that changed\n"
	");\n"
	"CREATE INDEX audit_row_row ON audit_row(entity, row_key, id);\n"
	"CREATE INDEX audit_row_audit ON audit_row(audit_id);\n"
	"-- Rows already here have no record; every row after these ids must have one.\n"
	"INSERT INTO meta(key, value) SELECT 'audit_rows_after.customer', coalesce(max(id), 0) FROM customer;\n"
	"INSERT INTO meta(key, value) SELECT 'audit_rows_after.visit', coalesce(max(id), 0) FROM visit;\n"
	"INSERT INTO meta(key, value) SELECT 'audit_rows_after.task', coalesce(max(id), 0) FROM task;\n"
	"INSERT INTO meta(key, value) SELECT 'audit_rows_after.call', coalesce(max(id), 0) FROM call;\n"
	"INSERT INTO meta(key, value) SELECT 'audit_rows_after.escalation', coalesce(max(id), 0) FROM escalation;\n"
	"INSERT INTO meta(key, value) SELECT 'audit_rows_after.escalation_step', coalesce(max(id), 0)\n"
	"  FROM escalation_step;\n",

	/* 9: what a console shows changes only with the tasks of its team (and, for everyone, the
	 * customers and people it names): each writer bumps its scope's counter, by the triggers
	 * below, so a console that sees another connection commit (PRAGMA data_version) reads a
	 * few counters and reloads only when one of its own moved. Scopes: a team's code (its
	 * tasks), '*' (customers and people: every console), '!' (escalations: the desk). */
	"CREATE TABLE scope_change (\n"
	"  scope TEXT PRIMARY KEY,\n"
	"  n     INTEGER NOT NULL\n"
	") WITHOUT ROWID;\n"
	"CREATE TRIGGER task_scope_insert AFTER INSERT ON task BEGIN\n"
	"  INSERT INTO scope_change VALUES (NEW.team, 1) ON CONFLICT(scope) DO UPDATE SET n = n + 1;\n"
	"END;\n"
	"-- A claim renewed (claimed_until alone) changes nothing a console shows.\n"
	"CREATE TRIGGER task_scope_update AFTER UPDATE ON task\n"
	TASK_SHOWN_CHANGED
	"  INSERT INTO scope_change VALUES (NEW.team, 1) ON CONFLICT(scope) DO UPDATE SET n = n + 1;\n"
	"  INSERT INTO scope_change SELECT OLD.team, 1 WHERE OLD.team <> NEW.team\n"
	"    ON CONFLICT(scope) DO UPDATE SET n = n + 1;\n"
	"END;\n"
	"CREATE TRIGGER task_scope_delete AFTER DELETE ON task BEGIN\n"
	"  INSERT INTO scope_change VALUES (OLD.team, 1) ON CONFLICT(scope) DO UPDATE SET n = n + 1;\n"
	"END;\n"
	"CREATE TRIGGER customer_scope AFTER UPDATE ON customer\n"
	"  WHEN OLD.name IS NOT NEW.name OR OLD.phone IS NOT NEW.phone OR OLD.gender IS NOT NEW.gender\n"
	"    OR OLD.tags IS NOT NEW.tags OR OLD.do_not_call IS NOT NEW.do_not_call\n"
	"    OR OLD.phone_invalid IS NOT NEW.phone_invalid OR OLD.value_segment IS NOT NEW.value_segment\n"
	"    OR OLD.value_vip IS NOT NEW.value_vip BEGIN\n"
	"  INSERT INTO scope_change VALUES ('*', 1) ON CONFLICT(scope) DO UPDATE SET n = n + 1;\n"
	"END;\n"
	"CREATE TRIGGER user_scope AFTER UPDATE ON user BEGIN\n"
	"  INSERT INTO scope_change VALUES ('*', 1) ON CONFLICT(scope) DO UPDATE SET n = n + 1;\n"
	"END;\n"
	"CREATE TRIGGER escalation_scope_insert AFTER INSERT ON escalation BEGIN\n"
	"  INSERT INTO scope_change VALUES ('!', 1) ON CONFLICT(scope) DO UPDATE SET n = n + 1;\n"
	"END;\n"
	"CREATE TRIGGER escalation_scope_update AFTER UPDATE ON escalation BEGIN\n"
	"  INSERT INTO scope_change VALUES ('!', 1) ON CONFLICT(scope) DO UPDATE SET n = n + 1;\n"
	"END;\n"
	"CREATE TRIGGER escalation_step_scope AFTER INSERT ON escalation_step BEGIN\n"
	"  INSERT INTO scope_change VALUES ('!', 1) ON CONFLICT(scope) DO UPDATE SET n = n + 1;\n"
	"END;\n",

	/* 10: satisfaction in several dimensions: a call's score on each dimension of the rules
	 * (config `dimensions`) besides its overall score, written with the call in its
	 * transaction; covered by the audit trail's record like the call itself. */
	"-- One dimension's score on a call: the dimension's code and 1-5.\n"
	"CREATE TABLE call_score (\n"
	"  id        INTEGER PRIMARY KEY,\n"
	"  call_id   INTEGER NOT NULL REFERENCES call(id),\n"
	"  dimension TEXT NOT NULL,                -- dimensions[].code\n"
	"  score     INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),\n"
	"  UNIQUE (call_id, dimension)\n"
	");\n"
	"INSERT INTO meta(key, value) VALUES ('audit_rows_after.call_score', '0');\n",

	/* 11: the reports read a period's tasks by their due day, its calls by when they started and
	 * its escalations by when they were raised or resolved: each through an index of its own
	 * rather than a scan of every row (a month of a chain's five million calls). */
	"CREATE INDEX task_due ON task(due_date);\n"
	"CREATE INDEX call_started ON call(started_at);\n"
	"CREATE INDEX escalation_raised ON escalation(raised_at);\n"
	"CREATE INDEX escalation_resolved ON escalation(resolved_at);\n",

	/* 12: a console brings its queue up to date by reading only the tasks that changed since it
	 * last looked: every write of a task that a queue shows (and of a customer that a queue row
	 * names, for each of that customer's open tasks) records the task here with a revision
	 * above every earlier one, by the triggers below, so no writer can forget. A console keeps
	 * the highest revision it has read; a refresh is an index range above it, whatever the
	 * length of the queue. One row a task: a task written again moves up. */
	"CREATE TABLE queue_change (\n"
	"  task_id INTEGER PRIMARY KEY,\n"
	"  rev     INTEGER NOT NULL\n"
	");\n"
	"CREATE INDEX queue_change_rev ON queue_change(rev);\n"
	"CREATE TRIGGER task_queue_insert AFTER INSERT ON task BEGIN\n"
	"  INSERT OR REPLACE INTO queue_change\n"
	"    SELECT NEW.id, coalesce(max(rev), 0) + 1 FROM queue_change;\n"
	"END;\n"
	"-- What a queue row shows or is ordered by; a claim renewed (claimed_until alone) is not.\n"
	"CREATE TRIGGER task_queue_update AFTER UPDATE ON task\n"
	TASK_SHOWN_CHANGED
	"  INSERT OR REPLACE INTO queue_change\n"
	"    SELECT NEW.id, coalesce(max(rev), 0) + 1 FROM queue_change;\n"
	"END;\n"
	"CREATE TRIGGER task_queue_delete AFTER DELETE ON task BEGIN\n"
	"  INSERT OR REPLACE INTO queue_change\n"
	"    SELECT OLD.id, coalesce(max(rev), 0) + 1 FROM queue_change;\n"
	"END;\n"
	"CREATE TRIGGER customer_queue AFTER UPDATE ON customer\n"
	"  WHEN (OLD.name, OLD.phone, OLD.do_not_call, OLD.value_segment, OLD.value_vip,\n"
	"        OLD.value_rank)\n"
	"    IS NOT (NEW.name, NEW.phone, NEW.do_not_call, NEW.value_segment, NEW.value_vip,\n"
	"        NEW.value_rank) BEGIN\n"
	"  INSERT OR REPLACE INTO queue_change\n"
	"    SELECT t.id, (SELECT coalesce(max(rev), 0) + 1 FROM queue_change) FROM task t\n"
	"    WHERE t.customer_id = NEW.id AND t.status = 'open';\n"
	"END;\n",
};

int store_migration_count(void)
{
	return (int)(sizeof migrations / sizeof migrations[0]);
}

const char *store_migration(int version)
{
	if (version < 1 || version > store_migration_count())
		return NULL;
	return migrations[version - 1];
}
