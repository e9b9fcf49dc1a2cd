/* utf8.c — UTF-8 decoding, display width, truncation and padding by columns, cleaning. */
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "huifang/i18n.h"
#include "huifang/str.h"
#include "huifang/utf8.h"

#define REPLACEMENT 0xFFFDu
#define ELLIPSIS 0x2026u

size_t utf8_decode(const char *s, size_t n, unsigned *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	if (n == 0)
		return 0;
	unsigned c = u[0], min;
	size_t len;
	if (c < 0x80) {
		*cp = c;
		return 1;
	} else if (c >= 0xC2 && c <= 0xDF) {
		len = 2, c &= 0x1F, min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3, c &= 0x0F, min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4, c &= 0x07, min = 0x10000;
	} else {
		*cp = REPLACEMENT;
		return 1;
	}
	if (n < len) {
		*cp = REPLACEMENT;
		return 1;
	}
	for (size_t i = 1; i < len; i++) {
		if ((u[i] & 0xC0) != 0x80) {
			*cp = REPLACEMENT;
			return 1;
		}
		c = (c << 6) | (u[i] & 0x3F);
	}
	/* Overlong forms, surrogates and code points past U+10FFFF are not characters. */
	if (c < min || (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF) {
		*cp = REPLACEMENT;
		return 1;
	}
	*cp = c;
	return len;
}

size_t utf8_encode(unsigned cp, char *out)
{
	unsigned char *o = (unsigned char *)out;
	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = REPLACEMENT;
	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	} else if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	} else if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

/* True when the bytes at s are a real encoded character (a literal U+FFFD included). */
static size_t decode_ok(const char *s, size_t n, unsigned *cp, bool *ok)
{
	size_t len = utf8_decode(s, n, cp);
	*ok = !(*cp == REPLACEMENT && len == 1);
	return len;
}

bool utf8_valid(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		unsigned cp;
		bool ok;
		i += decode_ok(s + i, n - i, &cp, &ok);
		if (!ok)
			return false;
	}
	return true;
}

struct range {
	unsigned lo, hi;
};

static bool in_table(unsigned cp, const struct range *t, size_t n)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (cp < t[mid].lo)
			hi = mid;
		else if (cp > t[mid].hi)
			lo = mid + 1;
		else
			return true;
	}
	return false;
}

/* Used only when wcwidth() cannot tell (a locale without UTF-8): the common zero-width marks. */
static const struct range zero_width[] = {
	{ 0x0300, 0x036F }, { 0x0483, 0x0489 }, { 0x0591, 0x05BD }, { 0x05BF, 0x05BF },
	{ 0x05C1, 0x05C2 }, { 0x05C4, 0x05C5 }, { 0x05C7, 0x05C7 }, { 0x0610, 0x061A },
	{ 0x064B, 0x065F }, { 0x0670, 0x0670 }, { 0x06D6, 0x06DC }, { 0x06DF, 0x06E4 },
	{ 0x06E7, 0x06E8 }, { 0x06EA, 0x06ED }, { 0x0E31, 0x0E31 }, { 0x0E34, 0x0E3A },
	{ 0x0E47, 0x0E4E }, { 0x1AB0, 0x1AFF }, { 0x1DC0, 0x1DFF }, { 0x200B, 0x200F },
	{ 0x202A, 0x202E }, { 0x2060, 0x2064 }, { 0x20D0, 0x20FF }, { 0x302A, 0x302D },
	{ 0x3099, 0x309A }, { 0xFE00, 0xFE0F }, { 0xFE20, 0xFE2F }, { 0xFEFF, 0xFEFF },
	{ 0xE0100, 0xE01EF },
};

