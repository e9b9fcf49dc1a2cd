/* demo.c — the demo clinic: a believable clinic for a given day, the same every time for that day. */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "huifang/date.h"
#include "huifang/demo.h"
#include "huifang/i18n.h"
#include "huifang/str.h"

#define NCUSTOMERS 600
#define HISTORY_DAYS 183      /* visits reach back about six months */
#define NHOT 50               /* customers given a call that is due today or just overdue */
#define MAX_OVERDUE 3         /* hot calls are at most this many days overdue */

/* ---- who works in the demo clinic ---------------------------------------------------- */

/* Team names are the default config's codes; teams a clinic's config lacks fall back (team_code). */
struct staff {
	const char *login, *name, *team;
	enum hf_role role;
};
static const struct staff staff[] = {
	{"op_li", "李婷", "postop", ROLE_OPERATOR},
	{"op_wang", "王晓燕", "postop", ROLE_OPERATOR},
	{"op_zhang", "张悦", "consult", ROLE_OPERATOR},
	{"op_liu", "刘思琪", "consult", ROLE_OPERATOR},
	{"op_chen", "陈静", "service", ROLE_OPERATOR},
	{"op_yang", "杨雪梅", "service", ROLE_OPERATOR},
	{"op_huang", "黄丽娟", "aesthetic", ROLE_OPERATOR},
	{"op_zhou", "周敏", "aesthetic", ROLE_OPERATOR},
	{"sup_zhao", "赵雅琴", "service", ROLE_SUPERVISOR},
	{"gw_sun", "孙雨桐", "consultant", ROLE_OPERATOR},
	{"gw_he", "何佳怡", "consultant", ROLE_OPERATOR},
	{"gw_lin", "林梦瑶", "consultant", ROLE_OPERATOR},
};
#define NSTAFF (sizeof staff / sizeof staff[0])
#define SUPERVISOR "sup_zhao"
/* The invoking login works in post-op care in the demo. */
#define ME_TEAM "postop"
#define ME_NAME "吴静怡"

/* ---- what the clinic sells ------------------------------------------------------------ */

struct treatment {
	const char *name;
	enum hf_visit_kind kind;
	int weight;
	long long price_lo, price_hi;   /* yuan */
	bool inpatient;                 /* surgery that may end with a discharge visit */
};
static const struct treatment treatments[] = {
	{"双眼皮", VISIT_SURGERY, 30, 6800, 18800, false},
	{"隆鼻", VISIT_SURGERY, 25, 12800, 39800, true},
	{"吸脂", VISIT_SURGERY, 20, 15800, 49800, true},
	{"去眼袋", VISIT_SURGERY, 25, 8800, 19800, true},
	{"玻尿酸", VISIT_INJECTION, 35, 3800, 9800, false},
	{"瘦脸针", VISIT_INJECTION, 35, 1980, 4800, false},
	{"水光针", VISIT_INJECTION, 30, 980, 2980, false},
	{"光子嫩肤", VISIT_COURSE, 65, 3600, 8800, false},
	{"热玛吉", VISIT_COURSE, 35, 12800, 29800, false},
};
#define NTREATMENTS (sizeof treatments / sizeof treatments[0])

struct weighted {
	const char *s;
	int weight;
};
static const struct weighted sources[] = {
	{"转介绍", 25}, {"小红书", 20}, {"美团", 15}, {"抖音", 15}, {"自然到店", 15}, {"大众点评", 6},
	{"老客户", 4},
};
static const struct weighted extra_tags[] = {
	{"敏感肌", 6}, {"疤痕体质", 3}, {"怕疼", 5}, {"价格敏感", 6}, {"老客户", 8}, {"", 72},
};
static const char *const phone_prefixes[] = {
	"138", "139", "137", "136", "135", "150", "151", "152", "158", "159", "186", "187", "188", "189",
};
#define NPREFIXES (sizeof phone_prefixes / sizeof phone_prefixes[0])

/* ---- the clinic in memory, before it is written ---------------------------------------- */

struct d_cust {
	char name[HF_NAME_MAX];
	char phone[16];
	const char *gender;
	hf_date birthday;
	const char *consultant;         /* login or "" */
	const char *source;
	char tags[128];
	bool dnc, phone_invalid;
	hf_stamp created;
	int base_score;                 /* 4 or 5: scores stay within one point of it */
	bool special;                   /* carries an event (complaint, refusal ...) */
};

struct d_visit {
	int cust;
	hf_date date;
	enum hf_visit_kind kind;
	const char *treatment;
	const char *doctor;
	hf_date course_end;
	long long amount;
	hf_stamp created;
	int hot_step;                   /* the step whose call is kept in today's queue, -1 none */
};

struct d_task {
	struct hf_task_rec t;
	int cust, visit;                /* indexes; visit -1 when none */
	hf_stamp created, updated;
	char last_outcome[24];
	int last_call;                  /* index of its latest call, -1 none */
	bool deleted;
};

struct d_call {
	int task, cust;
	const char *op;
	hf_stamp start, end;
	const char *outcome;
	int score;
	const char *note;
	hf_stamp next;
	const char *complaint;
	bool deleted;
};

struct d_esc {
	int call, task, cust;
	enum hf_severity sev;
	enum hf_esc_status status;
	struct hf_why reason;
	hf_stamp sla_due, raised, acked, resolved;
	const char *raised_by, *acked_by, *resolved_by;
	const char *resolution;
};

struct note {
	const char *mood, *scope, *text;
	bool risky;                     /* contains a medical-risk word of the config */
};

struct doctor {
	const char *name, *treatments;
};

struct lines {
	char *buf;
	char **v;
	size_t n;
};

struct demo {
	struct hf_ctx *ctx;
	const struct hf_config *cfg;
	uint64_t rng;
	hf_date today;
	hf_stamp now;
	char me_team[HF_NAME_MAX];
	char staff_team[NSTAFF][HF_NAME_MAX];

	struct lines surnames, given_f, given_m, doctor_lines, note_lines;
	struct doctor *doctors;
	size_t ndoctors;
	struct note *notes;
	size_t nnotes;
	int *pick;                      /* scratch for choosing among notes */

	struct d_cust *cust;
	size_t ncust;
	struct d_visit *visits;
	size_t nvisits, cvisits;
	struct d_task *tasks;
	size_t ntasks, ctasks;
	struct d_call *calls;
	size_t ncalls, ccalls;
	struct d_esc *escs;
	size_t nescs, cescs;
	hf_id task_base;                /* tasks get ids task_base + index */
};

/* ---- a small deterministic generator (splitmix64), seeded by the day ------------------ */

static uint64_t rng_next(struct demo *d)
{
	uint64_t z = (d->rng += 0x9E3779B97F4A7C15ULL);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

/* 0 .. n-1 */
static int rnd(struct demo *d, int n)
{
	return n <= 1 ? 0 : (int)(rng_next(d) % (uint64_t)n);
}

/* lo .. hi inclusive */
static int between(struct demo *d, int lo, int hi)
{
	return hi <= lo ? lo : lo + rnd(d, hi - lo + 1);
}

static bool chance(struct demo *d, int percent)
{
	return rnd(d, 100) < percent;
}

static const char *pick_weighted(struct demo *d, const struct weighted *w, size_t n)
{
	int total = 0;
	for (size_t i = 0; i < n; i++)
		total += w[i].weight;
	int r = rnd(d, total);
	for (size_t i = 0; i < n; i++) {
		if (r < w[i].weight)
			return w[i].s;
		r -= w[i].weight;
	}
	return w[0].s;
}

static const char *pick_line(struct demo *d, const struct lines *l)
{
	return l->v[rnd(d, (int)l->n)];
}

static const struct treatment *pick_treatment(struct demo *d, enum hf_visit_kind kind)
{
	int total = 0;
	for (size_t i = 0; i < NTREATMENTS; i++)
		if (kind == VISIT_NONE || treatments[i].kind == kind)
			total += treatments[i].weight;
	int r = rnd(d, total);
	for (size_t i = 0; i < NTREATMENTS; i++) {
		if (kind != VISIT_NONE && treatments[i].kind != kind)
			continue;
		if (r < treatments[i].weight)
			return &treatments[i];
		r -= treatments[i].weight;
	}
	return &treatments[0];
}

/* What a consultation or a ward stay is about. A treatment with a curve of its own (双眼皮)
 * would lend that post-op curve to the consultation, so those are left to surgery visits. */
static const struct treatment *pick_plain_treatment(struct demo *d, bool inpatient)
{
	for (int tries = 0; tries < 32; tries++) {
		const struct treatment *tr = pick_treatment(d, inpatient ? VISIT_SURGERY : VISIT_NONE);
		const struct hf_treatment *ct = config_treatment(d->cfg, tr->name);
		if ((!inpatient || tr->inpatient) && !(ct && ct->has_curve))
			return tr;
	}
	return NULL;
}

static const struct treatment *treatment_named(const char *name)
{
	for (size_t i = 0; i < NTREATMENTS; i++)
		if (strcmp(treatments[i].name, name) == 0)
			return &treatments[i];
	return NULL;
}

/* ---- data files ------------------------------------------------------------------------ */

static bool has_file(const char *dir, const char *name)
{
	char path[PATH_MAX];
	struct stat sb;
	return (size_t)snprintf(path, sizeof path, "%s/%s", dir, name) < sizeof path &&
	       stat(path, &sb) == 0 && S_ISREG(sb.st_mode);
}

/* data/ next to the binary (a build tree), else the installed data directory. */
static bool locate_data(char *out, size_t outlen, char *tried, size_t triedlen)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	tried[0] = '\0';
	if (n > 0) {
		exe[n] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			if ((size_t)snprintf(out, outlen, "%s/data", exe) < outlen) {
				snprintf(tried, triedlen, "%s/names, ", out);
				if (has_file(out, "names/surnames.txt"))
					return true;
			}
		}
	}
	snprintf(out, outlen, "%s", HF_DATADIR);
	size_t len = strlen(tried);
	snprintf(tried + len, triedlen - len, "%s/names", out);
	return has_file(out, "names/surnames.txt");
}

