/* config.h — the clinic's rules and settings, read from libconfig into a validated struct. */
#ifndef HUIFANG_CONFIG_H
#define HUIFANG_CONFIG_H

#include "huifang/date.h"
#include "huifang/model.h"

#define HF_MAX_STEPS 12
#define HF_MAX_OUTCOMES 16
#define HF_MAX_HOLIDAYS 128
#define HF_MAX_TEAMS 16
#define HF_MAX_TREATMENTS 64
#define HF_MAX_RISK_WORDS 64
#define HF_MAX_ARGV 16
#define HF_MAX_UI_KEYS 64
#define HF_MAX_SEGMENTS 16

/* Colour roles of the console (config `ui.colors`): role, key in the config. */
#define HF_UI_COLORS(X) \
	X(UI_COLOR_NORMAL, "normal") \
	X(UI_COLOR_HEADER, "header") \
	X(UI_COLOR_TAB, "tab") \
	X(UI_COLOR_TAB_ACTIVE, "tab_active") \
	X(UI_COLOR_CURSOR, "selected") /* the selected row */ \
	X(UI_COLOR_OVERDUE, "overdue") \
	X(UI_COLOR_STATUS, "status") \
	X(UI_COLOR_TITLE, "title") \
	X(UI_COLOR_DIM, "dim") \
	X(UI_COLOR_URGENT, "urgent") \
	X(UI_COLOR_HIGH, "high") \
	X(UI_COLOR_BREACHED, "breached") \
	X(UI_COLOR_ERROR, "error") \
	X(UI_COLOR_NOTICE, "notice") \
	X(UI_COLOR_FIELD, "field") \
	X(UI_COLOR_CHART, "chart")
#define HF_UI_COLOR_ENUM_(id, key) id,
enum hf_ui_color { HF_UI_COLORS(HF_UI_COLOR_ENUM_) UI_COLOR__COUNT };
#undef HF_UI_COLOR_ENUM_

/* One step of a follow-up curve: call at visit date + offset, callable for window_days. */
struct hf_step {
	struct hf_dur offset;     /* "+1d", "+1m"; for injections relative to the effect's end */
	int window_days;          /* days the task stays callable after its due date */
	char script[HF_NAME_MAX]; /* script key, e.g. "surgery.d3" */
	char team[HF_NAME_MAX];   /* team code that makes this call */
	int priority;             /* higher is called first among tasks due the same day */
};

struct hf_curve {
	struct hf_step steps[HF_MAX_STEPS];
	int nsteps;
	/* Consultation: repeat the last step every repeat_days while not converted, up to
	 * repeat_max extra calls (0 = no repeat). */
	int repeat_days, repeat_max;
};

struct hf_treatment {
	char name[HF_NAME_MAX];       /* as written on visits: 隆鼻, 双眼皮, 玻尿酸 ... */
	bool has_curve;               /* overrides its visit kind's curve */
	struct hf_curve curve;
	bool has_effect;              /* injectables: how long the effect lasts */
	struct hf_dur effect;         /* e.g. "6m" */
};

/* One row of the outcome table (SPEC §3). Codes are stable; labels are translated. */
struct hf_outcome {
	char code[24];
	char label[HF_NAME_MAX];      /* msgid, shown through gettext */
	bool ends_task;               /* the task is done/closed by this outcome */
	int retry_minutes;            /* 0: no retry */
	int max_attempts;             /* after this many, the task is `unreachable` (0: no limit) */
	bool asks_score;              /* score 1–5 may be given */
	bool needs_next;              /* --next required */
	enum hf_severity escalate;    /* SEV_NONE: no escalation by itself */
	bool cancels_future;          /* refused: every future task cancelled, do-not-call */
	bool flags_phone;             /* wrong_number: phone invalid + data-fix task */
};

struct hf_team {
	char code[HF_NAME_MAX];
	char name[HF_NAME_MAX];
};

/* A resolution category of an escalation: the code is stored, the name shown. */
struct hf_resolution {
	char code[HF_NAME_MAX];
	char name[HF_NAME_MAX];
};
#define HF_MAX_RESOLUTIONS 16
#define HF_MAX_LADDER 8

/* A satisfaction dimension a call may score 1-5 besides the overall score (服务态度, 效果满意 ...):
 * the code is stored with the call, the name shown (through the translations) and typed. */
struct hf_dimension {
	char code[HF_DIM_CODE_MAX];
	char name[HF_NAME_MAX];       /* msgid, shown through gettext */
	int low_max;                  /* a score at or below this raises an escalation (0: never) */
};

/* What a segment asks of one of R, F and M: a high score, a low one, or nothing. */
enum hf_level { LEVEL_ANY, LEVEL_HIGH, LEVEL_LOW };

