/* i18n.c — binds the "huifang" gettext domain to the installed or the build-tree catalogs. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* secure_getenv */
#endif
#include <stdlib.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "huifang/i18n.h"
#include "huifang/paths.h"

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif

void i18n_init(void)
{
	static char dir[PATH_MAX + 32];
	/* $HUIFANG_LOCALEDIR first (the tests point it at the build tree; secure_getenv ignores it
	 * in a setgid run), then beside the binary (a build tree or an install under any prefix),
	 * then the compiled-in directory. */
	const char *env = secure_getenv("HUIFANG_LOCALEDIR");
	if (env && *env)
		snprintf(dir, sizeof dir, "%s", env);
	else
		paths_locale(dir, sizeof dir);
	bindtextdomain("huifang", dir);
	bind_textdomain_codeset("huifang", "UTF-8");
	textdomain("huifang");
}
