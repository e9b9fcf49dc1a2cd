/* summary.c — after saving: what the rules did, then the next task or the queue. */
#include <stdlib.h>
#include <string.h>

#include "huifang/i18n.h"
#include "huifang/str.h"
#include "huifang/tui-views.h"

struct summary_view {
	struct tui_view base;
	hf_id task_id;
	char name[HF_NAME_MAX];
	struct tui_pager pager;
};

static unsigned summary_screens(struct tui *t, struct tui_view *v)
{
	(void)t;
	(void)v;
	return SCR_SUMMARY;
}

static void summary_draw(struct tui *t, struct tui_view *v)
{
	struct summary_view *s = (struct summary_view *)v;
	char head[300];
	snprintf(head, sizeof head, "%s · %s · %s #%lld", _("Call saved"), s->name, _("task"),
	         (long long)s->task_id);
	tui_header(t, head, NULL);
	pager_draw(t, &s->pager, 2, 2, t->rows - 4, t->cols - 4);
	tui_status(t, SCR_SUMMARY);
}

static int summary_key(struct tui *t, struct tui_view *v, tui_key k)
{
	struct summary_view *s = (struct summary_view *)v;
	switch (keymap_action(SCR_SUMMARY, k)) {
	case ACT_NEXT_TASK:
		tui_close(t, v);
		return queue_open_next(t, s->task_id);
	case ACT_TO_QUEUE:
	case ACT_BACK:
		tui_close(t, v);
		return TUI_REDRAW;
	default:
		return TUI_UNHANDLED;
	}
}

static void summary_free(struct tui_view *v)
{
	struct summary_view *s = (struct summary_view *)v;
	pager_free(&s->pager);
	free(s);
}

static const struct tui_view_ops summary_ops = {
	.name = N_("Summary"),
	.screens = summary_screens,
	.draw = summary_draw,
	.key = summary_key,
	.free = summary_free,
};

struct tui_view *summary_view_new(struct tui *t, hf_id task, const char *customer_name,
                                  const char *text)
{
	(void)t;
	struct summary_view *s = xcalloc(1, sizeof *s);
	s->base.ops = &summary_ops;
	s->task_id = task;
	str_copy(s->name, sizeof s->name, customer_name);
	pager_init(&s->pager);
	/* The first line says what was saved; each following line is one decision. */
	const char *p = text;
	bool first = true;
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		char *line = xstrndup(p, n);
		if (*line)
			pager_addf(&s->pager, first ? UI_COLOR_NOTICE : UI_COLOR_NORMAL, 0, 2, "%s%s",
			           first ? "" : "· ", line);
		if (first)
			pager_add(&s->pager, UI_COLOR_NORMAL, 0, 0, "");
		first = false;
		free(line);
		p += n + (nl ? 1 : 0);
	}
	return &s->base;
}
