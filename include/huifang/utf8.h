/* utf8.h — UTF-8 decoding, display width (wcwidth), truncate and pad by columns, cleaning. */
#ifndef HUIFANG_UTF8_H
#define HUIFANG_UTF8_H

#include <stdbool.h>
#include <stddef.h>

/* Decode one character at s (n bytes available). Returns its byte length (>= 1) and sets *cp;
 * an invalid or truncated sequence gives length 1 and *cp = 0xFFFD. n == 0 returns 0. */
size_t utf8_decode(const char *s, size_t n, unsigned *cp);
/* Encode cp into out (4 bytes room); returns bytes written. */
size_t utf8_encode(unsigned cp, char *out);
bool utf8_valid(const char *s, size_t n);
/* Display columns of one code point: 0, 1 or 2 (controls count 0 here; clean them first). */
int utf8_cp_width(unsigned cp);
/* Display columns of a string (invalid bytes count as one column each). */
int utf8_width(const char *s);
/* Number of characters. */
size_t utf8_len(const char *s);

/* Copy s into out (outsize bytes) keeping at most `cols` display columns, never cutting a
 * character; when s is longer and ellipsis is true, the last column is "…".
 * Returns the columns used. */
int utf8_truncate(const char *s, int cols, bool ellipsis, char *out, size_t outsize);
/* As utf8_truncate, then pad with spaces to exactly `cols` columns (a wide character that
 * does not fit becomes a space). align: -1 left, 1 right. */
int utf8_pad(const char *s, int cols, int align, char *out, size_t outsize);
/* Replace invalid UTF-8 with U+FFFD and control characters (C0, DEL, C1) with a space;
 * keep '\n' when keep_newlines. Returns a malloc'd string. */
char *utf8_clean(const char *s, bool keep_newlines);

/* Byte offset of the first character a typed text must not hold, or -1 (setting *cp when
 * cp is not NULL): C0 controls and DEL (tab and newline allowed when allow_newline), C1
 * controls U+0080..U+009F, and the bidirectional marks, embeddings, overrides and isolates
 * (U+061C, U+200E, U+200F, U+202A..U+202E, U+2066..U+2069). Invalid bytes are skipped. */
long utf8_find_control(const char *s, bool allow_newline, unsigned *cp);
/* A text as typed for `field`: false with one line in err when it is not valid UTF-8 or holds
 * a character utf8_find_control finds, naming it as U+XXXX. NULL is fine. */
bool utf8_check_text(const char *field, const char *s, bool allow_newline, char *err,
                     size_t errlen);

/* Byte offset of the character before/after byte offset `at` in s (len bytes). */
size_t utf8_prev(const char *s, size_t at);
size_t utf8_next(const char *s, size_t len, size_t at);

#endif