/* A value segment (RFM): the first whose levels all match a customer's scores names them. */
struct hf_segment {
	char code[HF_NAME_MAX];       /* stored with the customer and in tsv/json/csv */
	char name[HF_NAME_MAX];       /* shown: 重要价值, 重要唤回 ... */
	enum hf_level r, f, m;
	int priority;                 /* added to its customers' calls in the queue */
	bool reactivate;              /* `plan` makes a reactivation call when a customer is in it */
};

/* Customer value (config `value`): R, F and M each scored 1..HF_VALUE_LEVELS by thresholds. */
struct hf_value_rules {
	int window_days;              /* F and M count the visits of this many days up to today */
	/* Score k+2 from thresholds[k] on: recency at most recency[k] days (fewer is better),
	 * frequency and monetary at least frequency[k] visits, monetary[k] yuan. */
	int recency[HF_VALUE_LEVELS - 1];
	int frequency[HF_VALUE_LEVELS - 1];
	int monetary[HF_VALUE_LEVELS - 1];
	int high_from;                /* a score at or above this is high, below it low */
	int vip_visits;               /* VIP: at least this many visits ... */
	int vip_days;                 /* ... in this many days up to today (0 visits: no VIP rule) */
	int vip_priority;             /* added to a VIP's calls in the queue */
	char reactivation_script[HF_NAME_MAX];
	struct hf_segment segments[HF_MAX_SEGMENTS];
	int nsegments;
};

struct hf_config {
	char source[512];             /* file name, or "(built-in)" */
	char clinic[128];
	char timezone[64];

	/* calendar */
	bool work_day[8];             /* index 1..7 = ISO weekday */
	hf_date holidays[HF_MAX_HOLIDAYS]; /* sorted, no repeats */
	int nholidays;
	int open_minute, close_minute; /* calendar.hours */

	/* curves */
	struct hf_curve curves[VISIT__COUNT];
	struct hf_treatment treatments[HF_MAX_TREATMENTS];
	int ntreatments;

	/* outcomes */
	struct hf_outcome outcomes[HF_MAX_OUTCOMES];
	int noutcomes;

	/* escalation */
	int complaint_sla_hours;      /* complaint -> high */
	int low_score_max;            /* score <= this -> normal */
	int low_score_sla_hours;
	int score_drop;               /* drop of this many points vs. the previous score -> normal */
	int score_drop_sla_hours;
	int risk_sla_hours;           /* medical-risk word in a note -> urgent */
	char risk_words[HF_MAX_RISK_WORDS][HF_NAME_MAX];
	int nrisk_words;
	/* Negation of risk words, NegEx-style: a cue (无, 没有, 未, 否认, 不 ...) in the word's clause
	 * at most negation_window characters before it negates it, unless the cue is part of a
	 * pseudo-negation (是不是, 不排除 ...) or a scope end (但是, 导致 ...) comes between. */
	char negations[HF_MAX_RISK_WORDS][HF_NAME_MAX];
	int nnegations;
	char pseudo_negations[HF_MAX_RISK_WORDS][HF_NAME_MAX];
	int npseudo_negations;
	char negation_ends[HF_MAX_RISK_WORDS][HF_NAME_MAX];
	int nnegation_ends;
	int negation_window;
	/* Words of relief (退烧, 消肿 ...): negated, they are a risk (没退烧). */
	char relief_words[HF_MAX_RISK_WORDS][HF_NAME_MAX];
	int nrelief_words;
	int missed_postop_days;       /* missed/unreachable post-op check within N days -> urgent */
	int missed_postop_sla_hours;
	char complaint_categories[8][HF_NAME_MAX];
	int ncomplaint_categories;
	struct hf_resolution resolutions[HF_MAX_RESOLUTIONS];
	int nresolutions;
	/* Who holds an escalation, level by level: a breach moves it one level up, with a new
	 * deadline of ladder_sla_hours. */
	char ladder[HF_MAX_LADDER][HF_NAME_MAX];
	int nladder;
	int ladder_sla_hours;

	int contact_cap_days;

	/* release rules and planned extras */
	int stale_owner_days;         /* owned task untouched -> team pool */
	int dormant_months;           /* reactivation call after the last visit */
	int winback_months;           /* call to learn why they left */
	int consultant_release_months;
	bool birthday_calls;
	int extra_window_days;        /* window of reactivation/winback/repurchase/birthday tasks */
	char reactivation_team[HF_NAME_MAX];
	char winback_team[HF_NAME_MAX];   /* "why they left" calls */
	char service_team[HF_NAME_MAX];   /* birthday, datafix fallback */
	char consultant_team[HF_NAME_MAX];/* repurchase, data-fix tasks */

	struct hf_team teams[HF_MAX_TEAMS];
	int nteams;

	struct hf_value_rules value;

	/* events: one JSON line per call and escalation step, appended to a file or FIFO ("": none) */
	char events_path[512];

	/* satisfaction dimensions, in the order the form shows them (planning does not read them:
	 * after events_path, outside config_rules_digest) */
	struct hf_dimension dimensions[HF_MAX_DIMS];
	int ndimensions;