/* One entry a line; blank lines and "#" comments skipped. An empty list is an error. */
static bool lines_load(struct lines *l, const char *dir, const char *name, char *err, size_t errlen)
{
	char path[PATH_MAX];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "r");
	if (!f)
		return errf(err, errlen, _("demo clinic: cannot read %s"), path);
	struct sbuf b;
	sbuf_init(&b);
	char chunk[4096];
	size_t got;
	while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
		sbuf_addn(&b, chunk, got);
	fclose(f);
	l->buf = sbuf_steal(&b);
	size_t cap = 0;
	for (char *p = l->buf, *next; p && *p; p = next) {
		next = strchr(p, '\n');
		if (next)
			*next++ = '\0';
		size_t len = strlen(p);
		while (len && (p[len - 1] == '\r' || p[len - 1] == ' '))
			p[--len] = '\0';
		if (!*p || *p == '#')
			continue;
		l->v = xgrow(l->v, l->n, &cap, sizeof *l->v);
		l->v[l->n++] = p;
	}
	if (l->n == 0)
		return errf(err, errlen, _("demo clinic: %s lists nothing"), path);
	return true;
}

static void lines_free(struct lines *l)
{
	free(l->buf);
	free(l->v);
}

/* Split "a<TAB>b<TAB>c" in place into at most n fields; returns how many. */
static int split_tabs(char *s, char **f, int n)
{
	int k = 0;
	while (k < n) {
		f[k++] = s;
		char *tab = strchr(s, '\t');
		if (!tab)
			break;
		*tab = '\0';
		s = tab + 1;
	}
	return k;
}

static bool load_data(struct demo *d, char *err, size_t errlen)
{
	char dir[PATH_MAX], tried[2 * PATH_MAX + 16];
	if (!locate_data(dir, sizeof dir, tried, sizeof tried))
		return errf(err, errlen, _("demo clinic: name lists not found (looked in %s)"), tried);
	if (!lines_load(&d->surnames, dir, "names/surnames.txt", err, errlen) ||
	    !lines_load(&d->given_f, dir, "names/given_f.txt", err, errlen) ||
	    !lines_load(&d->given_m, dir, "names/given_m.txt", err, errlen) ||
	    !lines_load(&d->doctor_lines, dir, "demo/doctors.txt", err, errlen) ||
	    !lines_load(&d->note_lines, dir, "demo/notes.txt", err, errlen))
		return false;
	d->doctors = xcalloc(d->doctor_lines.n, sizeof *d->doctors);
	for (size_t i = 0; i < d->doctor_lines.n; i++) {
		char *f[2] = {NULL, NULL};
		split_tabs(d->doctor_lines.v[i], f, 2);
		d->doctors[d->ndoctors].name = f[0];
		d->doctors[d->ndoctors++].treatments = f[1] ? f[1] : "";
	}
	d->notes = xcalloc(d->note_lines.n, sizeof *d->notes);
	size_t most = d->note_lines.n > d->ndoctors ? d->note_lines.n : d->ndoctors;
	d->pick = xcalloc(most, sizeof *d->pick);
	for (size_t i = 0; i < d->note_lines.n; i++) {
		char *f[3];
		if (split_tabs(d->note_lines.v[i], f, 3) != 3)
			return errf(err, errlen, _("demo clinic: %s/demo/notes.txt: \"%s\" is not "
			                           "mood<TAB>scope<TAB>note"), dir, d->note_lines.v[i]);
		struct note *n = &d->notes[d->nnotes++];
		n->mood = f[0];
		n->scope = f[1];
		n->text = f[2];
		char risk[HF_RISK_MAX];
		n->risky = rules_risk_word(d->cfg, n->text, risk, sizeof risk);
	}
	return true;
}

/* A note of this mood for this call: the most specific scope that has one. Notes that would
 * trip the config's risk words are used only as risk notes (and risk notes only when they do). */
static const char *pick_note(struct demo *d, const char *mood, const char *script,
                             enum hf_visit_kind kind, const char *treatment)
{
	const char *kc = kind == VISIT_NONE ? "" : visit_kind_code(kind);
	bool risk = strcmp(mood, "risk") == 0;
	for (int pass = 0; pass < 2; pass++) {
		int n = 0;
		for (size_t i = 0; i < d->nnotes; i++) {
			const struct note *x = &d->notes[i];
			if (strcmp(x->mood, mood) != 0 || x->risky != risk)
				continue;
			bool match = pass == 0 ? (str_eq(x->scope, script) || str_eq(x->scope, kc) ||
			                          str_eq(x->scope, treatment))
			                       : strcmp(x->scope, "*") == 0;
			if (match)
				d->pick[n++] = (int)i;
		}
		if (n)
			return d->notes[d->pick[rnd(d, n)]].text;
	}
	return NULL;
}

static const char *pick_doctor(struct demo *d, const char *treatment)
{
	int n = 0;
	for (size_t i = 0; i < d->ndoctors; i++)
		if (treatment && str_contains(d->doctors[i].treatments, treatment))
			d->pick[n++] = (int)i;
	if (n == 0)
		return d->doctors[rnd(d, (int)d->ndoctors)].name;
	return d->doctors[d->pick[rnd(d, n)]].name;
}

/* ---- teams and people ------------------------------------------------------------------ */

/* The config's code for a demo team: itself when the config has it, else a sensible one. */
static void team_code(const struct hf_config *cfg, const char *want, char *out, size_t len)
{
	const char *code = want;
	if (strcmp(want, "consultant") == 0 && !str_empty(cfg->consultant_team))
		code = cfg->consultant_team;
	else if (strcmp(want, "service") == 0 && !str_empty(cfg->service_team))
		code = cfg->service_team;
	if (!config_team(cfg, code) && cfg->nteams > 0)
		code = cfg->teams[0].code;
	str_copy(out, len, code);
}

static bool is_consultant(size_t i)
{
	return strcmp(staff[i].team, "consultant") == 0;
}

static const char *team_of(struct demo *d, const char *login)
{
	if (str_eq(login, d->ctx->login))
		return d->me_team;
	for (size_t i = 0; i < NSTAFF; i++)
		if (strcmp(staff[i].login, login) == 0)
			return d->staff_team[i];
	return "";
}

static const char *pick_consultant(struct demo *d)
{
	size_t idx[NSTAFF], n = 0;
	for (size_t i = 0; i < NSTAFF; i++)
		if (is_consultant(i) && !str_eq(staff[i].login, d->ctx->login))
			idx[n++] = i;
	return n ? staff[idx[rnd(d, (int)n)]].login : d->ctx->login;
}

/* Who makes a call of this team: the customer's consultant for the consultants' team, else an
 * operator of the team (the invoking login among them in its own team). */
static const char *pick_operator_of(struct demo *d, const char *team, int cust, bool with_me)
{
	if (str_eq(team, d->cfg->consultant_team) && !str_empty(d->cust[cust].consultant))
		return d->cust[cust].consultant;
	const char *who[NSTAFF + 1];
	int n = 0;
	for (size_t i = 0; i < NSTAFF; i++)
		if (staff[i].role == ROLE_OPERATOR && str_eq(d->staff_team[i], team) &&
		    !str_eq(staff[i].login, d->ctx->login))
			who[n++] = staff[i].login;
	if ((with_me && str_eq(team, d->me_team)) || n == 0)
		who[n++] = d->ctx->login;
	return who[rnd(d, n)];
}

static const char *pick_operator(struct demo *d, const char *team, int cust)
{
	return pick_operator_of(d, team, cust, true);
}