/* East Asian Wide and Fullwidth blocks, and the emoji blocks terminals draw two columns wide. */
static const struct range wide[] = {
	{ 0x1100, 0x115F }, { 0x231A, 0x231B }, { 0x2329, 0x232A }, { 0x23E9, 0x23EC },
	{ 0x23F0, 0x23F0 }, { 0x23F3, 0x23F3 }, { 0x25FD, 0x25FE }, { 0x2614, 0x2615 },
	{ 0x2648, 0x2653 }, { 0x267F, 0x267F }, { 0x2693, 0x2693 }, { 0x26A1, 0x26A1 },
	{ 0x26AA, 0x26AB }, { 0x26BD, 0x26BE }, { 0x26C4, 0x26C5 }, { 0x26CE, 0x26CE },
	{ 0x26D4, 0x26D4 }, { 0x26EA, 0x26EA }, { 0x26F2, 0x26F3 }, { 0x26F5, 0x26F5 },
	{ 0x26FA, 0x26FA }, { 0x26FD, 0x26FD }, { 0x2705, 0x2705 }, { 0x270A, 0x270B },
	{ 0x2728, 0x2728 }, { 0x274C, 0x274C }, { 0x274E, 0x274E }, { 0x2753, 0x2755 },
	{ 0x2757, 0x2757 }, { 0x2795, 0x2797 }, { 0x27B0, 0x27B0 }, { 0x27BF, 0x27BF },
	{ 0x2B1B, 0x2B1C }, { 0x2B50, 0x2B50 }, { 0x2B55, 0x2B55 }, { 0x2E80, 0x303E },
	{ 0x3041, 0x33FF }, { 0x3400, 0x4DBF }, { 0x4E00, 0x9FFF }, { 0xA000, 0xA4CF },
	{ 0xA960, 0xA97F }, { 0xAC00, 0xD7A3 }, { 0xF900, 0xFAFF }, { 0xFE10, 0xFE19 },
	{ 0xFE30, 0xFE6F }, { 0xFF00, 0xFF60 }, { 0xFFE0, 0xFFE6 }, { 0x16FE0, 0x16FE4 },
	{ 0x17000, 0x18CFF }, { 0x1B000, 0x1B2FF }, { 0x1F004, 0x1F004 }, { 0x1F0CF, 0x1F0CF },
	{ 0x1F18E, 0x1F18E }, { 0x1F191, 0x1F19A }, { 0x1F200, 0x1F251 }, { 0x1F260, 0x1F265 },
	{ 0x1F300, 0x1F64F }, { 0x1F680, 0x1F6FF }, { 0x1F7E0, 0x1F7EB }, { 0x1F90C, 0x1F9FF },
	{ 0x1FA70, 0x1FAFF }, { 0x20000, 0x2FFFD }, { 0x30000, 0x3FFFD },
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static bool is_control(unsigned cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp < 0xA0);
}

int utf8_cp_width(unsigned cp)
{
	if (is_control(cp))
		return 0;
	int w = wcwidth((wchar_t)cp);
	if (w >= 0)
		return w > 2 ? 2 : w;
	/* wcwidth() knows nothing outside a UTF-8 locale; keep Chinese two columns wide anyway. */
	if (in_table(cp, zero_width, COUNT(zero_width)))
		return 0;
	if (in_table(cp, wide, COUNT(wide)))
		return 2;
	return 1;
}

int utf8_width(const char *s)
{
	if (!s)
		return 0;
	size_t n = strlen(s), i = 0;
	int w = 0;
	while (i < n) {
		unsigned cp;
		bool ok;
		i += decode_ok(s + i, n - i, &cp, &ok);
		w += ok ? utf8_cp_width(cp) : 1;
	}
	return w;
}

size_t utf8_len(const char *s)
{
	if (!s)
		return 0;
	size_t n = strlen(s), i = 0, count = 0;
	while (i < n) {
		unsigned cp;
		i += utf8_decode(s + i, n - i, &cp);
		count++;
	}
	return count;
}

/* Copies whole characters of s while they fit in cols columns and room bytes.
 * Sets *bytes and returns the columns taken; *all tells whether s was used up. */
static int fit(const char *s, int cols, size_t room, size_t *bytes, bool *all)
{
	size_t n = s ? strlen(s) : 0, i = 0;
	int w = 0;
	while (i < n) {
		unsigned cp;
		bool ok;
		size_t len = decode_ok(s + i, n - i, &cp, &ok);
		int cw = ok ? utf8_cp_width(cp) : 1;
		if (w + cw > cols || i + len > room)
			break;
		w += cw;
		i += len;
	}
	*bytes = i;
	*all = i == n;
	return w;
}

