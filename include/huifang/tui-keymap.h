/* tui-keymap.h — the console's actions and keys: one table read by the code, `?` and the docs. */
#ifndef HUIFANG_TUI_KEYMAP_H
#define HUIFANG_TUI_KEYMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "huifang/config.h"
#include "huifang/i18n.h"

/* A key as the console reads it: a Unicode code point (control keys as their C0 code, Enter
 * as '\r', Esc as 27), a curses function key code with TK_FN set, or an ASCII character with
 * TK_META set (Alt). */
typedef int tui_key;
#define TK_FN   0x40000000
#define TK_META 0x20000000
#define TK_NONE 0

/* Screens an action works on, as bits. SCR_ALL: every screen (unless a text field takes the
 * key as text first). */
#define SCR_QUEUE   (1u << 0)
#define SCR_CALL    (1u << 1)
#define SCR_FORM    (1u << 2)   /* the outcome form, any field */
#define SCR_CHOICE  (1u << 3)   /* the form's outcome / score / category fields */
#define SCR_NEXT    (1u << 4)   /* the form's next-contact field */
#define SCR_SUMMARY (1u << 5)   /* what the rules did, after saving */
#define SCR_HELP    (1u << 6)
#define SCR_PROMPT  (1u << 7)   /* a one-line prompt (search, limit) */
#define SCR_LOCKED  (1u << 8)
#define SCR_TABS    (1u << 9)   /* a supervisor's list screens, under the tab bar */
#define SCR_ESC     (1u << 10)  /* the escalation list */
#define SCR_ESC_ONE (1u << 11)  /* one escalation: its call, customer and timeline */
#define SCR_TEAM    (1u << 12)  /* the team's day, per operator */
#define SCR_TASKS   (1u << 13)  /* one operator's tasks of a day */
#define SCR_REPORT  (1u << 14)  /* the report with its charts */
#define SCR_RELEASE (1u << 15)  /* consultants' customers to release */
#define SCR_ALL     0xFFFFu
/* The top-level lists (quit there), and every screen of rows (moves). */
#define SCR_TOP     (SCR_QUEUE | SCR_ESC | SCR_TEAM | SCR_REPORT)
#define SCR_ROWS    (SCR_TOP | SCR_CALL | SCR_HELP | SCR_ESC_ONE | SCR_TASKS | SCR_RELEASE)

/* Every action: id, name (config `ui.keys` and docs), default keys (space separated key
 * names as in the config), short label for the status line (NULL: not shown there), help
 * text, screens. Status-line labels and help texts are msgids. */