static bool write_users(struct demo *d)
{
	struct hf_user u;
	if (store_user_get(d->ctx->st, d->ctx->login, &u) != STORE_FOUND)
		return false;
	str_copy(u.team, sizeof u.team, d->me_team);
	str_copy(u.name, sizeof u.name, ME_NAME);
	u.role = ROLE_ADMIN;
	u.active = true;
	if (!store_user_put(d->ctx->st, &u))
		return false;
	for (size_t i = 0; i < NSTAFF; i++) {
		if (str_eq(staff[i].login, d->ctx->login))
			continue;
		memset(&u, 0, sizeof u);
		str_copy(u.login, sizeof u.login, staff[i].login);
		str_copy(u.name, sizeof u.name, staff[i].name);
		str_copy(u.team, sizeof u.team, d->staff_team[i]);
		u.role = staff[i].role;
		u.active = true;
		u.created = d->ctx->now;
		if (!store_user_put(d->ctx->st, &u))
			return false;
	}
	return true;
}

/* ---- customers ------------------------------------------------------------------------- */

static void make_customer(struct demo *d, size_t i)
{
	struct d_cust *c = &d->cust[i];
	c->gender = chance(d, 86) ? "F" : "M";
	/* Names repeat in real clinics, but a demo reads better without twins. */
	for (int tries = 0; tries < 8; tries++) {
		snprintf(c->name, sizeof c->name, "%s%s", pick_line(d, &d->surnames),
		         pick_line(d, c->gender[0] == 'F' ? &d->given_f : &d->given_m));
		bool dup = false;
		for (size_t k = 0; k < i && !dup; k++)
			dup = strcmp(d->cust[k].name, c->name) == 0;
		if (!dup)
			break;
	}
	/* 1380000xxxx-style numbers: clearly not real. The last four digits walk through a
	 * permutation, so no two customers share a number. */
	snprintf(c->phone, sizeof c->phone, "%s0000%04d", phone_prefixes[rnd(d, NPREFIXES)],
	         (int)((i * 7919 + 1237) % 10000));
	int ty;
	date_to_ymd(d->today, &ty, NULL, NULL);
	c->birthday = HF_NO_DATE;
	if (!chance(d, 4)) {
		/* Ages 20-55, most between 24 and 42. */
		int age = chance(d, 75) ? between(d, 25, 42) : between(d, 21, 55);
		int m = between(d, 1, 12);
		c->birthday = date_from_ymd(ty - age, m, between(d, 1, date_days_in_month(ty - age, m)));
	}
	c->consultant = chance(d, 92) ? pick_consultant(d) : "";
	c->source = pick_weighted(d, sources, sizeof sources / sizeof sources[0]);
	c->base_score = chance(d, 65) ? 5 : 4;
	c->created = HF_NO_STAMP;
}

/* ---- visits ---------------------------------------------------------------------------- */

static int add_visit(struct demo *d, int cust, hf_date date, enum hf_visit_kind kind,
                     const struct treatment *tr, hf_date course_end)
{
	d->visits = xgrow(d->visits, d->nvisits, &d->cvisits, sizeof *d->visits);
	struct d_visit *v = &d->visits[d->nvisits];
	memset(v, 0, sizeof *v);
	v->cust = cust;
	v->date = date;
	v->kind = kind;
	v->treatment = tr ? tr->name : "";
	v->course_end = course_end;
	v->hot_step = -1;
	v->created = stamp_make(date, between(d, 9 * 60 + 30, 18 * 60));
	switch (kind) {
	case VISIT_CONSULT:
		/* A face-to-face consultation sees a doctor; some pay a deposit (定金). */
		v->doctor = chance(d, 50) && tr ? pick_doctor(d, tr->name) : "";
		v->amount = chance(d, 20) ? (chance(d, 50) ? 500 : 1000) : 0;
		break;
	case VISIT_DISCHARGE:
		v->doctor = pick_doctor(d, v->treatment);
		v->amount = 0;
		break;
	default:
		v->doctor = pick_doctor(d, v->treatment);
		v->amount = tr ? between(d, (int)(tr->price_lo / 100), (int)(tr->price_hi / 100)) * 100LL : 0;
		break;
	}
	return (int)d->nvisits++;
}

/* A course of 光子嫩肤 runs several sessions a month apart; 热玛吉 is a single session. */
static hf_date course_end_for(struct demo *d, const struct treatment *tr, hf_date start)
{
	return strcmp(tr->name, "光子嫩肤") == 0 ? start + between(d, 28, 84) : start;
}

/* An ordinary customer's visits, starting on a day of the last six months. */
static void natural_story(struct demo *d, int ci)
{
	hf_date last = d->today - 1;
	hf_date first = chance(d, 30) ? last - rnd(d, 21) : last - rnd(d, HISTORY_DAYS);
	int r = rnd(d, 100);
	const struct treatment *tr;
	if (r < 18) {
		add_visit(d, ci, first, VISIT_CONSULT, pick_plain_treatment(d, false), HF_NO_DATE);
	} else if (r < 32) {
		tr = pick_plain_treatment(d, false);
		add_visit(d, ci, first, VISIT_CONSULT, tr, HF_NO_DATE);
		hf_date conv = first + between(d, 5, 30);
		if (tr && conv <= last) {
			if (tr->kind == VISIT_COURSE)
				add_visit(d, ci, conv, tr->kind, tr, course_end_for(d, tr, conv));
			else
				add_visit(d, ci, conv, tr->kind, tr, HF_NO_DATE);
		}
	} else if (r < 60) {
		tr = pick_treatment(d, VISIT_SURGERY);
		add_visit(d, ci, first, VISIT_SURGERY, tr, HF_NO_DATE);
		/* A stay on the ward: the discharge day brings the service centre's call. */
		const struct hf_treatment *ct = config_treatment(d->cfg, tr->name);
		if (tr->inpatient && !(ct && ct->has_curve) && chance(d, 40) && first + 2 <= last)
			add_visit(d, ci, first + between(d, 1, 2), VISIT_DISCHARGE, tr, HF_NO_DATE);
	} else if (r < 78) {
		tr = pick_treatment(d, VISIT_INJECTION);
		add_visit(d, ci, first, VISIT_INJECTION, tr, HF_NO_DATE);
		hf_date again = first + between(d, 28, 45);
		if (strcmp(tr->name, "水光针") == 0 && chance(d, 40) && again <= last)
			add_visit(d, ci, again, VISIT_INJECTION, tr, HF_NO_DATE);
	} else if (r < 92) {
		tr = pick_treatment(d, VISIT_COURSE);
		add_visit(d, ci, first, VISIT_COURSE, tr, course_end_for(d, tr, first));
	} else {
		tr = pick_plain_treatment(d, true);
		int v = add_visit(d, ci, first, VISIT_DISCHARGE, tr, HF_NO_DATE);
		if (tr)
			d->visits[v].amount = between(d, (int)(tr->price_lo / 100), (int)(tr->price_hi / 100)) * 100LL;
	}
}

/* The schedule entry for curve step `step`, or NULL. */
static const struct planned_call *find_step(const struct planned_call *calls, int n, int step)
{
	for (int i = 0; i < n; i++)
		if (calls[i].step == step)
			return &calls[i];
	return NULL;
}

/* A visit whose call of curve step `step` falls due `k` days ago and is still callable today:
 * found by trying visit days around the estimate (calendars move due dates). */
static bool hot_visit(struct demo *d, int ci, enum hf_visit_kind kind, const struct treatment *tr,
                      int step, int k)
{
	const struct hf_curve *c = config_curve(d->cfg, kind, tr->name);
	if (!c || step >= c->nsteps)
		return false;
	const struct hf_treatment *ct = config_treatment(d->cfg, tr->name);
	int lead = dur_approx_days(c->steps[step].offset);
	if (kind == VISIT_INJECTION && ct && ct->has_effect)
		lead += dur_approx_days(ct->effect);
	int len = kind == VISIT_COURSE ? course_end_for(d, tr, 0) : 0;   /* the course's length */
	hf_date target = d->today - k, est = target - lead;
	struct planned_call calls[HF_MAX_STEPS];
	for (int exact = 1; exact >= 0; exact--) {
		for (int delta = 0; delta <= 16; delta++) {
			/* Base day: the course's end for courses, the visit day otherwise. */
			hf_date base = est + (delta % 2 ? -(delta + 1) / 2 : delta / 2);
			hf_date date = base - len, course_end = kind == VISIT_COURSE ? base : HF_NO_DATE;
			if (date >= d->today || date < d->today - HISTORY_DAYS ||
			    (course_end != HF_NO_DATE && course_end >= d->today))
				continue;
			int n = rules_schedule(d->cfg, kind, tr->name, date, course_end, calls, HF_MAX_STEPS);
			const struct planned_call *p = find_step(calls, n, step);
			if (!p || p->window_end < d->today || p->due > d->today ||
			    (exact ? p->due != target : p->due < d->today - MAX_OVERDUE))
				continue;
			int v = add_visit(d, ci, date, kind, tr, course_end);
			d->visits[v].hot_step = step;
			return true;
		}
	}
	return false;
}

