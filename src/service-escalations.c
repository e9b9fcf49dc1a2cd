/* service-escalations.c — the supervisor's escalation use cases: list, show, acknowledge, note,
 * assign, callback, resolve, reopen, and the ladder of breaches. One transaction each, every
 * step in the escalation's timeline and the audit trail, an event after the commit. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "huifang/date.h"
#include "huifang/i18n.h"
#include "huifang/utf8.h"
#include "service-int.h"

/* ---- shared steps --------------------------------------------------------------------- */

/* Start a supervisor's change of escalations ids: the role, the transaction, every one found
 * (into *out, malloc'd). */
static int esc_begin(struct hf_ctx *ctx, const hf_id *ids, size_t n, struct hf_escalation **out,
                     char *err, size_t errlen)
{
	*out = NULL;
	int rc = svc_require(ctx, ROLE_SUPERVISOR, err, errlen);
	if (rc != HF_OK)
		return rc;
	if (n == 0)
		return errf(err, errlen, _("missing escalation id")), HF_EUSAGE;
	if (!store_begin(ctx->st))
		return errf(err, errlen, "%s", store_errmsg(ctx->st)), HF_EFAIL;
	struct hf_escalation *v = xcalloc(n, sizeof *v);
	for (size_t i = 0; i < n; i++) {
		enum store_found found = store_escalation_get(ctx->st, ids[i], &v[i]);
		if (found != STORE_FOUND) {
			if (found == STORE_ERROR)
				errf(err, errlen, "%s", store_errmsg(ctx->st));
			else
				errf(err, errlen, _("no escalation %lld"), (long long)ids[i]);
			store_rollback(ctx->st);
			free(v);
			return found == STORE_ERROR ? HF_EFAIL : HF_EUSAGE;
		}
	}
	*out = v;
	return HF_OK;
}

/* Refuse (2, rolled back) an escalation in a status the action does not apply to. */
static int esc_refuse(struct hf_ctx *ctx, struct hf_escalation *v, const struct hf_escalation *e,
                      char *err, size_t errlen)
{
	store_rollback(ctx->st);
	errf(err, errlen, _("escalation %lld is already %s"), (long long)e->id,
	     esc_status_label(e->status));
	free(v);
	return HF_EUSAGE;
}

/* esc_begin for one escalation that is not resolved yet. */
static int esc_begin_unresolved(struct hf_ctx *ctx, hf_id id, struct hf_escalation **v, char *err,
                                size_t errlen)
{
	int rc = esc_begin(ctx, &id, 1, v, err, errlen);
	if (rc == HF_OK && (*v)->status == ESC_RESOLVED) {
		rc = esc_refuse(ctx, *v, *v, err, errlen);
		*v = NULL;
	}
	return rc;
}

/* Write e back with its timeline step and audit row (inside the transaction). */
static bool esc_write(struct hf_ctx *ctx, const struct hf_escalation *e, enum hf_esc_step step,
                      hf_stamp at, const char *value, const char *note)
{
	char detail[2 * HF_NAME_MAX + 32];
	snprintf(detail, sizeof detail, "%s%s%s", esc_step_code(step), value && *value ? " " : "",
	         value ? value : "");
	return store_escalation_put(ctx->st, e) &&
	       store_escalation_step(ctx->st, e->id, at, ctx->login, step, value, note) &&
	       store_audit(ctx->st, ctx->login, ctx->now, esc_step_code(step), "escalation", e->id,
	                   detail);
}

/* Commit, or roll back with the store's message. */
static int esc_commit(struct hf_ctx *ctx, bool ok, struct hf_escalation *v, char *err,
                      size_t errlen)
{
	free(v);
	if (ok && store_commit(ctx->st))
		return HF_OK;
	errf(err, errlen, "%s", store_errmsg(ctx->st));
	store_rollback(ctx->st);
	return HF_EFAIL;
}

