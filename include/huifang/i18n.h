/* i18n.h — gettext shorthands. Every user-visible string goes through _() or N_(). */
#ifndef HUIFANG_I18N_H
#define HUIFANG_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)

/* Bind the "huifang" text domain: the installed locale directory, else build/locale next
 * to the running binary. Call after setlocale(). */
void i18n_init(void);

#endif