/* A customer with a call for today's queue: the kinds are mixed so every team has work. */
static void hot_story(struct demo *d, int ci, int slot)
{
	static const enum hf_visit_kind kinds[] = {
		VISIT_SURGERY, VISIT_CONSULT, VISIT_SURGERY, VISIT_DISCHARGE, VISIT_SURGERY, VISIT_COURSE,
		VISIT_CONSULT, VISIT_INJECTION, VISIT_SURGERY, VISIT_DISCHARGE,
	};
	enum hf_visit_kind kind = kinds[slot % (sizeof kinds / sizeof kinds[0])];
	const struct treatment *tr;
	if (kind == VISIT_CONSULT || kind == VISIT_DISCHARGE)
		tr = pick_plain_treatment(d, kind == VISIT_DISCHARGE);
	else if (kind == VISIT_INJECTION)
		tr = treatment_named("水光针");   /* the one whose reminder falls within months */
	else
		tr = pick_treatment(d, kind);
	const struct hf_curve *c = tr ? config_curve(d->cfg, kind, tr->name) : NULL;
	if (!c || c->nsteps == 0) {
		natural_story(d, ci);
		return;
	}
	int step = rnd(d, c->nsteps);
	int window = c->steps[step].window_days;
	int k = between(d, 0, window < MAX_OVERDUE ? window : MAX_OVERDUE);
	size_t before = d->nvisits;
	if (!hot_visit(d, ci, kind, tr, step, k) && !hot_visit(d, ci, kind, tr, 0, 0)) {
		natural_story(d, ci);
		return;
	}
	/* Some surgery customers came in for a consultation first. */
	hf_date day = d->visits[before].date - between(d, 7, 40);
	const struct hf_treatment *ct = config_treatment(d->cfg, tr->name);
	if (kind == VISIT_SURGERY && !(ct && ct->has_curve) && chance(d, 30) &&
	    day >= d->today - HISTORY_DAYS) {
		/* Kept in date order: the consultation takes the hot visit's place. */
		int cv = add_visit(d, ci, day, VISIT_CONSULT, tr, HF_NO_DATE);
		struct d_visit tmp = d->visits[before];
		d->visits[before] = d->visits[cv];
		d->visits[cv] = tmp;
	}
}

/* ---- tasks and calls ------------------------------------------------------------------- */

static int add_task(struct demo *d, int cust, int visit, hf_stamp created)
{
	d->tasks = xgrow(d->tasks, d->ntasks, &d->ctasks, sizeof *d->tasks);
	struct d_task *t = &d->tasks[d->ntasks];
	memset(t, 0, sizeof *t);
	task_rec_init(&t->t);
	t->t.id = d->task_base + (hf_id)d->ntasks;
	t->cust = cust;
	t->visit = visit;
	t->created = t->updated = created;
	t->last_call = -1;
	return (int)d->ntasks++;
}

static int add_call(struct demo *d, int task, const char *op, hf_stamp start, const char *outcome)
{
	d->calls = xgrow(d->calls, d->ncalls, &d->ccalls, sizeof *d->calls);
	struct d_call *c = &d->calls[d->ncalls];
	memset(c, 0, sizeof *c);
	c->task = task;
	c->cust = d->tasks[task].cust;
	c->op = op;
	c->start = start;
	c->outcome = outcome;
	c->next = HF_NO_STAMP;
	c->complaint = "";
	c->note = "";
	bool talk = strcmp(outcome, "reached") == 0;
	c->end = start + (talk ? between(d, 2, 9) : strcmp(outcome, "busy") == 0 ? 1 : rnd(d, 2));
	d->tasks[task].last_call = (int)d->ncalls;
	return (int)d->ncalls++;
}

static int retry_minutes(struct demo *d, const char *code, int *max_attempts)
{
	const struct hf_outcome *o = config_outcome(d->cfg, code);
	if (max_attempts)
		*max_attempts = o ? o->max_attempts : 3;
	return o && o->retry_minutes > 0 ? o->retry_minutes : 240;
}

/* A moment inside calling hours on `day`, not too near closing. */
static hf_stamp call_time(struct demo *d, hf_date day)
{
	int open = d->cfg->open_minute, close = d->cfg->close_minute;
	if (open < 0 || close > 1440 || open >= close) {
		open = 9 * 60;
		close = 20 * 60;
	}
	int last = close - 60 > open + 5 ? close - 60 : close - 1;
	return stamp_make(day, between(d, open + 5, last));
}

static const char *visit_treatment(struct demo *d, const struct d_task *t)
{
	return t->visit >= 0 ? d->visits[t->visit].treatment : "";
}

static enum hf_visit_kind visit_kind(struct demo *d, const struct d_task *t)
{
	return t->visit >= 0 ? d->visits[t->visit].kind : VISIT_NONE;
}

/* Score and note of a call that reached the customer. Scores stay within a point of the
 * customer's usual, so no score drop raises an escalation by accident. */
static void reached_call(struct demo *d, struct d_call *c, const struct d_task *t)
{
	const struct d_cust *cu = &d->cust[t->cust];
	enum hf_visit_kind kind = visit_kind(d, t);
	int score = cu->base_score - (chance(d, 25) ? 1 : 0);
	bool scored = chance(d, kind == VISIT_CONSULT ? 40 : 85);
	c->score = scored ? score : 0;
	if (chance(d, 88))
		c->note = pick_note(d, score >= 4 || !scored ? "good" : "fair", t->t.script, kind,
		                    visit_treatment(d, t));
	if (!c->note)
		c->note = "";
}

enum fate { FATE_DONE, FATE_OPEN, FATE_MISSED, FATE_UNREACHABLE };

/* The life of a curve task up to now: the calls made on it, retries and its status.
 * force_open keeps it in today's queue; allow_fail lets it be missed or unreachable. */
static void live_task(struct demo *d, int ti, bool force_open, bool allow_fail)
{
	struct d_task *task = &d->tasks[ti];
	struct hf_task_rec *t = &task->t;
	t->status = TASK_OPEN;
	if (t->due >= d->today)
		return;
	hf_date last = t->window_end < d->today ? t->window_end : d->today - 1;
	enum fate fate = FATE_DONE;
	if (t->window_end < d->today) {
		int r = rnd(d, 100);
		if (allow_fail && r < 4)
			fate = FATE_MISSED;
		else if (allow_fail && r < 8)
			fate = FATE_UNREACHABLE;
	} else if (force_open || chance(d, 35)) {
		fate = FATE_OPEN;
	}
	if (fate == FATE_MISSED) {
		/* The morning plan after the window closed marked it. */
		t->status = TASK_MISSED;
		task->updated = stamp_make(t->window_end + 1, 8 * 60);
		return;
	}
	const char *seq[3] = {NULL, NULL, NULL};
	int r = rnd(d, 100);
	switch (fate) {
	case FATE_DONE:
		if (r < 78) {
			seq[0] = "reached";
		} else if (r < 90) {
			seq[0] = "no_answer";
			seq[1] = "reached";
		} else if (r < 96) {
			seq[0] = "busy";
			seq[1] = "reached";
		} else {
			seq[0] = seq[1] = "no_answer";
			seq[2] = "reached";
		}
		break;
	case FATE_UNREACHABLE:
		seq[0] = seq[1] = seq[2] = "no_answer";
		break;
	default: /* still open: perhaps tried already */
		if (r >= 60)
			seq[0] = "no_answer";
		if (r >= 90)
			seq[1] = "no_answer";
		break;
	}
	hf_date day = chance(d, 75) ? t->due : rules_next_work_day(d->cfg, between(d, t->due, last));
	if (day > last)
		day = t->due;
	hf_stamp at = call_time(d, day);
	const char *op = !str_empty(t->owner) ? t->owner : pick_operator(d, t->team, task->cust);
	for (int i = 0; i < 3 && seq[i]; i++) {
		/* Today's calls are the operators' to make: the task waits at its (retry) time. */
		if (stamp_date(at) >= d->today)
			break;
		int ci = add_call(d, ti, op, at, seq[i]);
		struct d_call *c = &d->calls[ci];
		t->attempts++;
		task->updated = c->end;
		t->touched = c->end;
		str_copy(task->last_outcome, sizeof task->last_outcome, seq[i]);
		if (strcmp(seq[i], "reached") == 0) {
			reached_call(d, c, task);
			t->status = TASK_DONE;
			return;
		}
		if (chance(d, 50)) {
			c->note = pick_note(d, seq[i], t->script, VISIT_NONE, "");
			if (!c->note)
				c->note = "";
		}
		int max;
		int retry = retry_minutes(d, seq[i], &max);
		if (strcmp(seq[i], "no_answer") == 0 && max > 0 && t->attempts >= max) {
			t->status = TASK_UNREACHABLE;
			return;
		}
		/* A retry keeps the task, at a time inside working hours; its window stretches. */
		hf_stamp next = rules_next_work_time(d->cfg, c->end + retry);
		t->due = stamp_date(next);
		t->due_minute = stamp_minute(next);
		if (t->window_end < t->due)
			t->window_end = t->due;
		at = rules_next_work_time(d->cfg, next + rnd(d, 25));
	}
}

