/* tui.h — the full-screen console: entry point from main. */
#ifndef HUIFANG_TUI_H
#define HUIFANG_TUI_H

#include "huifang/service.h"

/* Run the console on an opened context until the user quits; restores the terminal on every
 * path. Returns an exit status (err filled on failure). */
int tui_main(struct hf_ctx *ctx, char *err, size_t errlen);

#endif
