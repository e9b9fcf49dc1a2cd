/* tui-views.h — the console's screens (src/views/): how they open each other. The frame
 * (src/tui/) never includes this; src/views/console.c gives it the first screen. */
#ifndef HUIFANG_TUI_VIEWS_H
#define HUIFANG_TUI_VIEWS_H

#include "huifang/tui-frame.h"
#include "huifang/tui-widgets.h"

/* The ops of the screens that others recognise: a view is what its ops are
 * (v->ops == &call_view_ops), never what its title says. */
extern const struct tui_view_ops call_view_ops, help_view_ops;

/* The queue: the first screen. */
struct tui_view *queue_view_new(struct tui *t);
/* After a call was saved: open the task that follows `after` in the queue (reloaded), or say
 * that the queue is done. Returns tui_flag bits. */
int queue_open_next(struct tui *t, hf_id after);
/* Reload the queue now (after this console wrote something). */
void queue_reload(struct tui *t);

/* The call screen for a task: claims it (read-only when someone else holds it). */
struct tui_view *call_view_new(struct tui *t, hf_id task);

/* The outcome form over a call screen; started/ended: the call's times. */
struct tui_view *outcome_view_new(struct tui *t, hf_id task, const char *customer_name,
                                  hf_stamp started, hf_stamp ended);

/* What the rules did, after saving: n for the next task, Enter for the queue. */
struct tui_view *summary_view_new(struct tui *t, hf_id task, const char *customer_name,
                                  const char *text);

/* The keys of the given screens, from the keymap. */
struct tui_view *help_view_new(struct tui *t, unsigned screens, const char *title);

#endif