/* A newer visit made the task moot at `cut` (a consultation converted, an injection's customer
 * came back): calls from then on never happened and an unfinished task was cancelled. */
static void cut_task(struct demo *d, int ti, hf_stamp cut)
{
	struct d_task *task = &d->tasks[ti];
	if (task->created >= cut) {
		task->deleted = true;
		for (size_t i = 0; i < d->ncalls; i++)
			if (d->calls[i].task == ti)
				d->calls[i].deleted = true;
		return;
	}
	bool finished = task->t.status != TASK_OPEN && task->updated < cut;
	if (finished)
		return;
	int kept = 0, last = -1;
	for (size_t i = 0; i < d->ncalls; i++) {
		struct d_call *c = &d->calls[i];
		if (c->task != ti || c->deleted)
			continue;
		if (c->start >= cut) {
			c->deleted = true;
		} else {
			kept++;
			last = (int)i;
		}
	}
	task->t.status = TASK_CANCELLED;
	task->t.attempts = kept;
	task->last_call = last;
	str_copy(task->last_outcome, sizeof task->last_outcome, last >= 0 ? d->calls[last].outcome : "");
	task->updated = cut;
}

static bool is_surgery_first_week(struct demo *d, const struct d_visit *v, const struct planned_call *p)
{
	return v->kind == VISIT_SURGERY && d->cfg->missed_postop_days > 0 &&
	       p->nominal <= v->date + d->cfg->missed_postop_days;
}

/* The origin the planner gives a curve call: the visit, the step, what the curve counts from. */
static void curve_origin(struct demo *d, const struct d_visit *v, const char *offset, int repeat,
                         struct hf_why *out)
{
	const struct hf_treatment *ct = config_treatment(d->cfg, v->treatment);
	bool effect = v->kind == VISIT_INJECTION && ct && ct->has_effect && repeat <= 0;
	out->n = 0;
	struct hf_why_part *o = why_add(out, effect ? WHY_EFFECT_REMINDER : WHY_CURVE);
	o->visit_kind = v->kind;
	o->visit_date = v->date;
	str_copy(o->name, sizeof o->name, v->treatment);
	str_copy(o->offset, sizeof o->offset, offset);
	if (repeat > 0)
		o->count = repeat;
	else if (effect)
		o->day = dur_add_date(v->date, ct->effect);
	else if (v->kind == VISIT_COURSE)
		o->day = v->course_end;
}

static int curve_task(struct demo *d, int vi, const struct planned_call *p, hf_stamp created,
                      int repeat, int repeat_days)
{
	const struct d_visit *v = &d->visits[vi];
	int ti = add_task(d, v->cust, vi, created);
	struct hf_task_rec *t = &d->tasks[ti].t;
	t->kind = v->kind == VISIT_INJECTION ? TASK_REPURCHASE : TASK_FOLLOWUP;
	t->step = p->step;
	t->due = p->due;
	t->window_end = p->window_end;
	t->priority = p->priority;
	str_copy(t->team, sizeof t->team, p->team);
	str_copy(t->script, sizeof t->script, p->script);
	(void)repeat_days;
	curve_origin(d, v, p->offset, repeat, &t->origin);
	return ti;
}

/* When the task's call was over (for the planner's next run), HF_NO_DATE while open. */
static hf_date over_day(const struct d_task *t)
{
	switch (t->t.status) {
	case TASK_MISSED:
		return stamp_date(t->updated);      /* the plan that marked it went on planning */
	case TASK_DONE:
	case TASK_UNREACHABLE:
		return stamp_date(t->updated) + 1;  /* the next morning's plan */
	default:
		return HF_NO_DATE;
	}
}

/* Every call a visit's curve has brought so far, as the planner would have written them. */
static void visit_tasks(struct demo *d, int vi)
{
	const struct d_visit *v = &d->visits[vi];
	/* A later visit: converts a consultation, ends an injection's reminder, stops repeats. */
	const struct d_visit *later = NULL, *conv = NULL;
	for (size_t i = 0; i < d->nvisits; i++) {
		const struct d_visit *u = &d->visits[i];
		if ((int)i == vi || u->cust != v->cust)
			continue;
		if (u->date > v->date && (!later || u->created < later->created))
			later = u;
		if (u->kind != VISIT_CONSULT && u->date >= v->date && (!conv || u->created < conv->created))
			conv = u;
	}
	hf_stamp cut = HF_NO_STAMP;
	if (v->kind == VISIT_CONSULT && conv) {
		if (conv->date == v->date)
			return;      /* converted on the spot: no calls */
		cut = conv->created;
	} else if (v->kind == VISIT_INJECTION && later) {
		cut = later->created;
	}
	struct planned_call calls[HF_MAX_STEPS];
	int n = rules_schedule(d->cfg, v->kind, v->treatment, v->date, v->course_end, calls, HF_MAX_STEPS);
	int prev = -1;
	for (int i = 0; i < n; i++) {
		int ti = curve_task(d, vi, &calls[i], v->created, 0, 0);
		/* A missed first-week post-op call would have been escalated: keep those made. */
		live_task(d, ti, calls[i].step == v->hot_step, !is_surgery_first_week(d, v, &calls[i]));
		if (cut != HF_NO_STAMP)
			cut_task(d, ti, cut);
		prev = ti;
	}
	/* Consultations not converted: the last step again every repeat_days, as the planner does
	 * once the previous call is over and while the repeat is still callable. */
	const struct hf_curve *c = config_curve(d->cfg, v->kind, v->treatment);
	if (v->kind != VISIT_CONSULT || later || prev < 0 || !c || c->nsteps == 0 ||
	    c->repeat_days <= 0 || calls[n - 1].step != c->nsteps - 1)
		return;
	struct planned_call p = calls[n - 1];
	int last = c->nsteps - 1;
	for (int rep = 1; rep <= c->repeat_max; rep++) {
		hf_date ready = over_day(&d->tasks[prev]);
		if (ready == HF_NO_DATE || ready > d->today)
			return;
		struct planned_call q = p;
		q.step = last + rep;
		q.nominal = p.nominal + rep * c->repeat_days;
		q.due = rules_next_work_day(d->cfg, q.nominal);
		q.window_end = q.due + (c->steps[last].window_days > 0 ? c->steps[last].window_days : 0);
		if (q.window_end < ready)
			return;
		hf_stamp created = stamp_make(ready, 8 * 60);
		if (created > d->now)
			created = d->now;
		prev = curve_task(d, vi, &q, created, rep, c->repeat_days);
		live_task(d, prev, false, true);
	}
}

/* ---- events: complaints, escalations, callbacks, refusals, wrong numbers --------------- */

static int add_esc(struct demo *d)
{
	d->escs = xgrow(d->escs, d->nescs, &d->cescs, sizeof *d->escs);
	struct d_esc *e = &d->escs[d->nescs];
	memset(e, 0, sizeof *e);
	e->acked = e->resolved = HF_NO_STAMP;
	e->acked_by = e->resolved_by = e->resolution = "";
	return (int)d->nescs++;
}

static bool has_open_on(struct demo *d, int cust, hf_date day, int except)
{
	for (size_t i = 0; i < d->ntasks; i++) {
		const struct d_task *t = &d->tasks[i];
		if ((int)i != except && t->cust == cust && !t->deleted && t->t.status == TASK_OPEN &&
		    t->t.kind != TASK_DATAFIX && t->t.due == day)
			return true;
	}
	return false;
}

static hf_date last_visit_day(struct demo *d, int cust)
{
	hf_date last = HF_NO_DATE;
	for (size_t i = 0; i < d->nvisits; i++)
		if (d->visits[i].cust == cust && (last == HF_NO_DATE || d->visits[i].date > last))
			last = d->visits[i].date;
	return last;
}

/* A task whose last call, a plain "reached", was made on a day in [from, to], of a customer no
 * other event uses; kind VISIT_NONE: any visit. -1 when there is none. */