/* A supervisor named by login: an active user with the role (2, rolled back, when not). */
static int check_supervisor(struct hf_ctx *ctx, const char *login, struct hf_user *u,
                            struct hf_escalation *v, char *err, size_t errlen)
{
	enum store_found found = store_user_get(ctx->st, login, u);
	if (found == STORE_FOUND && u->active && u->role >= ROLE_SUPERVISOR)
		return HF_OK;
	if (found == STORE_ERROR)
		errf(err, errlen, "%s", store_errmsg(ctx->st));
	else
		errf(err, errlen, _("--to: %s is not an active supervisor"), login);
	store_rollback(ctx->st);
	free(v);
	return found == STORE_ERROR ? HF_EFAIL : HF_EUSAGE;
}

static bool note_ok(const char *note, const char *what, char *err, size_t errlen)
{
	if (!utf8_check_text(what, note, true, err, errlen))
		return false;
	if (note && strlen(note) > HF_NOTE_MAX)
		return errf(err, errlen, _("%s: the text is too long (%zu bytes; at most %d)"), what,
		            strlen(note), HF_NOTE_MAX);
	return true;
}

/* ---- the ladder ----------------------------------------------------------------------- */

int svc_escalation_breaches(struct hf_ctx *ctx, int *found, char *err, size_t errlen)
{
	*found = 0;
	/* Looked for first without the write lock: a listing with nothing due writes nothing. */
	struct hf_escalation *v;
	size_t n;
	if (!store_escalations(ctx->st, ESC_SCOPE_DUE, NULL, ctx->now, &v, &n))
		return errf(err, errlen, "%s", store_errmsg(ctx->st)), HF_EFAIL;
	free(v);
	if (n == 0)
		return HF_OK;
	if (!store_begin(ctx->st))
		return errf(err, errlen, "%s", store_errmsg(ctx->st)), HF_EFAIL;
	if (!store_escalations(ctx->st, ESC_SCOPE_DUE, NULL, ctx->now, &v, &n)) {
		errf(err, errlen, "%s", store_errmsg(ctx->st));
		store_rollback(ctx->st);
		return HF_EFAIL;
	}
	struct ladder_step steps[HF_MAX_LADDER + 1];
	/* Which escalations breached at which step, for the events after the commit. */
	struct { hf_id id; int to; } *done = xcalloc(n * (HF_MAX_LADDER + 1) + 1, sizeof *done);
	size_t ndone = 0;
	bool ok = true;
	for (size_t i = 0; ok && i < n; i++) {
		struct hf_escalation *e = &v[i];
		struct ladder_state ls = { e->status, e->level, e->breached_levels, e->sla_due };
		int k = rules_ladder(&ctx->cfg, &ls, ctx->now, steps, HF_MAX_LADDER + 1);
		if (!k)
			continue;
		e->level = ls.level;
		e->breached_levels = ls.breached_levels;
		e->sla_due = ls.sla_due;
		for (int j = 0; ok && j < k; j++) {
			char to[16];
			snprintf(to, sizeof to, "%d", steps[j].to);
			ok = esc_write(ctx, e, STEP_BREACHED, steps[j].at, to, NULL);
			done[ndone].id = e->id;
			done[ndone++].to = steps[j].to;
		}
	}
	free(v);
	if (!ok || !store_commit(ctx->st)) {
		free(done);
		errf(err, errlen, "%s", store_errmsg(ctx->st));
		store_rollback(ctx->st);
		return HF_EFAIL;
	}
	for (size_t i = 0; i < ndone; i++) {
		int to = done[i].to;
		svc_event_escalation(ctx, "breached", done[i].id, "level",
		                     to >= 0 && to < ctx->cfg.nladder ? ctx->cfg.ladder[to] : "");
	}
	*found = (int)ndone;
	free(done);
	return HF_OK;
}

/* ---- listing -------------------------------------------------------------------------- */

bool svc_escalation_breached(const struct hf_escalation *e, hf_stamp now)
{
	return e->status == ESC_OPEN &&
	       (e->breached_levels > 0 || rules_breached(e->status, e->sla_due, now));
}

static enum esc_scope scope_of(enum esc_filter f)
{
	switch (f) {
	case ESC_LIST_MINE: return ESC_SCOPE_MINE;
	case ESC_LIST_BREACHED: return ESC_SCOPE_BREACHED;
	case ESC_LIST_ALL: return ESC_SCOPE_ALL;
	case ESC_LIST_OPEN: break;
	}
	return ESC_SCOPE_OPEN;
}

