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

/* Byte offset of the character before/after byte offset `at` in s (len bytes). */
size_t utf8_prev(const char *s, size_t at);
size_t utf8_next(const char *s, size_t len, size_t at);

#endif