static int pick_event_task(struct demo *d, hf_date from, hf_date to, enum hf_visit_kind kind,
                           bool after_visits)
{
	int *cand = xcalloc(d->ntasks + 1, sizeof *cand);
	int n = 0;
	for (size_t i = 0; i < d->ntasks; i++) {
		const struct d_task *t = &d->tasks[i];
		if (t->deleted || t->t.status != TASK_DONE || t->last_call < 0 || d->cust[t->cust].special ||
		    (t->t.kind != TASK_FOLLOWUP && t->t.kind != TASK_REPURCHASE))
			continue;
		const struct d_call *c = &d->calls[t->last_call];
		hf_date day = stamp_date(c->start);
		if (c->deleted || strcmp(c->outcome, "reached") != 0 || day < from || day > to)
			continue;
		if (kind != VISIT_NONE && visit_kind(d, t) != kind)
			continue;
		if (after_visits && last_visit_day(d, t->cust) >= day)
			continue;
		cand[n++] = (int)i;
	}
	int ti = n ? cand[rnd(d, n)] : -1;
	free(cand);
	return ti;
}

/* The customer's latest score before `before` (0: none), as the rules would see it. */
static int score_before(struct demo *d, int cust, hf_stamp before)
{
	hf_stamp best = HF_NO_STAMP;
	int score = 0;
	for (size_t i = 0; i < d->ncalls; i++) {
		const struct d_call *c = &d->calls[i];
		if (c->cust == cust && !c->deleted && c->score > 0 && c->start < before && c->start >= best) {
			best = c->start;
			score = c->score;
		}
	}
	return score;
}

/* Log the task's last call again with another outcome, through the rules: the task's fate,
 * tasks it brings (callback, data fix), flags and the escalation come out as the rules decide
 * them. Returns the escalation made (-1 none), -2 when the rules refuse the input. */
static int relog(struct demo *d, int ti, const char *code, int score, const char *note,
                 const char *complaint, hf_stamp next)
{
	struct d_task *task = &d->tasks[ti];
	int ci = task->last_call;
	struct d_call *c = &d->calls[ci];
	struct hf_task_rec before = task->t;
	before.status = TASK_OPEN;
	before.attempts = task->t.attempts - 1;
	struct rules_customer rc;
	memset(&rc, 0, sizeof rc);
	str_copy(rc.consultant, sizeof rc.consultant, d->cust[task->cust].consultant);
	rc.birthday = d->cust[task->cust].birthday;
	rc.last_score = score_before(d, task->cust, c->start);
	struct rules_visit rv, *visit = NULL;
	if (task->visit >= 0) {
		const struct d_visit *v = &d->visits[task->visit];
		memset(&rv, 0, sizeof rv);
		rv.id = task->t.visit_id;
		rv.date = v->date;
		rv.kind = v->kind;
		str_copy(rv.treatment, sizeof rv.treatment, v->treatment);
		rv.course_end = v->course_end;
		visit = &rv;
	}
	struct outcome_input in = {0};
	in.code = code;
	in.score = score;
	in.note = note;
	in.has_next = next != HF_NO_STAMP;
	in.next = next;
	in.next_has_time = in.has_next;
	in.complaint = complaint;
	in.operator_login = c->op;
	in.operator_team = team_of(d, c->op);
	char err[HF_ERRLEN];
	if (!rules_check_outcome(d->cfg, &before, &in, c->end, err, sizeof err))
		return -2;
	struct decisions dec;
	decisions_init(&dec);
	rules_log_outcome(d->cfg, &rc, visit, &before, NULL, 0, &in, c->end, &dec);
	c->outcome = code;
	c->score = score;
	c->note = note ? note : "";
	c->complaint = complaint ? complaint : "";
	c->next = next;
	str_copy(task->last_outcome, sizeof task->last_outcome, code);
	int esc = -1;
	for (size_t i = 0; i < dec.n; i++) {
		const struct decision *x = &dec.v[i];
		switch (x->kind) {
		case DEC_UPDATE_TASK:
			if (x->task.id == task->t.id)
				task->t = x->task;
			break;
		case DEC_CREATE_TASK: {
			int nt = add_task(d, task->cust, task->visit, c->end);
			task = &d->tasks[ti];   /* the array may have moved */
			hf_id id = d->tasks[nt].t.id;
			d->tasks[nt].t = x->task;
			d->tasks[nt].t.id = id;
			d->tasks[nt].t.status = TASK_OPEN;
			break;
		}
		case DEC_SET_CUSTOMER:
			d->cust[task->cust].dnc |= x->flag_do_not_call;
			d->cust[task->cust].phone_invalid |= x->flag_phone_invalid;
			break;
		case DEC_ESCALATE: {
			esc = add_esc(d);
			struct d_esc *e = &d->escs[esc];
			e->call = ci;
			e->task = ti;
			e->cust = task->cust;
			e->sev = x->severity;
			e->status = ESC_OPEN;
			e->reason = x->reason;
			e->raised = c->end;
			e->sla_due = c->end + (hf_stamp)x->sla_hours * 60;
			e->raised_by = c->op;
			break;
		}
		case DEC_NOTICE:
			break;
		}
	}
	decisions_free(&dec);
	task->updated = c->end;
	d->cust[task->cust].special = true;
	return esc;
}

/* A refusal at `cut`: everything of the customer not over by then was cancelled. */
static void cancel_after(struct demo *d, int cust, int except, hf_stamp cut)
{
	for (size_t i = 0; i < d->ntasks; i++)
		if ((int)i != except && d->tasks[i].cust == cust && !d->tasks[i].deleted)
			cut_task(d, (int)i, cut);
}

static const char *complaint_category(struct demo *d, int i)
{
	if (d->cfg->ncomplaint_categories == 0)
		return NULL;
	return d->cfg->complaint_categories[i % d->cfg->ncomplaint_categories];
}

/* One escalation of each kind: open ones from the last days (one past its deadline),
 * an acknowledged one, and resolved ones further back. */
static void escalations(struct demo *d)
{
	hf_date y = d->today - 1;
	struct {
		const char *kind;          /* complaint, low, risk */
		hf_date from, to;
		enum hf_esc_status status;
		int category;
	} plan[] = {
		{"risk", y, y, ESC_OPEN, 0},
		{"complaint", y, y, ESC_OPEN, 0},
		{"low", y - 1, y, ESC_OPEN, 0},
		{"risk", y - 2, y - 1, ESC_ACKNOWLEDGED, 0},
		{"complaint", y - 40, y - 10, ESC_RESOLVED, 1},
		{"low", y - 60, y - 12, ESC_RESOLVED, 0},
		{"risk", y - 50, y - 14, ESC_RESOLVED, 0},
		{"complaint", y - 90, y - 20, ESC_RESOLVED, 2},
	};
	for (size_t i = 0; i < sizeof plan / sizeof plan[0]; i++) {
		const char *kind = plan[i].kind;
		int ti = -1;
		/* Widen the days when a calendar leaves none (holidays). */
		for (int widen = 0; ti < 0 && widen <= 8; widen += 2)
			ti = pick_event_task(d, plan[i].from - widen, plan[i].to, VISIT_SURGERY, false);
		for (int widen = 0; ti < 0 && widen <= 8; widen += 2)
			ti = pick_event_task(d, plan[i].from - widen, plan[i].to, VISIT_NONE, false);
		if (ti < 0)
			continue;
		struct d_task *t = &d->tasks[ti];
		enum hf_visit_kind vk = visit_kind(d, t);
		const char *tr = visit_treatment(d, t);
		const char *note = NULL, *category = NULL, *code = "reached";
		int score = between(d, 1, 2);
		if (strcmp(kind, "risk") == 0) {
			/* Pleased with the care, worried by a symptom: the note carries the risk. */
			note = pick_note(d, "risk", t->t.script, vk, tr);
			score = d->cust[t->cust].base_score - 1;
		}
		if (!note && strcmp(kind, "complaint") == 0) {
			code = "complaint";
			category = complaint_category(d, plan[i].category);
			note = pick_note(d, "complaint", category ? category : "", VISIT_NONE, "");
			score = 2;
		}
		if (!note) {              /* a low score (also when the config knows no risk words) */
			kind = "low";
			note = pick_note(d, "low", t->t.script, vk, tr);
			score = between(d, 1, 2);
		}
		int e = relog(d, ti, code, score, note, category, HF_NO_STAMP);
		if (e < 0)
			continue;
		struct d_esc *x = &d->escs[e];
		if (plan[i].status == ESC_OPEN)
			continue;
		x->status = plan[i].status;
		x->acked_by = SUPERVISOR;
		x->acked = x->raised + between(d, 20, 150);
		if (x->acked > d->now)
			x->acked = d->now;
		if (plan[i].status == ESC_ACKNOWLEDGED) {
			x->resolution = pick_note(d, "ack", kind, VISIT_NONE, "");
		} else {
			x->resolved_by = SUPERVISOR;
			x->resolved = x->acked + between(d, 3 * 60, 2 * 24 * 60);
			if (x->resolved > d->now)
				x->resolved = d->now;
			x->resolution = pick_note(d, "resolution", kind, VISIT_NONE, "");
		}
		if (!x->resolution)
			x->resolution = "";
	}
}