int utf8_truncate(const char *s, int cols, bool ellipsis, char *out, size_t outsize)
{
	if (!out || outsize == 0)
		return 0;
	out[0] = '\0';
	if (cols <= 0 || !s)
		return 0;
	size_t bytes;
	bool all;
	int w = fit(s, cols, outsize - 1, &bytes, &all);
	if (!all && ellipsis) {
		char mark[4];
		size_t mlen = utf8_encode(ELLIPSIS, mark);
		int mw = utf8_cp_width(ELLIPSIS);
		if (mw <= cols && outsize - 1 >= mlen) {
			w = fit(s, cols - mw, outsize - 1 - mlen, &bytes, &all);
			memcpy(out, s, bytes);
			memcpy(out + bytes, mark, mlen);
			out[bytes + mlen] = '\0';
			return w + mw;
		}
	}
	memcpy(out, s, bytes);
	out[bytes] = '\0';
	return w;
}

int utf8_pad(const char *s, int cols, int align, char *out, size_t outsize)
{
	if (!out || outsize == 0)
		return 0;
	out[0] = '\0';
	if (cols <= 0)
		return 0;
	size_t bytes;
	bool all;
	int w = fit(s, cols, outsize - 1, &bytes, &all);
	size_t spaces = (size_t)(cols - w);
	if (bytes + spaces > outsize - 1)
		spaces = outsize - 1 - bytes;
	size_t before = align > 0 ? spaces : align == 0 ? spaces / 2 : 0;
	memset(out, ' ', before);
	if (bytes)
		memcpy(out + before, s, bytes);
	memset(out + before + bytes, ' ', spaces - before);
	out[bytes + spaces] = '\0';
	return w + (int)spaces;
}

char *utf8_clean(const char *s, bool keep_newlines)
{
	if (!s)
		return xstrdup("");
	size_t n = strlen(s), i = 0, o = 0;
	/* An invalid byte (1) becomes U+FFFD (3): at most three times longer. */
	char *out = xmalloc(n * 3 + 1);
	while (i < n) {
		unsigned cp;
		bool ok;
		size_t len = decode_ok(s + i, n - i, &cp, &ok);
		if (!ok) {
			o += utf8_encode(REPLACEMENT, out + o);
		} else if (cp == '\n' && keep_newlines) {
			out[o++] = '\n';
		} else if (is_control(cp)) {
			out[o++] = ' ';
		} else {
			memcpy(out + o, s + i, len);
			o += len;
		}
		i += len;
	}
	out[o] = '\0';
	return out;
}

/* Characters a typed text must not hold: they move the cursor, recolour the terminal or turn
 * the reading direction of what follows (bidirectional marks, embeddings, overrides and
 * isolates). */
static bool refused(unsigned cp, bool allow_newline)
{
	if ((cp == '\n' || cp == '\t') && allow_newline)
		return false;
	return is_control(cp) || cp == 0x061C || cp == 0x200E || cp == 0x200F ||
	       (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

long utf8_find_control(const char *s, bool allow_newline, unsigned *cp)
{
	size_t n = s ? strlen(s) : 0, i = 0;
	while (i < n) {
		unsigned c;
		bool ok;
		size_t len = decode_ok(s + i, n - i, &c, &ok);
		if (ok && refused(c, allow_newline)) {
			if (cp)
				*cp = c;
			return (long)i;
		}
		i += len;
	}
	return -1;
}

bool utf8_check_text(const char *field, const char *s, bool allow_newline, char *err,
                     size_t errlen)
{
	unsigned cp;
	if (!s)
		return true;
	if (!utf8_valid(s, strlen(s)))
		return errf(err, errlen, _("%s: not valid UTF-8"), field);
	if (utf8_find_control(s, allow_newline, &cp) >= 0)
		return errf(err, errlen, _("%s: the control character U+%04X is not allowed"), field, cp);
	return true;
}

size_t utf8_prev(const char *s, size_t at)
{
	if (at == 0)
		return 0;
	size_t start = at - 1;
	/* Step back over at most three continuation bytes to a lead byte. */
	while (start > 0 && at - start < 4 && ((unsigned char)s[start] & 0xC0) == 0x80)
		start--;
	unsigned cp;
	if (start + utf8_decode(s + start, at - start, &cp) == at)
		return start;
	return at - 1;
}

size_t utf8_next(const char *s, size_t len, size_t at)
{
	if (at >= len)
		return len;
	unsigned cp;
	return at + utf8_decode(s + at, len - at, &cp);
}