#define TUI_ACTIONS(X) \
	X(ACT_HELP, "help", "? F1", N_("help"), N_("show the keys of this screen"), SCR_ALL) \
	X(ACT_REDRAW, "redraw", "C-l", NULL, N_("redraw the screen"), SCR_ALL) \
	X(ACT_QUIT, "quit", "q", N_("quit"), N_("quit huifang (the screen is cleared)"), SCR_TOP) \
	X(ACT_DOWN, "down", "j Down", NULL, N_("next line"), SCR_ROWS) \
	X(ACT_UP, "up", "k Up", NULL, N_("previous line"), SCR_ROWS) \
	X(ACT_PAGE_DOWN, "page-down", "PgDn C-f", NULL, N_("next page"), SCR_ROWS) \
	X(ACT_PAGE_UP, "page-up", "PgUp C-b", NULL, N_("previous page"), SCR_ROWS) \
	X(ACT_FIRST, "first", "g Home", NULL, N_("first line"), SCR_ROWS) \
	X(ACT_LAST, "last", "G End", NULL, N_("last line"), SCR_ROWS) \
	X(ACT_NEXT_TAB, "next-tab", "Tab", N_("tabs"), \
	  N_("next tab (supervisors and admins)"), SCR_TABS) \
	X(ACT_PREV_TAB, "prev-tab", "S-Tab", NULL, N_("previous tab"), SCR_TABS) \
	X(ACT_OPEN, "open", "Enter", N_("open task"), \
	  N_("open the call screen for this task (claims it)"), SCR_QUEUE) \
	X(ACT_FILTER, "filter", "f", N_("filter"), \
	  N_("next filter: mine and pool, mine, team, all (supervisors), overdue"), SCR_QUEUE) \
	X(ACT_SEARCH, "search", "/", N_("search"), N_("search by customer name or phone tail"), \
	  SCR_QUEUE) \
	X(ACT_SEARCH_NEXT, "search-next", "n", NULL, N_("next match of the search"), SCR_QUEUE) \
	X(ACT_SEARCH_PREV, "search-prev", "N", NULL, N_("previous match of the search"), SCR_QUEUE) \
	X(ACT_LIMIT, "limit", "l", N_("limit"), \
	  N_("show only the rows matching a text (queue: name, phone tail, treatment or kind; "\
	     "escalations: customer, reason, who)"), SCR_QUEUE | SCR_ESC) \
	X(ACT_LIMIT_CLEAR, "limit-clear", "Esc", NULL, N_("show every row again (clears the limit)"), \
	  SCR_QUEUE | SCR_ESC) \
	X(ACT_SEGMENT, "segment", "v", N_("value"), \
	  N_("next value segment: every customer, VIPs, then each segment of the value rules"), \
	  SCR_QUEUE) \
	X(ACT_BACK, "back", "q Esc", N_("back"), \
	  N_("back to the screen before (a call screen releases its task)"), \
	  SCR_CALL | SCR_HELP | SCR_SUMMARY | SCR_ESC_ONE | SCR_TASKS | SCR_RELEASE) \
	X(ACT_LOG, "log", "l", N_("log outcome"), N_("log the outcome of this call"), SCR_CALL) \
	X(ACT_SCRIPT_DOWN, "script-down", "J", N_("script"), N_("scroll the script down"), SCR_CALL) \
	X(ACT_SCRIPT_UP, "script-up", "K", NULL, N_("scroll the script up"), SCR_CALL) \
	X(ACT_FOCUS, "focus", "Tab", N_("pane"), N_("move focus between the history and the script"), \
	  SCR_CALL) \
	X(ACT_DIAL, "dial", "d", N_("dial"), N_("dial the customer (when a dial command is set)"), \
	  SCR_CALL) \
	X(ACT_EDIT_CUSTOMER, "edit-customer", "e", N_("edit"), \
	  N_("fix the customer's record (operators: the phone of the call they hold)"), SCR_CALL) \
	X(ACT_NEXT_FIELD, "next-field", "Tab", N_("next field"), N_("next field"), SCR_FORM) \
	X(ACT_PREV_FIELD, "prev-field", "S-Tab", NULL, N_("previous field"), SCR_FORM) \
	X(ACT_SAVE, "save", "F2 C-x", N_("save"), N_("save the call: the rules decide what follows"), \
	  SCR_FORM) \
	X(ACT_CANCEL, "cancel", "Esc", N_("cancel"), N_("cancel (asks first when something changed)"), \
	  SCR_FORM | SCR_PROMPT) \
	X(ACT_CHOICE_NEXT, "choice-next", "Down Right j", NULL, N_("next choice"), SCR_CHOICE) \
	X(ACT_CHOICE_PREV, "choice-prev", "Up Left k", NULL, N_("previous choice"), SCR_CHOICE) \
	X(ACT_NEXT_3D, "next-3d", "d", N_("+3d"), N_("next contact in three days"), SCR_NEXT) \
	X(ACT_NEXT_1W, "next-1w", "w", N_("+1w"), N_("next contact in a week"), SCR_NEXT) \
	X(ACT_NEXT_1M, "next-1m", "m", N_("+1m"), N_("next contact in a month"), SCR_NEXT) \
	X(ACT_NEXT_PROPOSED, "next-proposed", "p", N_("proposal"), \
	  N_("next contact as the rules propose"), SCR_NEXT) \
	X(ACT_NEXT_CLEAR, "next-clear", "x", N_("none"), N_("no next contact"), SCR_NEXT) \
	X(ACT_ACCEPT, "accept", "Enter", NULL, N_("search for (or limit to) what was typed"), SCR_PROMPT) \
	X(ACT_NEXT_TASK, "next-task", "n", N_("next task"), N_("open the next task of the queue"), \
	  SCR_SUMMARY) \
	X(ACT_TO_QUEUE, "to-queue", "Enter", N_("queue"), N_("back to the queue"), SCR_SUMMARY) \
	X(ACT_ESC_OPEN, "open-escalation", "Enter", N_("details"), \
	  N_("open the escalation: the call that raised it, the customer, its timeline"), SCR_ESC) \
	X(ACT_ESC_FILTER, "escalation-filter", "f", N_("filter"), \
	  N_("next filter of escalations: open, mine, breached, all"), SCR_ESC) \
	X(ACT_MARK, "mark", "Space", N_("mark"), \
	  N_("mark or unmark the row, to act on every marked row at once"), SCR_ESC | SCR_TASKS) \
	X(ACT_ESC_ACK, "acknowledge", "a", N_("ack"), \
	  N_("acknowledge the escalation (every marked one)"), SCR_ESC | SCR_ESC_ONE) \
	X(ACT_ESC_NOTE, "note", "n", N_("note"), N_("add a note to the escalation's timeline"), \
	  SCR_ESC | SCR_ESC_ONE) \
	X(ACT_ESC_ASSIGN, "assign", "s", N_("assign"), \
	  N_("assign the escalation (every marked one) to a supervisor or a team"), \
	  SCR_ESC | SCR_ESC_ONE) \
	X(ACT_ESC_CALLBACK, "callback", "c", N_("callback"), \
	  N_("schedule a supervisor's callback to the customer"), SCR_ESC | SCR_ESC_ONE) \
	X(ACT_ESC_RESOLVE, "resolve", "r", N_("resolve"), \
	  N_("resolve with a resolution category, saying what was done"), SCR_ESC | SCR_ESC_ONE) \
	X(ACT_ESC_REOPEN, "reopen", "o", N_("reopen"), N_("reopen a resolved escalation"), \
	  SCR_ESC | SCR_ESC_ONE) \
	X(ACT_TEAM_OPEN, "operator-tasks", "Enter", N_("tasks"), \
	  N_("the operator's tasks of the day shown"), SCR_TEAM) \
	X(ACT_DAY_PREV, "day-before", "[", N_("day"), N_("show the day before"), SCR_TEAM) \
	X(ACT_DAY_NEXT, "day-after", "]", NULL, N_("show the day after"), SCR_TEAM) \
	X(ACT_DAY_PICK, "pick-day", "d", N_("date"), N_("type the day to show (YYYY-MM-DD)"), \
	  SCR_TEAM) \
	X(ACT_DAY_TODAY, "today", "t", NULL, N_("show today again"), SCR_TEAM) \
	X(ACT_REASSIGN, "reassign", "r", N_("reassign"), \
	  N_("hand tasks to another operator or the team's pool: on the team, every open task of " \
	     "the operator; on the tasks, the marked ones (else the selected one)"), \
	  SCR_TEAM | SCR_TASKS) \
	X(ACT_RELEASE_LIST, "release-list", "c", N_("release"), \
	  N_("consultants' customers not seen for months, to release to another consultant"), \
	  SCR_TEAM) \
	X(ACT_RELEASE, "release", "r", N_("release"), \
	  N_("give the customer to another consultant, with their open calls"), SCR_RELEASE) \
	X(ACT_REPORT_PERIOD, "report-period", "p", N_("period"), \
	  N_("next period of the report: daily, weekly, monthly"), SCR_REPORT) \
	X(ACT_REPORT_EARLIER, "report-earlier", "[ Left", N_("earlier"), \
	  N_("the report of the day, week or month before"), SCR_REPORT) \
	X(ACT_REPORT_LATER, "report-later", "] Right", NULL, \
	  N_("the report of the day, week or month after"), SCR_REPORT) \
	X(ACT_REPORT_DATE, "report-date", "d", N_("date"), \
	  N_("the report of a day typed as YYYY-MM-DD (its week or month)"), SCR_REPORT) \
	X(ACT_REPORT_TEAM, "report-team", "t", N_("team"), \
	  N_("next team: the whole clinic, then each team"), SCR_REPORT) \
	X(ACT_REPORT_BY, "report-by", "b", N_("groups"), \
	  N_("next grouping of the lines: team and operator, team, operator, doctor, treatment, " \
	     "value segment"), SCR_REPORT) \
	X(ACT_REPORT_EXPORT, "export", "e", N_("export CSV"), \
	  N_("write the report as CSV (as report --format csv) to a new file"), SCR_REPORT)