/* Callbacks agreed yesterday for a time today; refusals; numbers that turned out wrong. */
static void other_events(struct demo *d)
{
	static const int times[] = {10 * 60 + 30, 14 * 60, 15 * 60 + 30, 16 * 60 + 30, 11 * 60};
	hf_date y = d->today - 1;
	for (size_t i = 0; i < sizeof times / sizeof times[0]; i++) {
		int ti = -1;
		/* A customer with no other call today (they would merge); the invoking login's
		 * callback comes from a call of its own team. */
		for (int tries = 0; tries < 30; tries++) {
			ti = pick_event_task(d, y - (tries > 15), y, VISIT_NONE, false);
			if (ti < 0)
				break;
			if (!has_open_on(d, d->tasks[ti].cust, d->today, -1) &&
			    (i != 0 || tries >= 20 || str_eq(d->tasks[ti].t.team, d->me_team)))
				break;
			ti = -1;
		}
		if (ti < 0)
			continue;
		/* The first callback was agreed by the invoking login, so it owns the new task. */
		if (i == 0)
			d->calls[d->tasks[ti].last_call].op = d->ctx->login;
		hf_stamp next = stamp_make(d->today, times[i]);
		relog(d, ti, "callback", 0, pick_note(d, "callback", "", VISIT_NONE, ""), NULL, next);
	}
	for (int i = 0; i < 6; i++) {
		int ti = pick_event_task(d, d->today - 90, d->today - 3, VISIT_NONE, true);
		if (ti < 0)
			continue;
		if (relog(d, ti, "refused", 0, pick_note(d, "refused", "", VISIT_NONE, ""), NULL,
		          HF_NO_STAMP) == -2)
			continue;
		const struct d_task *t = &d->tasks[ti];
		cancel_after(d, t->cust, ti, d->calls[t->last_call].end);
	}
	for (int i = 0; i < 4; i++) {
		int ti = pick_event_task(d, d->today - 5, y, VISIT_NONE, false);
		if (ti >= 0)
			relog(d, ti, "wrong_number", 0, pick_note(d, "wrong_number", "", VISIT_NONE, ""), NULL,
			      HF_NO_STAMP);
	}
}

/* ---- owners ---------------------------------------------------------------------------- */

/* Consultants own their customers' calls; of today's pool work some is handed out, and the
 * invoking login gets at least three calls of its own. */
static void assign_owners(struct demo *d)
{
	int handed[HF_MAX_TEAMS] = {0};
	int mine = 0;
	hf_stamp at = stamp_make(d->today, 8 * 60 + 30);
	if (at > d->now)
		at = d->now;
	for (size_t i = 0; i < d->ntasks; i++) {
		struct d_task *task = &d->tasks[i];
		struct hf_task_rec *t = &task->t;
		if (task->deleted || t->status != TASK_OPEN)
			continue;
		const char *consultant = d->cust[task->cust].consultant;
		if (str_eq(t->team, d->cfg->consultant_team) && !str_empty(consultant)) {
			/* Not a call the planner would already have returned to the pool as stale. */
			hf_date since = t->due;
			if (t->touched != HF_NO_STAMP && stamp_date(t->touched) > since)
				since = stamp_date(t->touched);
			int stale = d->cfg->stale_owner_days;
			if (str_empty(t->owner) && (stale <= 0 || d->today - since < stale))
				str_copy(t->owner, sizeof t->owner, consultant);
			continue;
		}
		if (str_eq(t->owner, d->ctx->login) && t->due <= d->today)
			mine++;
		if (!str_empty(t->owner) || t->due > d->today || t->attempts > 0)
			continue;
		int team = 0;
		for (int k = 0; k < d->cfg->nteams; k++)
			if (str_eq(d->cfg->teams[k].code, t->team))
				team = k;
		/* In the invoking login's team a third each: its own, a colleague's, the pool; in
		 * other teams a third is handed to an operator. */
		int turn = handed[team]++ % 3;
		bool own_team = str_eq(t->team, d->me_team);
		const char *who = NULL;
		if (turn == 0 && own_team)
			who = d->ctx->login;
		else if ((turn == 1 && own_team) || (turn == 0 && !own_team))
			who = pick_operator_of(d, t->team, task->cust, false);
		if (!who)
			continue;
		str_copy(t->owner, sizeof t->owner, who);
		t->touched = at;
		task->updated = at;
		if (str_eq(who, d->ctx->login))
			mine++;
	}
	for (size_t i = 0; i < d->ntasks && mine < 3; i++) {
		struct d_task *task = &d->tasks[i];
		struct hf_task_rec *t = &task->t;
		if (task->deleted || t->status != TASK_OPEN || t->due > d->today || !str_empty(t->owner) ||
		    d->cust[task->cust].dnc)
			continue;
		str_copy(t->owner, sizeof t->owner, d->ctx->login);
		t->touched = at;
		task->updated = at;
		mine++;
	}
}

/* Tags: VIP for two treatments within a quarter or a large spend; a few remarks. */
static void finish_customers(struct demo *d)
{
	for (size_t ci = 0; ci < d->ncust; ci++) {
		struct d_cust *c = &d->cust[ci];
		long long spent = 0;
		int paid = 0;
		hf_date first = HF_NO_DATE, a = HF_NO_DATE, b = HF_NO_DATE;
		for (size_t i = 0; i < d->nvisits; i++) {
			const struct d_visit *v = &d->visits[i];
			if (v->cust != (int)ci)
				continue;
			spent += v->amount;
			if (first == HF_NO_DATE || v->date < first)
				first = v->date;
			if (v->kind != VISIT_CONSULT) {
				paid++;
				if (a == HF_NO_DATE || v->date < a)
					a = v->date;
				if (b == HF_NO_DATE || v->date > b)
					b = v->date;
			}
		}
		bool vip = spent >= 30000 || (paid >= 2 && b - a <= 92);
		const char *extra = pick_weighted(d, extra_tags, sizeof extra_tags / sizeof extra_tags[0]);
		snprintf(c->tags, sizeof c->tags, "%s%s%s", vip ? "VIP" : "", vip && *extra ? "," : "", extra);
		if (first == HF_NO_DATE)
			first = d->today - 1;
		c->created = stamp_make(first - (chance(d, 60) ? 0 : between(d, 1, 14)),
		                        between(d, 9 * 60 + 30, 17 * 60));
		for (size_t i = 0; i < d->nvisits; i++)
			if (d->visits[i].cust == (int)ci && d->visits[i].created < c->created)
				c->created = d->visits[i].created - between(d, 10, 60);
	}
}

/* ---- writing --------------------------------------------------------------------------- */

static const char *opt_stamp(hf_stamp t, char buf[20])
{
	return t == HF_NO_STAMP ? NULL : stamp_format(t, buf);
}

static const char *opt_date(hf_date day, char buf[16])
{
	return day == HF_NO_DATE ? NULL : date_format(day, buf);
}

