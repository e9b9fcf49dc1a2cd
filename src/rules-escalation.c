/* rules-escalation.c — escalation deadlines, the ladder of breaches, a supervisor's callback. */
#include <stdio.h>
#include <string.h>

#include "huifang/date.h"
#include "huifang/i18n.h"
#include "huifang/str.h"
#include "rules-int.h"

int rules_severity_sla_hours(const struct hf_config *cfg, enum hf_severity sev)
{
	switch (sev) {
	case SEV_URGENT: return cfg->risk_sla_hours;
	case SEV_HIGH: return cfg->complaint_sla_hours;
	default: return cfg->low_score_sla_hours;
	}
}

int rules_ladder(const struct hf_config *cfg, struct ladder_state *e, hf_stamp now,
                 struct ladder_step *out, int max)
{
	int n = 0;
	/* One breach per level: a deadline missed at the top of the ladder is recorded once. */
	while (n < max && rules_breached(e->status, e->sla_due, now) && e->breached_levels <= e->level) {
		struct ladder_step *s = &out[n++];
		s->level = e->level;
		s->at = e->sla_due;
		e->breached_levels = e->level + 1;
		if (e->level + 1 < cfg->nladder) {
			e->level++;
			/* From the missed deadline, so the result does not depend on when it is noticed. */
			e->sla_due += (hf_stamp)cfg->ladder_sla_hours * 60;
		}
		s->to = e->level;
	}
	return n;
}

bool rules_check_callback(const struct outcome_input *when, hf_stamp now, char *err,
                          size_t errlen)
{
	hf_date today = stamp_date(now), day = stamp_date(when->next);
	char words[20];
	if (when->next_has_time)
		stamp_format(when->next, words);
	else
		date_format(day, words);
	if (day < today || (day == today && (!when->next_has_time || when->next <= now)))
		return errf(err, errlen, _("callback %s is not later than now"), words);
	if (day > date_add_months(today, 12))
		return errf(err, errlen, _("callback %s is more than a year ahead"), words);
	return true;
}

void rules_escalation_callback(const struct hf_config *cfg, hf_id escalation, const char *login,
                               const char *team, const struct outcome_input *when,
                               struct hf_task_rec *out)
{
	task_rec_init(out);
	out->kind = TASK_CALLBACK;
	out->due = rules_next_work_day(cfg, stamp_date(when->next));
	out->due_minute = when->next_has_time && out->due == stamp_date(when->next)
	                ? stamp_minute(when->next) : -1;
	out->window_end = out->due;
	/* Above the day's curve calls: the customer is waiting for the supervisor. */
	out->priority = 100;
	str_copy(out->team, sizeof out->team, team);
	str_copy(out->owner, sizeof out->owner, login);
	str_copy(out->script, sizeof out->script, "callback");
	why_add(&out->origin, WHY_ESCALATION_CALLBACK)->task = escalation;
}
