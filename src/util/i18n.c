/* i18n.c — binds the "huifang" gettext domain to the installed or the build-tree catalogs. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* secure_getenv */
#endif
#include <libgen.h>
#include <stdlib.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "huifang/i18n.h"

#ifndef HF_LOCALEDIR
#define HF_LOCALEDIR "/usr/local/share/locale"
#endif

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif

void i18n_init(void)
{
	static char dir[PATH_MAX + 32];
	char probe[PATH_MAX];

	/* $HUIFANG_LOCALEDIR first (the tests point it at the build tree; secure_getenv ignores it
	 * in a setgid run), then the installed catalogs, then build/locale beside the binary. */
	const char *env = secure_getenv("HUIFANG_LOCALEDIR");
	snprintf(probe, sizeof probe, "%s/zh_CN/LC_MESSAGES/huifang.mo", HF_LOCALEDIR);
	if (env && *env) {
		snprintf(dir, sizeof dir, "%s", env);
	} else if (access(probe, R_OK) == 0) {
		snprintf(dir, sizeof dir, "%s", HF_LOCALEDIR);
	} else {
		char exe[PATH_MAX];
		ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
		if (n > 0) {
			exe[n] = '\0';
			snprintf(dir, sizeof dir, "%s/build/locale", dirname(exe));
		} else {
			snprintf(dir, sizeof dir, "build/locale");
		}
	}
	bindtextdomain("huifang", dir);
	bind_textdomain_codeset("huifang", "UTF-8");
	textdomain("huifang");
}
