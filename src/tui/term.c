/* term.c — whether the terminal named by $TERM can hold the console at all. */
#include <curses.h>
#include <stdlib.h>
#include <unistd.h>

#include "huifang/i18n.h"
#include "huifang/str.h"
#include "huifang/tui-frame.h"
#include <term.h> /* last: it defines short macros such as lines and columns */

bool tui_terminal_ok(char *err, size_t errlen)
{
	const char *term = getenv("TERM");
	int status = 0;
	if (str_empty(term) || setupterm((char *)term, STDOUT_FILENO, &status) != OK)
		return errf(err, errlen, _("this terminal is not known (TERM=%s); the console needs one "
		                           "that can move the cursor, such as xterm-256color"),
		            term ? term : "");
	/* A terminal without cursor addressing (TERM=dumb) would get an empty screen. */
	const char *cup = tigetstr("cup");
	bool ok = cup && cup != (const char *)-1;
	del_curterm(cur_term);
	cur_term = NULL;
	if (!ok)
		return errf(err, errlen, _("this terminal cannot move the cursor (TERM=%s); the console "
		                           "needs one that can, such as xterm-256color"), term);
	return true;
}
