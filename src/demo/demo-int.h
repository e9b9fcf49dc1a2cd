/* demo-int.h — the demo clinic's parts: its people and catalogue, the customers' stories, and
 * the replay that makes them happen through the service. */
#ifndef HUIFANG_DEMO_INT_H
#define HUIFANG_DEMO_INT_H

#include <stdint.h>

#include "huifang/demo.h"

#define NCUSTOMERS 600
#define HISTORY_DAYS 183      /* visits reach back about six months */
#define NHOT 50               /* customers given a call that is due today or just overdue */
#define MAX_OVERDUE 3         /* hot calls are at most this many days overdue */

/* ---- who works in the demo clinic, what it sells (people.c) ------------------------------ */

struct staff {
	const char *login, *name, *team;   /* team: the default config's code (see team_code) */
	enum hf_role role;
};
extern const struct staff demo_staff[];
extern const size_t demo_nstaff;
#define SUPERVISOR "sup_zhao"
/* The invoking login works in post-op care in the demo. */
#define ME_TEAM "postop"
#define ME_NAME "吴静怡"
#define MAX_STAFF 16

struct treatment {
	const char *name;
	enum hf_visit_kind kind;
	int weight;
	long long price_lo, price_hi;   /* yuan */
	bool inpatient;                 /* surgery that may end with a discharge visit */
};

struct weighted {
	const char *s;
	int weight;
};
extern const struct weighted demo_sources[], demo_extra_tags[];
extern const size_t demo_nsources, demo_nextra_tags;

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

/* ---- the clinic in memory, before it happens ------------------------------------------- */

struct d_cust {
	char name[HF_NAME_MAX];
	char phone[16];
	const char *gender;
	hf_date birthday;
	const char *consultant;         /* login or "" */
	const char *source;
	char tags[128];
	hf_stamp created;
	int base_score;                 /* 4 or 5: scores stay within one point of it */
	bool special;                   /* carries an event (complaint, refusal ...) */
	hf_id id;                       /* once written */
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
	hf_id id;                       /* once entered */
};

struct demo {
	struct hf_ctx *ctx;
	const struct hf_config *cfg;
	uint64_t rng;
	hf_date today;
	hf_stamp now;                   /* the real now; ctx->now moves through the past */
	struct hf_user me;              /* the invoking login as the demo makes it */
	struct hf_user staff[MAX_STAFF];

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
};

/* The generator: splitmix64 seeded by the day. */
int rnd(struct demo *d, int n);                  /* 0 .. n-1 */
int between(struct demo *d, int lo, int hi);     /* lo .. hi */
bool chance(struct demo *d, int percent);
const char *pick_weighted(struct demo *d, const struct weighted *w, size_t n);
const char *pick_line(struct demo *d, const struct lines *l);
const struct treatment *pick_treatment(struct demo *d, enum hf_visit_kind kind);
const struct treatment *pick_plain_treatment(struct demo *d, bool inpatient);
const struct treatment *treatment_named(const char *name);
/* A note of this mood for this call (the most specific scope that has one), or NULL. */
const char *pick_note(struct demo *d, const char *mood, const char *script,
                      enum hf_visit_kind kind, const char *treatment);
const char *pick_doctor(struct demo *d, const char *treatment);
const char *pick_consultant(struct demo *d);
/* Who makes a call of this team for customer cust: one of the demo staff (the invoking login
 * only for a team the staff does not cover). */
const char *pick_operator(struct demo *d, const char *team, int cust);
/* The user record of a demo login (the invoking login included), NULL when none. */
const struct hf_user *demo_user(struct demo *d, const char *login);

/* Name lists, doctors and notes from the data directory. */
bool demo_load_data(struct demo *d, char *err, size_t errlen);
/* Users: the staff, with the config's team codes. */
void demo_people(struct demo *d);
void demo_free_data(struct demo *d);

/* ---- the customers' stories (story.c) --------------------------------------------------- */
/* Customers and their visits over the last six months; a few have a call due today. */
void demo_stories(struct demo *d);

#endif