int svc_escalation_list(struct hf_ctx *ctx, enum esc_filter f, struct hf_escalation **out,
                        size_t *nout, char *err, size_t errlen)
{
	*out = NULL;
	*nout = 0;
	int found, rc = svc_require(ctx, ROLE_SUPERVISOR, err, errlen);
	if (rc != HF_OK || (rc = svc_escalation_breaches(ctx, &found, err, errlen)) != HF_OK)
		return rc;
	if (!store_escalations(ctx->st, scope_of(f), ctx->login, ctx->now, out, nout))
		return errf(err, errlen, "%s", store_errmsg(ctx->st)), HF_EFAIL;
	return HF_OK;
}

int svc_escalation_each(struct hf_ctx *ctx, enum esc_filter f, store_each_fn fn, void *arg,
                        char *err, size_t errlen)
{
	int found, rc = svc_require(ctx, ROLE_SUPERVISOR, err, errlen);
	if (rc != HF_OK || (rc = svc_escalation_breaches(ctx, &found, err, errlen)) != HF_OK)
		return rc;
	if (!store_escalations_each(ctx->st, scope_of(f), ctx->login, ctx->now, fn, arg))
		return errf(err, errlen, "%s", store_errmsg(ctx->st)), HF_EFAIL;
	return HF_OK;
}

int svc_escalation_show(struct hf_ctx *ctx, hf_id id, struct hf_escalation *e,
                        struct hf_esc_step_row **steps, size_t *nsteps, char *err, size_t errlen)
{
	*steps = NULL;
	*nsteps = 0;
	int breached, rc = svc_require(ctx, ROLE_SUPERVISOR, err, errlen);
	if (rc != HF_OK || (rc = svc_escalation_breaches(ctx, &breached, err, errlen)) != HF_OK)
		return rc;
	enum store_found found = store_escalation_get(ctx->st, id, e);
	if (found == STORE_NONE)
		return errf(err, errlen, _("no escalation %lld"), (long long)id), HF_EUSAGE;
	if (found == STORE_ERROR || !store_escalation_steps(ctx->st, id, steps, nsteps))
		return errf(err, errlen, "%s", store_errmsg(ctx->st)), HF_EFAIL;
	return HF_OK;
}

/* ---- actions -------------------------------------------------------------------------- */

/* Acknowledging makes the supervisor its holder unless someone already is. */
static void acknowledge(struct hf_ctx *ctx, struct hf_escalation *e)
{
	e->status = ESC_ACKNOWLEDGED;
	str_copy(e->acked_by, sizeof e->acked_by, ctx->login);
	e->acked_at = ctx->now;
	if (!*e->assignee && !*e->assignee_team)
		str_copy(e->assignee, sizeof e->assignee, ctx->login);
}

int svc_escalation_ack(struct hf_ctx *ctx, const hf_id *ids, size_t n, const char *note,
                       char *err, size_t errlen)
{
	if (!note_ok(note, "--note", err, errlen))
		return HF_EUSAGE;
	struct hf_escalation *v;
	int rc = esc_begin(ctx, ids, n, &v, err, errlen);
	if (rc != HF_OK)
		return rc;
	bool ok = true;
	for (size_t i = 0; ok && i < n; i++) {
		if (v[i].status != ESC_OPEN)
			return esc_refuse(ctx, v, &v[i], err, errlen);
		acknowledge(ctx, &v[i]);
		ok = esc_write(ctx, &v[i], STEP_ACKNOWLEDGED, ctx->now, NULL, note);
	}
	if ((rc = esc_commit(ctx, ok, v, err, errlen)) == HF_OK)
		for (size_t i = 0; i < n; i++)
			svc_event_escalation(ctx, "acknowledged", ids[i], NULL, NULL);
	return rc;
}

int svc_escalation_note(struct hf_ctx *ctx, hf_id id, const char *note, char *err, size_t errlen)
{
	if (str_empty(note))
		return errf(err, errlen, _("escalation note: the note's text is required (--note)")),
		       HF_EUSAGE;
	if (!note_ok(note, "--note", err, errlen))
		return HF_EUSAGE;
	struct hf_escalation *v;
	int rc = esc_begin(ctx, &id, 1, &v, err, errlen);
	if (rc != HF_OK)
		return rc;
	return esc_commit(ctx, esc_write(ctx, v, STEP_NOTE, ctx->now, NULL, note), v, err, errlen);
}