	/* audit: the trail's head to the system log every this many rows (and at each plan) */
	int audit_anchor_every;

	/* database: seconds a writer waits for another one's write lock before it gives up */
	int lock_wait_seconds;

	/* console */
	int lease_minutes;
	int idle_lock_minutes;
	bool lock_password;             /* the lock opens with the login's password, else any key */
	bool operators_read_other_teams; /* else an operator reads only their team's customers */
	char dial[HF_MAX_ARGV][128];  /* argv template with {phone}; dial[0][0] == 0: none */
	int ndial;
	char ui_colors[16][2][16];    /* enum hf_ui_color -> fg, bg colour names (config_color_number) */
	/* action -> key name overrides, in file order. A key name is one character ("q"), "C-x",
	 * "M-x", "F1".."F12", or one of Enter Esc Tab S-Tab (or BTab) Space Backspace Delete Insert Home End
	 * PgUp PgDn Up Down Left Right (config.c checks the form; the console knows the actions
	 * and reports an unknown one as "source:ui_key_lines[i]: ..."). */
	char ui_keys[HF_MAX_UI_KEYS][2][32];
	int ui_key_lines[HF_MAX_UI_KEYS];
	int nui_keys;
};

/* A digest of everything planning decides by (calendar, curves, escalation, release and value
 * rules, teams), as 16 hex digits: when it changes, the next plan looks at every customer. */
void config_rules_digest(const struct hf_config *cfg, char out[17]);

/* The built-in defaults: data/huifang.conf, compiled in. */
extern const char hf_default_config[];

/* Fill cfg from the built-in defaults. Never fails (the build checks them). */
void config_defaults(struct hf_config *cfg);
/* Read and validate FILE over the built-in defaults: keys it omits keep their default, groups
 * merge key by key, lists are replaced whole. Returns the number of problems, 0 = valid and cfg
 * filled; on problems cfg holds the built-in defaults. *problems (when problems is not NULL)
 * is set to a malloc'd string, one problem a line ("file:line: key: message"; list elements
 * counted from 1, e.g. curves.surgery.steps[2].offset), "" when valid; the caller frees it.
 * path NULL loads the built-ins. */
int config_load(struct hf_config *cfg, const char *path, char **problems);
/* config_load into a scratch struct, for `huifang check-config [FILE]` (path NULL: built-ins). */
int config_check_file(const char *path, char **problems);
/* Which file to use: -c FILE, else $HUIFANG_CONFIG, else /etc/huifang/huifang.conf when it
 * exists, else NULL (built-ins). */
const char *config_locate(const char *cli_path);

/* Every key the config table knows, as a dotted path, in table order: groups and their
 * members ("clinic", "clinic.name"), members of list entries with "[]"
 * ("treatments[].curve[].offset"). For the documentation and its test. */
void config_keys_each(void (*fn)(const char *path, void *arg), void *arg);

/* Lookups. */
const struct hf_outcome *config_outcome(const struct hf_config *cfg, const char *code);
/* An outcome by its code or by its label (translated or not); NULL when neither. */
const struct hf_outcome *config_outcome_typed(const struct hf_config *cfg, const char *s);
const struct hf_treatment *config_treatment(const struct hf_config *cfg, const char *name);
const struct hf_team *config_team(const struct hf_config *cfg, const char *code);
/* The team's name from the rules file; its code when it has none or is unknown. */
const char *config_team_name(const struct hf_config *cfg, const char *code);
const struct hf_resolution *config_resolution(const struct hf_config *cfg, const char *code);
const struct hf_segment *config_segment(const struct hf_config *cfg, const char *code);
/* A dimension by its code (NULL: none). */
const struct hf_dimension *config_dimension(const struct hf_config *cfg, const char *code);
/* A dimension by its code or its name (translated or not), as a person types it; NULL: none. */
const struct hf_dimension *config_dimension_typed(const struct hf_config *cfg, const char *s);
/* A dimension's name as shown (translated); the code itself when the rules have no such
 * dimension (a call scored before it was removed). */
const char *config_dimension_name(const struct hf_config *cfg, const char *code);
/* The most attempts any outcome allows before its task is unreachable (0: no limit): the
 * "n/max" shown with a task's attempts. */
int config_max_attempts(const struct hf_config *cfg);
/* The curve for a visit: a surgery treatment's own when it has one, else its kind's. */
const struct hf_curve *config_curve(const struct hf_config *cfg, enum hf_visit_kind kind,
                                    const char *treatment);
bool config_is_work_day(const struct hf_config *cfg, hf_date day);
/* Colour name -> number in the ANSI/curses order: -1 "default", 0..7 black red green yellow
 * blue magenta cyan white, 8..15 "bright-" + those; -2 when unknown. */
int config_color_number(const char *name);

#endif
