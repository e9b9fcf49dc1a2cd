/* anchor.c — the audit trail's head in one line: written to the system log, read back from a
 * file, the journal or the log files. */
#include <ctype.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <syslog.h>
#include <unistd.h>

#include "huifang/anchor.h"
#include "huifang/str.h"

#define TAG "huifang-anchor "

void anchor_format(const struct anchor *a, char *buf, size_t size)
{
	snprintf(buf, size, TAG "rows=%lld hash=%s at=%s event=%s db=%s", a->rows, a->hash, a->at,
	         a->event, a->db);
}

static bool is_hash(const char *s, size_t n)
{
	if (n != 64)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!isxdigit((unsigned char)s[i]) || isupper((unsigned char)s[i]))
			return false;
	return true;
}

/* The value of "key=" in the tokens from p on; the rest of the line for db. */
static bool field(const char *p, const char *key, char *out, size_t size, bool rest)
{
	size_t k = strlen(key);
	for (const char *q = p; (q = strstr(q, key)) != NULL; q += k) {
		if (q != p && q[-1] != ' ')
			continue;
		q += k;
		size_t n = rest ? strcspn(q, "\r\n") : strcspn(q, " \r\n");
		if (n >= size)
			return false;
		memcpy(out, q, n);
		out[n] = 0;
		return true;
	}
	return false;
}

bool anchor_parse(const char *line, struct anchor *a)
{
	memset(a, 0, sizeof *a);
	const char *p = strstr(line, TAG);
	if (!p) {
		while (*line == ' ' || *line == '\t')
			line++;
		size_t n = strcspn(line, " \t\r\n");
		if (!is_hash(line, n) || line[n + strspn(line + n, " \t\r\n")] != 0)
			return false;
		memcpy(a->hash, line, 64);
		return true;
	}
	p += strlen(TAG);
	char rows[24];
	if (!field(p, "rows=", rows, sizeof rows, false) ||
	    !field(p, "hash=", a->hash, sizeof a->hash, false) || !is_hash(a->hash, strlen(a->hash)))
		return false;
	char *end;
	a->rows = strtoll(rows, &end, 10);
	if (*end || a->rows < 1)
		return false;
	field(p, "at=", a->at, sizeof a->at, false);
	field(p, "event=", a->event, sizeof a->event, false);
	field(p, "db=", a->db, sizeof a->db, true);
	return true;
}

void anchor_read(FILE *f, const char *db, struct anchor **out, size_t *n)
{
	struct anchor *v = NULL, a;
	size_t cap = 0;
	char *line = NULL;
	size_t len = 0;
	long no = 0;
	*n = 0;
	while (getline(&line, &len, f) >= 0) {
		no++;
		if (!anchor_parse(line, &a) || (db && a.rows && strcmp(a.db, db) != 0))
			continue;
		a.line = no;
		v = xgrow(v, *n, &cap, sizeof *v);
		v[(*n)++] = a;
	}
	free(line);
	*out = v;
}

/* journalctl's output, run without a shell and with an empty environment. */
static bool read_journal(const char *db, struct anchor **out, size_t *n)
{
	static const char journalctl[] = "/usr/bin/journalctl";
	if (access(journalctl, X_OK) != 0)
		return false;
	int fd[2];
	if (pipe(fd) != 0)
		return false;
	pid_t pid = fork();
	if (pid < 0) {
		close(fd[0]);
		close(fd[1]);
		return false;
	}
	if (pid == 0) {
		int null = open("/dev/null", O_RDWR);
		dup2(fd[1], 1);
		if (null >= 0)
			dup2(null, 2);
		close(fd[0]);
		char *const argv[] = {"journalctl", "-q", "--no-pager", "-o", "cat", "-t", "huifang", NULL};
		char *const envp[] = {NULL};
		execve(journalctl, argv, envp);
		_exit(127);
	}
	close(fd[1]);
	FILE *f = fdopen(fd[0], "r");
	if (f) {
		anchor_read(f, db, out, n);
		fclose(f);
	} else {
		close(fd[0]);
		*out = NULL;
		*n = 0;
	}
	int status = 0;
	waitpid(pid, &status, 0);
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0 && *n > 0)
		return true;
	free(*out);
	*out = NULL;
	*n = 0;
	return false;
}

bool anchor_read_system(const char *db, struct anchor **out, size_t *n, char *source, size_t size)
{
	*out = NULL;
	*n = 0;
	if (read_journal(db, out, n)) {
		snprintf(source, size, "journalctl -t huifang");
		return true;
	}
	static const char *const files[] = {"/var/log/auth.log", "/var/log/secure", "/var/log/syslog",
	                                    "/var/log/messages"};
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		FILE *f = fopen(files[i], "r");
		if (!f)
			continue;
		anchor_read(f, db, out, n);
		fclose(f);
		snprintf(source, size, "%s", files[i]);
		return true;
	}
	return false;
}

void anchor_syslog(const struct anchor *a)
{
	char line[1400];
	anchor_format(a, line, sizeof line);
	openlog("huifang", LOG_PID, LOG_AUTHPRIV);
	syslog(LOG_NOTICE, "%s", line);
	closelog();
}