#define TUI_ACT_ENUM_(id, name, keys, label, help, screens) id,
enum tui_action { ACT_NONE = -1, TUI_ACTIONS(TUI_ACT_ENUM_) ACT__COUNT };
#undef TUI_ACT_ENUM_

/* Keys an action may have at once (defaults, or one override from the config). */
#define TUI_MAX_BINDINGS 4

/* Reset to the defaults, then apply cfg->ui_keys. An unknown action, or one key given to two
 * actions of the same screen, fails with "source:line: ..." in err. */
bool keymap_load(const struct hf_config *cfg, char *err, size_t errlen);
/* The action a key means on a screen mask (any action whose screens intersect it). */
enum tui_action keymap_action(unsigned screens, tui_key key);
const char *keymap_name(enum tui_action a);
/* Help text and status-line label, translated (label may be NULL). */
const char *keymap_help(enum tui_action a);
const char *keymap_label(enum tui_action a);
unsigned keymap_screens(enum tui_action a);
/* The action's keys as names, ", " separated, into out; "" when it has none. */
void keymap_keys_text(enum tui_action a, char *out, size_t size);
/* The first key's name, or "". */
const char *keymap_first_key(enum tui_action a, char *out, size_t size);

/* Key <-> name ("q", "C-x", "M-x", "F2", "Enter", "PgDn" ...). */
bool tui_key_parse(const char *name, tui_key *out);
void tui_key_name(tui_key k, char *out, size_t size);
/* A character to insert as text: printable, not a function key or control. */
bool tui_key_is_text(tui_key k);

/* Every action as text (for the man page and `--help`): name, keys, help, one a line. */
void keymap_print(FILE *f);

#endif
