/* console.h — the full-screen console: entry point from main. */
#ifndef HUIFANG_CONSOLE_H
#define HUIFANG_CONSOLE_H

#include "huifang/service.h"

/* Run the console on an opened context until the user quits; restores the terminal on every
 * path. Returns an exit status (err filled on failure). */
int console_main(struct hf_ctx *ctx, char *err, size_t errlen);
/* Can this terminal hold the console? false with one line in err (see tui_terminal_ok). */
bool console_terminal_ok(char *err, size_t errlen);

#endif
