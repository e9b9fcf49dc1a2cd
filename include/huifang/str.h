/* str.h — small string helpers: a growable buffer, safe copy, trimming, allocation that dies cleanly. */
#ifndef HUIFANG_STR_H
#define HUIFANG_STR_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

/* Allocation that never returns NULL: on failure it runs the registered fatal hook (the console
 * restores the terminal there) and exits 1. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Room for element n of an array of `size`-byte elements with *cap slots: doubles as needed. */
void *xgrow(void *v, size_t n, size_t *cap, size_t size);
void set_fatal_hook(void (*hook)(void));
void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

/* Growable NUL-terminated buffer. */
struct sbuf {
	char *s;
	size_t len, cap;
};
void sbuf_init(struct sbuf *b);
void sbuf_add(struct sbuf *b, const char *s);
void sbuf_addn(struct sbuf *b, const char *s, size_t n);
void sbuf_addc(struct sbuf *b, char c);
void sbuf_printf(struct sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sbuf_vprintf(struct sbuf *b, const char *fmt, va_list ap);
void sbuf_reset(struct sbuf *b);
void sbuf_free(struct sbuf *b);
char *sbuf_steal(struct sbuf *b); /* returns the string (never NULL), resets b */
/* s as a JSON string: quotes, escapes for quote, backslash and control characters. */
void sbuf_add_json(struct sbuf *b, const char *s);

/* Copy with truncation at a character boundary; always NUL-terminates. */
void str_copy(char *dst, size_t size, const char *src);
bool str_eq(const char *a, const char *b);            /* NULL-safe */
bool str_empty(const char *s);                         /* NULL or "" */
bool str_contains(const char *hay, const char *needle);
/* Replace every "{key}" in tmpl using lookup(key) (NULL keeps the placeholder). malloc'd. */
char *str_expand(const char *tmpl, const char *(*lookup)(const char *key, void *ctx), void *ctx);
/* Parse a whole decimal integer (optional sign); false on junk or overflow. */
bool str_to_int(const char *s, long long *out);
/* Fill err (HF_ERRLEN style buffer) with a formatted message; returns false for chaining. */
bool errf(char *err, size_t errlen, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

#endif