int svc_escalation_assign(struct hf_ctx *ctx, const hf_id *ids, size_t n, const char *login,
                          const char *team, const char *note, char *err, size_t errlen)
{
	if (!note_ok(note, "--note", err, errlen))
		return HF_EUSAGE;
	if (str_empty(login) == str_empty(team))
		return errf(err, errlen, _("escalation assign: name a supervisor (--to LOGIN) or a team "
		                           "(--team T)")), HF_EUSAGE;
	if (team && !config_team(&ctx->cfg, team))
		return errf(err, errlen, _("--team: unknown team \"%s\""), team), HF_EUSAGE;
	struct hf_escalation *v;
	int rc = esc_begin(ctx, ids, n, &v, err, errlen);
	if (rc != HF_OK)
		return rc;
	struct hf_user u;
	if (login && (rc = check_supervisor(ctx, login, &u, v, err, errlen)) != HF_OK)
		return rc;
	/* The step's value: the login, or the team as "team:CODE" (no login has a colon). */
	char value[HF_NAME_MAX + 8];
	if (login)
		str_copy(value, sizeof value, login);
	else
		snprintf(value, sizeof value, "team:%s", team);
	bool ok = true;
	for (size_t i = 0; ok && i < n; i++) {
		if (v[i].status == ESC_RESOLVED)
			return esc_refuse(ctx, v, &v[i], err, errlen);
		str_copy(v[i].assignee, sizeof v[i].assignee, login ? login : "");
		str_copy(v[i].assignee_team, sizeof v[i].assignee_team, team ? team : "");
		ok = esc_write(ctx, &v[i], STEP_ASSIGNED, ctx->now, value, note);
	}
	if ((rc = esc_commit(ctx, ok, v, err, errlen)) == HF_OK)
		for (size_t i = 0; i < n; i++)
			svc_event_escalation(ctx, "assigned", ids[i], "to", value);
	return rc;
}

int svc_escalation_callback(struct hf_ctx *ctx, hf_id id, const struct outcome_input *when,
                            const char *login, hf_id *task, char *err, size_t errlen)
{
	*task = 0;
	if (!rules_check_callback(when, ctx->now, err, errlen))
		return HF_EUSAGE;
	struct hf_escalation *v;
	int rc = esc_begin_unresolved(ctx, id, &v, err, errlen);
	if (rc != HF_OK)
		return rc;
	struct hf_user u = ctx->me;
	if (login && (rc = check_supervisor(ctx, login, &u, v, err, errlen)) != HF_OK)
		return rc;
	struct decisions d;
	decisions_init(&d);
	struct decision *dec = decisions_push(&d, DEC_CREATE_TASK);
	rules_escalation_callback(&ctx->cfg, id, u.login, u.team, when, &dec->task);
	bool ok = svc_apply(ctx->st, v->customer_id, 0, 0, ctx->login, ctx->now, &d);
	decisions_free(&d);
	char value[24];
	*task = ok ? store_last_id(ctx->st) : 0;
	snprintf(value, sizeof value, "%lld", (long long)*task);
	ok = ok && *task && esc_write(ctx, v, STEP_CALLBACK, ctx->now, value, NULL);
	return esc_commit(ctx, ok, v, err, errlen);
}

