/* tui-views.h — the console's screens (src/views/): how they open each other. The frame
 * (src/tui/) never includes this; src/views/console.c gives it the first screen. */
#ifndef HUIFANG_TUI_VIEWS_H
#define HUIFANG_TUI_VIEWS_H

#include "huifang/tui-frame.h"
#include "huifang/tui-widgets.h"

/* The ops of the screens that others recognise: a view is what its ops are
 * (v->ops == &call_view_ops), never what its title says. */
extern const struct tui_view_ops call_view_ops, help_view_ops, queue_view_ops,
	escalations_view_ops, escalation_view_ops, team_view_ops, reports_view_ops;

/* ---- the console (console.c) ------------------------------------------------------------ */
/* The tab bar on row y, `active` in front (an operator's shows that tab alone); returns the
 * column where the screen's own text may go on. */
int console_tabs(struct tui *t, int y, const struct tui_view_ops *active);
/* The tab bar, then the list's own text (its filter, limit, search) and counts on the right:
 * a list's second line. */
void console_bar(struct tui *t, int y, const struct tui_view_ops *active, const char *left,
                 const char *counts);
/* A one-line prompt on the status line: the label, the mark ("/", or NULL), the field. */
void console_prompt(struct tui *t, struct tui_edit *e, const char *label, const char *mark);
/* The header of the top-level screens: clinic, who, role, the day. */
void console_header(struct tui *t);
/* SCR_TABS when this console has tabs (supervisors and admins), else 0. */
unsigned console_tab_screens(struct tui *t);

/* The queue: the first screen. */
struct tui_view *queue_view_new(struct tui *t);
/* After a call was saved: open the task that follows `after` in the queue (reloaded), or say
 * that the queue is done. Returns tui_flag bits. */
int queue_open_next(struct tui *t, hf_id after);
/* Reload the queue now (after this console wrote something). */
void queue_reload(struct tui *t);

/* The escalations (supervisors): a list by deadline, filters, marks, one key per action. */
struct tui_view *escalations_view_new(struct tui *t);
/* How many escalations are open, and how many of those are past their deadline. */
void escalations_count(struct tui *t, int *open, int *breached);
/* Run an escalation action (ACT_ESC_*) on these escalations: at once, or through a form.
 * Returns tui_flag bits (TUI_UNHANDLED: not an escalation action). */
int escalation_act(struct tui *t, enum tui_action a, const hf_id *ids, size_t n);
/* One escalation: the call that raised it, the customer's card and history, its timeline. */
struct tui_view *escalation_view_new(struct tui *t, hf_id id);

/* The team's day per operator (supervisors): a day's figures, an operator's tasks of that
 * day, reassigning them, the consultants' customers to release. */
struct tui_view *team_view_new(struct tui *t);

/* The reports (supervisors): a period's figures and charts, the period, day and team chosen
 * by keys, `e` writes the report as CSV. */
struct tui_view *reports_view_new(struct tui *t);

/* The call screen for a task: claims it (read-only when someone else holds it). */
struct tui_view *call_view_new(struct tui *t, hf_id task);

/* The outcome form over a call screen; started/ended: the call's times. script (and its
 * title): the call screen's script, kept in sight beside the form from 120 columns on (NULL:
 * none); it must outlive the form, as the call screen under it does. */
struct tui_view *outcome_view_new(struct tui *t, hf_id task, const char *customer_name,
                                  hf_stamp started, hf_stamp ended, struct tui_pager *script,
                                  const char *script_title);

/* What the rules did, after saving: n for the next task, Enter for the queue. */
struct tui_view *summary_view_new(struct tui *t, hf_id task, const char *customer_name,
                                  const char *text);

/* ---- a small form (ask.c): a choice and a text, then one use case ----------------------- */
struct ask {
	const char *title;              /* the header */
	const char *about;              /* what it acts on, a line or two */
	const char *choice_label;       /* over the choices, when there are */
	const char *text_label;         /* NULL: no text, the choice alone (Enter saves) */
	const char *text;               /* the text to start with, or NULL */
	bool multiline, text_required;
	/* Saving: run the use case with the choice's index (-1 without choices) and the text.
	 * HF_OK closes the form, msg (if any) on the status line; otherwise msg is shown in the
	 * form, which stays. */
	int (*done)(struct tui *t, void *data, int choice, const char *text, char *msg, size_t size);
	void *data;                     /* given to done, then to free with the form */
	void (*free)(void *data);       /* NULL: data is not the form's */
};
#define ASK_MAX_CHOICES 32
extern const struct tui_view_ops ask_view_ops;
struct tui_view *ask_view_new(struct tui *t, const struct ask *a, const char *const *choices,
                              int nchoices);

/* ---- a customer's card and history (card.c), shown by the call and escalation screens ---- */
struct card {
	struct hf_customer cust;
	char consultant[HF_NAME_MAX];   /* the consultant's display name (else login), or "" */
	struct hf_visit *visits;
	struct hf_call *calls;
	struct hf_escalation *esc;
	size_t nv, nc, ne;
};
/* Read a customer's card, visits, calls and escalations (a status-line message when it
 * cannot); card_free releases them. */
bool card_load(struct tui *t, hf_id customer, struct card *c);
void card_free(struct card *c);
/* The card's lines (name, phone as the viewer may see it, consultant, tags, satisfaction). */
void card_customer(struct tui *t, const struct card *c, bool reveal, struct tui_pager *p);
/* "History" and every visit, call and escalation, newest first. */
void card_history(struct tui *t, const struct card *c, struct tui_pager *p);
/* One call as the history shows it, its note below. */
void card_call_line(struct tui *t, const struct hf_call *call, struct tui_pager *p);
/* An escalation's colour by severity (resolved ones dim). */
int card_severity_color(const struct hf_escalation *e);

/* The keys of the given screens, from the keymap. */
struct tui_view *help_view_new(struct tui *t, unsigned screens, const char *title);

#endif
