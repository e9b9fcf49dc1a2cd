/* service-lock.c — the console lock's password: the login's own, checked by PAM as vlock does. */
#include <pwd.h>
#include <security/pam_appl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "huifang/i18n.h"
#include "huifang/service.h"
#include "huifang/str.h"

/* The fail delay asked of PAM (microseconds; it takes the longest any part asks, give or take a
 * quarter), so that a wrong password waits even when no module asks for a delay. */
#define FAIL_DELAY_US 1000000u

/* The conversation: the typed password answers the one hidden prompt (pam_unix's
 * "Password: "); anything else the stack asks cannot be answered from the locked screen. */
static int converse(int n, const struct pam_message **msg, struct pam_response **resp, void *data)
{
	const char *password = data;
	bool answered = false;
	if (n <= 0 || n > PAM_MAX_NUM_MSG)
		return PAM_CONV_ERR;
	struct pam_response *r = calloc((size_t)n, sizeof *r);
	if (!r)
		return PAM_BUF_ERR;
	for (int i = 0; i < n; i++) {
		switch (msg[i]->msg_style) {
		case PAM_PROMPT_ECHO_OFF:
			if (answered || !(r[i].resp = strdup(password)))
				goto refuse;
			answered = true;
			break;
		case PAM_ERROR_MSG:
		case PAM_TEXT_INFO:
			break;
		default:
			goto refuse;
		}
	}
	*resp = r;
	return PAM_SUCCESS;
refuse:
	for (int i = 0; i < n; i++)
		if (r[i].resp) {
			explicit_bzero(r[i].resp, strlen(r[i].resp));
			free(r[i].resp);
		}
	free(r);
	return PAM_CONV_ERR;
}

bool svc_real_login(char *login, size_t size, char *err, size_t errlen)
{
	uid_t uid = getuid();
	struct passwd *pw = getpwuid(uid);
	if (!pw)
		return errf(err, errlen, _("no login name for user id %ld"), (long)uid);
	str_copy(login, size, pw->pw_name);
	return true;
}

enum svc_password svc_check_password(const char *password, char *err, size_t errlen)
{
	char login[HF_NAME_MAX];
	if (!svc_real_login(login, sizeof login, err, errlen))
		return SVC_PASSWORD_ERROR;
	struct pam_conv conv = {.conv = converse, .appdata_ptr = (void *)password};
	pam_handle_t *pamh = NULL;
	int rc = pam_start(SVC_PAM_SERVICE, login, &conv, &pamh);
	if (rc != PAM_SUCCESS) {
		errf(err, errlen, _("cannot check the password: %s"), pam_strerror(pamh, rc));
		if (pamh)
			pam_end(pamh, rc);
		return SVC_PASSWORD_ERROR;
	}
	const char *tty = ttyname(STDIN_FILENO);
	if (tty)
		pam_set_item(pamh, PAM_TTY, tty);
	pam_fail_delay(pamh, FAIL_DELAY_US);
	rc = pam_authenticate(pamh, 0);
	enum svc_password result = SVC_PASSWORD_OK;
	switch (rc) {
	case PAM_SUCCESS:
		break;
	case PAM_AUTH_ERR:
	case PAM_MAXTRIES:
	case PAM_CRED_INSUFFICIENT:
		result = SVC_PASSWORD_WRONG;
		errf(err, errlen, _("Wrong password: the screen stays locked."));
		break;
	default:
		result = SVC_PASSWORD_ERROR;
		errf(err, errlen, _("cannot check the password: %s"), pam_strerror(pamh, rc));
		break;
	}
	pam_end(pamh, rc);
	return result;
}
