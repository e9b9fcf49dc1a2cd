/* service-console.c — use cases of the console: the day's plan, audited views, dialling. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "huifang/date.h"
#include "huifang/i18n.h"
#include "huifang/service.h"
#include "huifang/str.h"

int svc_plan_today(struct hf_ctx *ctx, struct plan_run **run, char *err, size_t errlen)
{
	*run = NULL;
	char today[16];
	date_format(stamp_date(ctx->now), today);
	char *last;
	if (store_meta_get(ctx->st, "last_plan", &last) == STORE_ERROR)
		return errf(err, errlen, "%s", store_errmsg(ctx->st)), HF_EFAIL;
	bool due = !last || strcmp(last, today) != 0;
	free(last);
	return due ? svc_plan_begin(ctx, stamp_date(ctx->now), false, run, err, errlen) : HF_OK;
}

static const char *dial_lookup(const char *key, void *phone)
{
	return strcmp(key, "phone") == 0 ? phone : NULL;
}

int svc_dial(struct hf_ctx *ctx, hf_id customer, const char *phone, char *err, size_t errlen)
{
	const struct hf_config *cfg = &ctx->cfg;
	if (cfg->ndial == 0 || !cfg->dial[0][0])
		return errf(err, errlen, _("no dial command is configured (console.dial): dial by hand")),
		       HF_EFAIL;
	if (str_empty(phone))
		return errf(err, errlen, _("this customer has no phone number")), HF_EUSAGE;
	char *argv[HF_MAX_ARGV + 1];
	int n = 0;
	for (; n < cfg->ndial && n < HF_MAX_ARGV; n++)
		argv[n] = str_expand(cfg->dial[n], dial_lookup, (void *)phone);
	argv[n] = NULL;
	pid_t pid = fork();
	if (pid == 0) {
		/* No shell, no privilege, no terminal: the dialler must not draw over the console. */
		setsid();
		if (setgid(getgid()) != 0 || setuid(getuid()) != 0)
			_exit(126);
		int fd = open("/dev/null", O_RDWR);
		if (fd >= 0) {
			dup2(fd, 0);
			dup2(fd, 1);
			dup2(fd, 2);
		}
		/* Nor the database: an inherited descriptor would outlive the dropped privilege. */
		for (long i = 3, max = sysconf(_SC_OPEN_MAX); i < (max > 0 ? max : 1024); i++)
			close((int)i);
		execvp(argv[0], argv);
		_exit(127);
	}
	int rc = HF_OK;
	if (pid < 0) {
		errf(err, errlen, _("could not start %s"), argv[0]);
		rc = HF_EFAIL;
	}
	for (int i = 0; i < n; i++)
		free(argv[i]);
	if (rc != HF_OK)
		return rc;
	if (!store_begin(ctx->st) ||
	    !store_audit(ctx->st, ctx->login, ctx->now, "dial", "customer", customer, "") ||
	    !store_commit(ctx->st)) {
		errf(err, errlen, "%s", store_errmsg(ctx->st));
		store_rollback(ctx->st);
		return HF_EFAIL;
	}
	return HF_OK;
}

int svc_dial_reap(void)
{
	int status, last = -1;
	while (waitpid(-1, &status, WNOHANG) > 0)
		last = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
	return last;
}
