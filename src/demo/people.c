/* people.c — the demo clinic's staff and catalogue, its name lists and notes, and the day-seeded
 * generator that picks among them. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "huifang/i18n.h"
#include "huifang/paths.h"
#include "huifang/str.h"
#include "demo-int.h"

/* ---- who works in the demo clinic ---------------------------------------------------- */

/* Team names are the default config's codes; teams a clinic's config lacks fall back (team_code). */
const struct staff demo_staff[] = {
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
const size_t demo_nstaff = sizeof demo_staff / sizeof demo_staff[0];
_Static_assert(sizeof demo_staff / sizeof demo_staff[0] <= MAX_STAFF, "MAX_STAFF holds the staff");

/* ---- what the clinic sells ------------------------------------------------------------ */

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

const struct weighted demo_sources[] = {
	{"转介绍", 25}, {"小红书", 20}, {"美团", 15}, {"抖音", 15}, {"自然到店", 15}, {"大众点评", 6},
	{"老客户", 4},
};
const struct weighted demo_extra_tags[] = {
	{"敏感肌", 6}, {"疤痕体质", 3}, {"怕疼", 5}, {"价格敏感", 6}, {"老客户", 8}, {"", 72},
};
const size_t demo_nsources = sizeof demo_sources / sizeof demo_sources[0];
const size_t demo_nextra_tags = sizeof demo_extra_tags / sizeof demo_extra_tags[0];

/* ---- a small deterministic generator (splitmix64), seeded by the day ------------------ */

static uint64_t rng_next(struct demo *d)
{
	uint64_t z = (d->rng += 0x9E3779B97F4A7C15ULL);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

/* 0 .. n-1 */
int rnd(struct demo *d, int n)
{
	return n <= 1 ? 0 : (int)(rng_next(d) % (uint64_t)n);
}

/* lo .. hi inclusive */
int between(struct demo *d, int lo, int hi)
{
	return hi <= lo ? lo : lo + rnd(d, hi - lo + 1);
}

bool chance(struct demo *d, int percent)
{
	return rnd(d, 100) < percent;
}

const char *pick_weighted(struct demo *d, const struct weighted *w, size_t n)
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

const char *pick_line(struct demo *d, const struct lines *l)
{
	return l->v[rnd(d, (int)l->n)];
}

const struct treatment *pick_treatment(struct demo *d, enum hf_visit_kind kind)
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
const struct treatment *pick_plain_treatment(struct demo *d, bool inpatient)
{
	for (int tries = 0; tries < 32; tries++) {
		const struct treatment *tr = pick_treatment(d, inpatient ? VISIT_SURGERY : VISIT_NONE);
		const struct hf_treatment *ct = config_treatment(d->cfg, tr->name);
		if ((!inpatient || tr->inpatient) && !(ct && ct->has_curve))
			return tr;
	}
	return NULL;
}

const struct treatment *treatment_named(const char *name)
{
	for (size_t i = 0; i < NTREATMENTS; i++)
		if (strcmp(treatments[i].name, name) == 0)
			return &treatments[i];
	return NULL;
}
/* ---- data files ------------------------------------------------------------------------ */

/* The data directory holding the name lists (see paths_data). */
static bool locate_data(char *out, size_t outlen, char *tried, size_t triedlen)
{
	bool found = paths_data("names/surnames.txt", out, outlen);
	snprintf(tried, triedlen, "%s/names", out);
	return found;
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

bool demo_load_data(struct demo *d, char *err, size_t errlen)
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
const char *pick_note(struct demo *d, const char *mood, const char *script,
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

const char *pick_doctor(struct demo *d, const char *treatment)
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
	return strcmp(demo_staff[i].team, "consultant") == 0;
}

const struct hf_user *demo_user(struct demo *d, const char *login)
{
	if (str_eq(login, d->ctx->login))
		return &d->me;
	for (size_t i = 0; i < demo_nstaff; i++)
		if (str_eq(d->staff[i].login, login))
			return &d->staff[i];
	return NULL;
}

const char *pick_consultant(struct demo *d)
{
	size_t idx[MAX_STAFF], n = 0;
	for (size_t i = 0; i < demo_nstaff; i++)
		if (is_consultant(i) && !str_eq(demo_staff[i].login, d->ctx->login))
			idx[n++] = i;
	return n ? demo_staff[idx[rnd(d, (int)n)]].login : d->ctx->login;
}

const char *pick_operator(struct demo *d, const char *team, int cust)
{
	if (str_eq(team, d->cfg->consultant_team) && !str_empty(d->cust[cust].consultant))
		return d->cust[cust].consultant;
	const char *who[MAX_STAFF + 1];
	int n = 0;
	for (size_t i = 0; i < demo_nstaff; i++)
		if (d->staff[i].role == ROLE_OPERATOR && str_eq(d->staff[i].team, team) &&
		    !str_eq(d->staff[i].login, d->ctx->login))
			who[n++] = d->staff[i].login;
	if (n == 0)                     /* a team the demo staff does not cover */
		who[n++] = d->ctx->login;
	return who[rnd(d, n)];
}

void demo_people(struct demo *d)
{
	d->me = d->ctx->me;
	str_copy(d->me.login, sizeof d->me.login, d->ctx->login);
	team_code(d->cfg, ME_TEAM, d->me.team, sizeof d->me.team);
	str_copy(d->me.name, sizeof d->me.name, ME_NAME);
	d->me.role = ROLE_ADMIN;
	d->me.active = true;
	for (size_t i = 0; i < demo_nstaff; i++) {
		struct hf_user *u = &d->staff[i];
		memset(u, 0, sizeof *u);
		str_copy(u->login, sizeof u->login, demo_staff[i].login);
		str_copy(u->name, sizeof u->name, demo_staff[i].name);
		team_code(d->cfg, demo_staff[i].team, u->team, sizeof u->team);
		u->role = demo_staff[i].role;
		u->active = true;
		u->created = d->now;
	}
}

void demo_free_data(struct demo *d)
{
	lines_free(&d->surnames);
	lines_free(&d->given_f);
	lines_free(&d->given_m);
	lines_free(&d->doctor_lines);
	lines_free(&d->note_lines);
	free(d->doctors);
	free(d->notes);
	free(d->pick);
}
