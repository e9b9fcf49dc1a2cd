/* paths.h — where the program's data and translations are: beside the binary, else installed. */
#ifndef HUIFANG_PATHS_H
#define HUIFANG_PATHS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* The data directory holding `probe` (e.g. "scripts", "names/surnames.txt"): $HUIFANG_DATADIR
 * alone when set (ignored in a privileged run), else data/ beside the
 * binary (a build tree), PREFIX/share/huifang for a binary in PREFIX/bin (an install, wherever
 * its prefix), else the compiled-in HF_DATADIR. false (out: the last tried) when none has it. */
bool paths_data(const char *probe, char *out, size_t outlen);
/* The translations directory, found the same way (build/locale, PREFIX/share/locale,
 * HF_LOCALEDIR); out is the compiled-in one when none has a catalog. */
void paths_locale(char *out, size_t outlen);

/* A new file (0660) to write: an existing one is refused (never overwritten), with
 * "PATH: already exists; choose a new file" in err (exists true); other failures name the
 * path and the system's reason. */
bool paths_create_new(const char *path, FILE **out, bool *exists, char *err, size_t errlen);

#endif