int svc_escalation_resolve(struct hf_ctx *ctx, hf_id id, const char *code, const char *text,
                           char *err, size_t errlen)
{
	if (str_empty(text))
		return errf(err, errlen, _("escalation resolve: the resolution's text is required "
		                           "(--note)")), HF_EUSAGE;
	if (!note_ok(text, "--note", err, errlen))
		return HF_EUSAGE;
	const struct hf_resolution *r = code ? config_resolution(&ctx->cfg, code)
	                                     : &ctx->cfg.resolutions[0];
	if (!r) {
		struct sbuf list;
		sbuf_init(&list);
		for (int i = 0; i < ctx->cfg.nresolutions; i++)
			sbuf_printf(&list, "%s%s (%s)", i ? ", " : "", ctx->cfg.resolutions[i].code,
			            ctx->cfg.resolutions[i].name);
		errf(err, errlen, _("--as: unknown resolution \"%s\" (expected one of: %s)"), code,
		     list.s);
		sbuf_free(&list);
		return HF_EUSAGE;
	}
	struct hf_escalation *v;
	int rc = esc_begin_unresolved(ctx, id, &v, err, errlen);
	if (rc != HF_OK)
		return rc;
	if (v->status == ESC_OPEN)
		acknowledge(ctx, v);
	v->status = ESC_RESOLVED;
	str_copy(v->resolved_by, sizeof v->resolved_by, ctx->login);
	v->resolved_at = ctx->now;
	str_copy(v->resolution, sizeof v->resolution, text);
	str_copy(v->resolution_code, sizeof v->resolution_code, r->code);
	rc = esc_commit(ctx, esc_write(ctx, v, STEP_RESOLVED, ctx->now, r->code, text), v, err,
	                errlen);
	if (rc == HF_OK)
		svc_event_escalation(ctx, "resolved", id, "resolution", r->code);
	return rc;
}

int svc_escalation_reopen(struct hf_ctx *ctx, hf_id id, const char *note, char *err,
                          size_t errlen)
{
	if (!note_ok(note, "--note", err, errlen))
		return HF_EUSAGE;
	struct hf_escalation *v;
	int rc = esc_begin(ctx, &id, 1, &v, err, errlen);
	if (rc != HF_OK)
		return rc;
	if (v->status != ESC_RESOLVED) {
		store_rollback(ctx->st);
		free(v);
		return errf(err, errlen, _("escalation %lld is not resolved"), (long long)id), HF_EUSAGE;
	}
	/* Back at the foot of the ladder with its severity's deadline from now. */
	v->status = ESC_OPEN;
	v->level = 0;
	v->breached_levels = 0;
	v->sla_due = ctx->now + (hf_stamp)rules_severity_sla_hours(&ctx->cfg, v->severity) * 60;
	v->acked_by[0] = v->resolved_by[0] = v->resolution[0] = v->resolution_code[0] = 0;
	v->acked_at = v->resolved_at = HF_NO_STAMP;
	rc = esc_commit(ctx, esc_write(ctx, v, STEP_REOPENED, ctx->now, NULL, note), v, err, errlen);
	if (rc == HF_OK)
		svc_event_escalation(ctx, "reopened", id, NULL, NULL);
	return rc;
}

const char *svc_ladder_name(const struct hf_config *cfg, int level)
{
	return level >= 0 && level < cfg->nladder ? cfg->ladder[level] : "";
}

void svc_escalation_step_text(const struct hf_config *cfg, const struct hf_esc_step_row *s,
                              int *last_to, char *out, size_t size)
{
	const char *v = s->value;
	switch (s->step) {
	case STEP_ASSIGNED:
		if (strncmp(v, "team:", 5) == 0) {
			const struct hf_team *t = config_team(cfg, v + 5);
			snprintf(out, size, _("assigned to %s"), t ? t->name : v + 5);
		} else {
			snprintf(out, size, _("assigned to %s"), v);
		}
		break;
	case STEP_BREACHED: {
		int to = atoi(v);
		if (to == *last_to)
			snprintf(out, size, _("deadline missed at the top of the ladder (%s)"),
			         svc_ladder_name(cfg, to));
		else
			snprintf(out, size, _("deadline missed; moved up to %s"), svc_ladder_name(cfg, to));
		*last_to = to;
		break;
	}
	case STEP_RESOLVED: {
		const struct hf_resolution *r = config_resolution(cfg, v);
		snprintf(out, size, _("resolved: %s"), r ? r->name : v);
		break;
	}
	case STEP_CALLBACK:
		snprintf(out, size, _("callback scheduled: task %s"), v);
		break;
	case STEP_REOPENED:
		*last_to = 0;       /* a reopened escalation starts again at the foot of the ladder */
		str_copy(out, size, esc_step_label(s->step));
		break;
	default:
		str_copy(out, size, esc_step_label(s->step));
	}
}