static bool write_clinic(struct demo *d, hf_id cust_base, hf_id visit_base, hf_id call_base,
                         hf_id esc_base)
{
	struct store *st = d->ctx->st;
	char s1[20], s2[20], s3[20], day1[16], day2[16];
	for (size_t i = 0; i < d->ncust; i++) {
		const struct d_cust *c = &d->cust[i];
		if (!store_exec(st,
		        "INSERT INTO customer(id, name, phone, gender, birthday, consultant, source, tags, "
		        "do_not_call, phone_invalid, created_at) VALUES (:id, :name, :phone, :gender, :bd, "
		        ":consultant, :source, :tags, :dnc, :pinv, :created)",
		        ":id", 'i', (long long)(cust_base + (hf_id)i), ":name", 't', c->name,
		        ":phone", 't', c->phone, ":gender", 't', c->gender,
		        ":bd", 't', opt_date(c->birthday, day1), ":consultant", 't', c->consultant,
		        ":source", 't', c->source, ":tags", 't', c->tags, ":dnc", 'i', (long long)c->dnc,
		        ":pinv", 'i', (long long)c->phone_invalid,
		        ":created", 't', stamp_format(c->created, s1), NULL))
			return false;
	}
	for (size_t i = 0; i < d->nvisits; i++) {
		const struct d_visit *v = &d->visits[i];
		if (!store_exec(st,
		        "INSERT INTO visit(id, customer_id, date, kind, treatment, doctor, team, course_end, "
		        "amount, planned, created_at) VALUES (:id, :c, :date, :kind, :tr, :doctor, '', :ce, "
		        ":amount, 1, :created)",
		        ":id", 'i', (long long)(visit_base + (hf_id)i), ":c", 'i', (long long)(cust_base + v->cust),
		        ":date", 't', date_format(v->date, day1), ":kind", 't', visit_kind_code(v->kind),
		        ":tr", 't', v->treatment, ":doctor", 't', v->doctor,
		        ":ce", 't', opt_date(v->course_end, day2), ":amount", 'i', v->amount,
		        ":created", 't', stamp_format(v->created, s1), NULL))
			return false;
	}
	for (size_t i = 0; i < d->ntasks; i++) {
		const struct d_task *task = &d->tasks[i];
		const struct hf_task_rec *t = &task->t;
		if (task->deleted)
			continue;
		char tm[8] = "";
		if (t->due_minute >= 0)
			snprintf(tm, sizeof tm, "%02d:%02d", t->due_minute / 60 % 24, t->due_minute % 60);
		char *origin = store_why_json(st, &t->origin, false);
		bool ok = origin && store_exec(st,
		        "INSERT INTO task(id, customer_id, visit_id, kind, step, due_date, due_time, window_end, "
		        "team, owner, status, attempts, priority, script, origin, last_outcome, touched_at, "
		        "created_at, updated_at) VALUES (:id, :c, :v, :kind, :step, :due, :time, :we, :team, "
		        ":owner, :status, :attempts, :prio, :script, :origin, :lo, :touched, :created, :updated)",
		        ":id", 'i', (long long)t->id, ":c", 'i', (long long)(cust_base + task->cust),
		        ":v", 'z', (long long)(task->visit >= 0 ? visit_base + task->visit : 0),
		        ":kind", 't', task_kind_code(t->kind), ":step", 'i', (long long)t->step,
		        ":due", 't', date_format(t->due, day1), ":time", 't', tm[0] ? tm : NULL,
		        ":we", 't', date_format(t->window_end, day2), ":team", 't', t->team,
		        ":owner", 't', t->owner, ":status", 't', task_status_code(t->status),
		        ":attempts", 'i', (long long)t->attempts, ":prio", 'i', (long long)t->priority,
		        ":script", 't', t->script, ":origin", 't', origin, ":lo", 't', task->last_outcome,
		        ":touched", 't', opt_stamp(t->touched, s1), ":created", 't', stamp_format(task->created, s2),
		        ":updated", 't', stamp_format(task->updated, s3), NULL);
		free(origin);
		if (!ok)
			return false;
	}
	hf_id *call_id = xcalloc(d->ncalls + 1, sizeof *call_id);
	hf_id next_call = call_base;
	bool ok = true;
	for (size_t i = 0; ok && i < d->ncalls; i++) {
		const struct d_call *c = &d->calls[i];
		if (c->deleted || d->tasks[c->task].deleted)
			continue;
		char nx[20];
		const char *next = NULL;
		if (c->next != HF_NO_STAMP)
			next = stamp_minute(c->next) == 0 ? date_format(stamp_date(c->next), nx)
			                                  : stamp_format(c->next, nx);
		call_id[i] = next_call++;
		ok = store_exec(st,
		        "INSERT INTO call(id, task_id, customer_id, operator, started_at, ended_at, outcome, "
		        "score, note, next_contact, complaint) VALUES (:id, :task, :c, :op, :s, :e, :outcome, "
		        ":score, :note, :next, :complaint)",
		        ":id", 'i', (long long)call_id[i], ":task", 'i', (long long)d->tasks[c->task].t.id,
		        ":c", 'i', (long long)(cust_base + c->cust), ":op", 't', c->op,
		        ":s", 't', stamp_format(c->start, s1), ":e", 't', stamp_format(c->end, s2),
		        ":outcome", 't', c->outcome, ":score", 'z', (long long)c->score, ":note", 't', c->note,
		        ":next", 't', next, ":complaint", 't', c->complaint, NULL);
	}
	for (size_t i = 0; ok && i < d->nescs; i++) {
		const struct d_esc *e = &d->escs[i];
		char a1[20] = "", a2[20] = "";
		if (e->acked != HF_NO_STAMP)
			stamp_format(e->acked, a1);
		if (e->resolved != HF_NO_STAMP)
			stamp_format(e->resolved, a2);
		char *reason = store_why_json(st, &e->reason, true);
		ok = reason && store_exec(st,
		        "INSERT INTO escalation(id, call_id, customer_id, task_id, severity, reason, sla_due, "
		        "status, raised_by, raised_at, acknowledged_by, acknowledged_at, resolved_by, "
		        "resolved_at, resolution) VALUES (:id, :call, :c, :task, :sev, :reason, :sla, :status, "
		        ":by, :at, :ackby, :ackat, :resby, :resat, :resolution)",
		        ":id", 'i', (long long)(esc_base + (hf_id)i), ":call", 'z', (long long)call_id[e->call],
		        ":c", 'i', (long long)(cust_base + e->cust), ":task", 'i', (long long)d->tasks[e->task].t.id,
		        ":sev", 't', severity_code(e->sev), ":reason", 't', reason,
		        ":sla", 't', stamp_format(e->sla_due, s1), ":status", 't', esc_status_code(e->status),
		        ":by", 't', e->raised_by, ":at", 't', stamp_format(e->raised, s2),
		        ":ackby", 't', e->acked_by, ":ackat", 't', a1, ":resby", 't', e->resolved_by,
		        ":resat", 't', a2, ":resolution", 't', e->resolution, NULL);
		free(reason);
	}
	free(call_id);
	return ok;
}

static hf_id next_id(struct store *st, const char *sql)
{
	long long max = 0;
	store_int(st, &max, sql, NULL);
	return max + 1;
}

/* ---- the whole clinic ------------------------------------------------------------------ */

static void demo_free(struct demo *d)
{
	lines_free(&d->surnames);
	lines_free(&d->given_f);
	lines_free(&d->given_m);
	lines_free(&d->doctor_lines);
	lines_free(&d->note_lines);
	free(d->doctors);
	free(d->notes);
	free(d->pick);
	free(d->cust);
	free(d->visits);
	free(d->tasks);
	free(d->calls);
	free(d->escs);
}

bool demo_build(struct hf_ctx *ctx, char *err, size_t errlen)
{
	struct demo d;
	memset(&d, 0, sizeof d);
	d.ctx = ctx;
	d.cfg = &ctx->cfg;
	d.now = ctx->now;
	d.today = stamp_date(ctx->now);
	d.rng = 0x68756966616E67ULL ^ ((uint64_t)(uint32_t)d.today * 0x100000001B3ULL);
	team_code(d.cfg, ME_TEAM, d.me_team, sizeof d.me_team);
	for (size_t i = 0; i < NSTAFF; i++)
		team_code(d.cfg, staff[i].team, d.staff_team[i], sizeof d.staff_team[i]);
	if (!load_data(&d, err, errlen)) {
		demo_free(&d);
		return false;
	}
	struct store *st = ctx->st;
	hf_id cust_base = next_id(st, "SELECT max(id) FROM customer");
	hf_id visit_base = next_id(st, "SELECT max(id) FROM visit");
	hf_id call_base = next_id(st, "SELECT max(id) FROM call");
	hf_id esc_base = next_id(st, "SELECT max(id) FROM escalation");
	d.task_base = next_id(st, "SELECT max(id) FROM task");

	d.ncust = NCUSTOMERS;
	d.cust = xcalloc(d.ncust, sizeof *d.cust);
	for (size_t i = 0; i < d.ncust; i++)
		make_customer(&d, i);
	/* Which customers have a call in today's queue: a random set, so ids are mixed. */
	int order[NCUSTOMERS];
	for (int i = 0; i < NCUSTOMERS; i++)
		order[i] = i;
	for (int i = 0; i < NHOT; i++) {
		int j = between(&d, i, NCUSTOMERS - 1), tmp = order[i];
		order[i] = order[j];
		order[j] = tmp;
	}
	bool hot[NCUSTOMERS] = {false};
	int slot[NCUSTOMERS];
	for (int i = 0; i < NHOT; i++) {
		hot[order[i]] = true;
		slot[order[i]] = i;
	}
	for (int i = 0; i < NCUSTOMERS; i++) {
		if (hot[i])
			hot_story(&d, i, slot[i]);
		else
			natural_story(&d, i);
	}
	/* Visits of a customer are contiguous; each visit's curve, in order. */
	for (size_t i = 0; i < d.nvisits; i++)
		visit_tasks(&d, (int)i);
	for (size_t i = 0; i < d.ntasks; i++)
		d.tasks[i].t.visit_id = d.tasks[i].visit >= 0 ? visit_base + d.tasks[i].visit : 0;
	escalations(&d);
	other_events(&d);
	assign_owners(&d);
	finish_customers(&d);

	bool ok = write_users(&d) && write_clinic(&d, cust_base, visit_base, call_base, esc_base) &&
	          store_meta_set(st, "clinic", d.cfg->clinic);
	if (!ok)
		errf(err, errlen, _("demo clinic: %s"), store_errmsg(st));
	demo_free(&d);
	return ok;
}
