/* paths.c — the data and translation directories, found from where the binary is. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* secure_getenv */
#endif
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "huifang/i18n.h"
#include "huifang/paths.h"
#include "huifang/str.h"

#ifndef HF_DATADIR
#define HF_DATADIR "/usr/local/share/huifang"
#endif
#ifndef HF_LOCALEDIR
#define HF_LOCALEDIR "/usr/local/share/locale"
#endif
#ifndef PATH_MAX
#define PATH_MAX 4096
#endif

/* The directory of the running binary ("" when unknown). /proc/self/exe cannot be pointed
 * elsewhere by the caller, and protected hardlinks keep a setgid copy out of users' trees. */
static void exe_dir(char *out, size_t outlen)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	out[0] = '\0';
	if (n <= 0)
		return;
	exe[n] = '\0';
	char *slash = strrchr(exe, '/');
	if (!slash)
		return;
	*slash = '\0';
	snprintf(out, outlen, "%s", exe);
}

/* dirs[] are tried in order; the first holding `probe` is written to out. */
static bool first_with(const char *const *dirs, size_t n, const char *probe, char *out,
                       size_t outlen)
{
	for (size_t i = 0; i < n; i++) {
		if (!dirs[i])
			continue;
		char path[PATH_MAX + 64];
		snprintf(out, outlen, "%s", dirs[i]);
		if ((size_t)snprintf(path, sizeof path, "%s/%s", dirs[i], probe) < sizeof path &&
		    access(path, R_OK) == 0)
			return true;
	}
	return false;
}

bool paths_data(const char *probe, char *out, size_t outlen)
{
	/* Named on purpose (the tests name the tree's): the only place looked in. secure_getenv:
	 * a setgid install is never pointed at a user's own scripts. */
	const char *env = secure_getenv("HUIFANG_DATADIR");
	if (env && *env) {
		const char *dirs[] = {env};
		return first_with(dirs, 1, probe, out, outlen);
	}
	char bin[PATH_MAX], beside[PATH_MAX + 8], share[PATH_MAX + 32];
	exe_dir(bin, sizeof bin);
	snprintf(beside, sizeof beside, "%s/data", bin);
	snprintf(share, sizeof share, "%s/../share/huifang", bin);
	const char *dirs[] = {bin[0] ? beside : NULL, bin[0] ? share : NULL, HF_DATADIR};
	return first_with(dirs, 3, probe, out, outlen);
}

void paths_locale(char *out, size_t outlen)
{
	char bin[PATH_MAX], beside[PATH_MAX + 16], share[PATH_MAX + 32];
	exe_dir(bin, sizeof bin);
	snprintf(beside, sizeof beside, "%s/build/locale", bin);
	snprintf(share, sizeof share, "%s/../share/locale", bin);
	const char *dirs[] = {bin[0] ? beside : NULL, bin[0] ? share : NULL, HF_LOCALEDIR};
	if (!first_with(dirs, 3, "zh_CN/LC_MESSAGES/huifang.mo", out, outlen))
		snprintf(out, outlen, "%s", HF_LOCALEDIR);
}

bool paths_create_new(const char *path, FILE **out, bool *exists, char *err, size_t errlen)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0660);
	*exists = fd < 0 && errno == EEXIST;
	if (*exists)
		return errf(err, errlen, _("%s: already exists; choose a new file"), path), false;
	if (fd < 0 || !(*out = fdopen(fd, "w"))) {
		int e = errno;
		if (fd >= 0)
			close(fd);
		return errf(err, errlen, _("%s: cannot create: %s"), path, strerror(e)), false;
	}
	return true;
}
