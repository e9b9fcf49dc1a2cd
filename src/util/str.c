/* str.c — allocation that dies cleanly, a growable buffer, and small string helpers. */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "huifang/str.h"

static void (*fatal_hook)(void);

void set_fatal_hook(void (*hook)(void))
{
	fatal_hook = hook;
}

/* The hook restores the terminal, so it runs before the message is printed; only once. */
static void run_fatal_hook(void)
{
	void (*hook)(void) = fatal_hook;
	fatal_hook = NULL;
	if (hook)
		hook();
}

void die(const char *fmt, ...)
{
	va_list ap;
	run_fatal_hook();
	fputs("huifang: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static void out_of_memory(size_t n)
{
	die("out of memory (%zu bytes)", n);
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		out_of_memory(n);
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		out_of_memory(n * size);
	return p;
}

void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		out_of_memory(n);
	return q;
}

char *xstrdup(const char *s)
{
	return xstrndup(s ? s : "", SIZE_MAX);
}

void *xgrow(void *v, size_t n, size_t *cap, size_t size)
{
	if (n < *cap)
		return v;
	*cap = *cap ? *cap * 2 : 16;
	return xrealloc(v, *cap * size);
}

char *xstrndup(const char *s, size_t n)
{
	if (!s)
		s = "";
	size_t len = strnlen(s, n);
	char *p = xmalloc(len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

/* The buffer always has room for its NUL once anything was added. */
static void sbuf_grow(struct sbuf *b, size_t more)
{
	size_t need = b->len + more + 1;
	if (need <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap *= 2;
	b->s = xrealloc(b->s, cap);
	b->cap = cap;
}

void sbuf_init(struct sbuf *b)
{
	b->s = NULL;
	b->len = b->cap = 0;
	sbuf_grow(b, 0);
	b->s[0] = '\0';
}

void sbuf_addn(struct sbuf *b, const char *s, size_t n)
{
	sbuf_grow(b, n);
	if (n)
		memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void sbuf_add_json(struct sbuf *b, const char *s)
{
	sbuf_addc(b, '"');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"': sbuf_add(b, "\\\""); break;
		case '\\': sbuf_add(b, "\\\\"); break;
		case '\n': sbuf_add(b, "\\n"); break;
		case '\t': sbuf_add(b, "\\t"); break;
		case '\r': sbuf_add(b, "\\r"); break;
		default:
			if (*p < 0x20)
				sbuf_printf(b, "\\u%04x", *p);
			else
				sbuf_addc(b, (char)*p);
		}
	}
	sbuf_addc(b, '"');
}

void sbuf_add(struct sbuf *b, const char *s)
{
	if (s)
		sbuf_addn(b, s, strlen(s));
}

void sbuf_addc(struct sbuf *b, char c)
{
	sbuf_addn(b, &c, 1);
}

void sbuf_vprintf(struct sbuf *b, const char *fmt, va_list ap)
{
	/* Try the spare room first; a second pass only when the text did not fit. */
	va_list ap2;
	va_copy(ap2, ap);
	sbuf_grow(b, 63);
	size_t room = b->cap - b->len;
	int n = vsnprintf(b->s + b->len, room, fmt, ap2);
	va_end(ap2);
	if (n < 0) {
		b->s[b->len] = '\0';
		return;
	}
	if ((size_t)n >= room) {
		sbuf_grow(b, (size_t)n);
		vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	}
	b->len += (size_t)n;
}

void sbuf_printf(struct sbuf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	sbuf_vprintf(b, fmt, ap);
	va_end(ap);
}

void sbuf_reset(struct sbuf *b)
{
	b->len = 0;
	if (b->s)
		b->s[0] = '\0';
}

void sbuf_free(struct sbuf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

char *sbuf_steal(struct sbuf *b)
{
	char *s = b->s ? b->s : xstrdup("");
	b->s = NULL;
	b->len = b->cap = 0;
	return s;
}

void str_copy(char *dst, size_t size, const char *src)
{
	if (!dst || size == 0)
		return;
	if (!src)
		src = "";
	size_t n = strnlen(src, size);
	if (n >= size) {
		n = size - 1;
		/* Back off to the lead byte of a character that would be cut (at most 3 bytes). */
		for (size_t k = 0; k < 3 && n > 0 && ((unsigned char)src[n] & 0xC0) == 0x80; k++)
			n--;
	}
	memcpy(dst, src, n);
	dst[n] = '\0';
}

bool str_eq(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return strcmp(a, b) == 0;
}

bool str_empty(const char *s)
{
	return !s || !*s;
}

bool str_contains(const char *hay, const char *needle)
{
	if (!hay || !needle)
		return false;
	return strstr(hay, needle) != NULL;
}

char *str_expand(const char *tmpl, const char *(*lookup)(const char *key, void *ctx), void *ctx)
{
	struct sbuf b;
	sbuf_init(&b);
	const char *p = tmpl ? tmpl : "";
	while (*p) {
		const char *open = strchr(p, '{');
		if (!open) {
			sbuf_add(&b, p);
			break;
		}
		sbuf_addn(&b, p, (size_t)(open - p));
		/* The key runs to the next '}' unless another '{' comes first. */
		size_t klen = strcspn(open + 1, "{}");
		if (open[1 + klen] != '}') {
			sbuf_addc(&b, '{');
			p = open + 1;
			continue;
		}
		char *key = xstrndup(open + 1, klen);
		const char *val = lookup ? lookup(key, ctx) : NULL;
		free(key);
		if (val)
			sbuf_add(&b, val);
		else
			sbuf_addn(&b, open, klen + 2);
		p = open + klen + 2;
	}
	return sbuf_steal(&b);
}

bool str_to_int(const char *s, long long *out)
{
	if (!s)
		return false;
	bool neg = false;
	if (*s == '+' || *s == '-')
		neg = *s++ == '-';
	if (*s < '0' || *s > '9')
		return false;
	/* Accumulate negatively so LLONG_MIN parses without overflow. */
	long long v = 0;
	for (; *s >= '0' && *s <= '9'; s++) {
		int d = *s - '0';
		if (v < (LLONG_MIN + d) / 10)
			return false;
		v = v * 10 - d;
	}
	if (*s)
		return false;
	if (!neg) {
		if (v == LLONG_MIN)
			return false;
		v = -v;
	}
	if (out)
		*out = v;
	return true;
}

bool errf(char *err, size_t errlen, const char *fmt, ...)
{
	if (err && errlen) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(err, errlen, fmt, ap);
		va_end(ap);
	}
	return false;
}
