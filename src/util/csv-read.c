/* csv-read.c — a streaming RFC 4180 reader with the line each record starts on.
 *
 * Our own rather than Debian's libcsv: libcsv hands fields to callbacks without saying where
 * in the file they were, and every problem in an imported file must name its file:line; it
 * also leaves record size unbounded. What this reader accepts: fields separated by commas,
 * records ended by CRLF, LF or a lone CR; quoted fields with doubled quotes and embedded
 * line ends (kept as LF); a quote inside an unquoted field is kept as a character, as Excel
 * reads it. Input is UTF-8 (a BOM is dropped) or GB18030 converted through iconv. */
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "huifang/csv-read.h"
#include "huifang/i18n.h"
#include "huifang/str.h"
#include "huifang/utf8.h"

#define RAW_SIZE 65536

struct csv_reader {
	FILE *f;
	enum csv_encoding enc;
	iconv_t cd;                     /* (iconv_t)-1 for UTF-8 */
	char raw[RAW_SIZE];             /* bytes read from f, not yet converted */
	size_t raw_len;
	bool raw_eof;
	char dec[RAW_SIZE * 4];         /* UTF-8 ready for the parser */
	size_t dec_pos, dec_len;
	bool bad_input;                 /* the converter stopped at bytes that are not GB18030 */
	bool started;                   /* the BOM check is done */
	long long consumed;             /* bytes of f converted */

	long line;                      /* current physical line */
	struct sbuf buf;                /* the record's fields, each NUL-terminated */
	size_t *starts;                 /* offsets of fields in buf */
	char **fields;
	size_t nfields, cap;
	bool done;
	char err[256];
	char problem[256];
};

bool csv_encoding_parse(const char *s, enum csv_encoding *out)
{
	if (!strcmp(s, "auto"))
		*out = CSV_ENC_AUTO;
	else if (!strcasecmp(s, "utf-8") || !strcasecmp(s, "utf8"))
		*out = CSV_ENC_UTF8;
	else if (!strcasecmp(s, "gb18030") || !strcasecmp(s, "gbk") || !strcasecmp(s, "gb2312"))
		*out = CSV_ENC_GB18030;
	else
		return false;
	return true;
}

const char *csv_encoding_name(enum csv_encoding e)
{
	return e == CSV_ENC_GB18030 ? "gb18030" : e == CSV_ENC_UTF8 ? "utf-8" : "auto";
}

/* Bytes at the end of buf[0..n) that begin a UTF-8 sequence not yet complete (0..3). */
static size_t utf8_tail(const char *buf, size_t n)
{
	for (size_t back = 1; back <= 3 && back <= n; back++) {
		unsigned char c = (unsigned char)buf[n - back];
		if ((c & 0xC0) == 0x80)
			continue;
		size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
		return need > back ? back : 0;
	}
	return 0;
}

/* Is the whole of f valid UTF-8? Reads it in chunks; leaves f rewound. */
static bool file_is_utf8(FILE *f, char *err, size_t errlen, bool *is_utf8)
{
	char buf[RAW_SIZE];
	size_t carry = 0, got;
	*is_utf8 = true;
	while (*is_utf8 && (got = fread(buf + carry, 1, sizeof buf - carry, f)) > 0) {
		size_t n = carry + got;
		size_t tail = utf8_tail(buf, n);
		*is_utf8 = utf8_valid(buf, n - tail);
		memmove(buf, buf + n - tail, tail);
		carry = tail;
	}
	if (ferror(f))
		return errf(err, errlen, _("cannot read: %s"), strerror(errno));
	if (carry)
		*is_utf8 = false;
	if (fseek(f, 0, SEEK_SET) != 0)
		return errf(err, errlen, _("cannot tell its encoding without reading it twice; give "
		                           "--encoding utf-8 or gb18030"));
	return true;
}

struct csv_reader *csv_reader_new(FILE *f, enum csv_encoding enc, char *err, size_t errlen)
{
	if (enc == CSV_ENC_AUTO) {
		bool utf8;
		if (!file_is_utf8(f, err, errlen, &utf8))
			return NULL;
		enc = utf8 ? CSV_ENC_UTF8 : CSV_ENC_GB18030;
	}
	iconv_t cd = (iconv_t)-1;
	if (enc == CSV_ENC_GB18030 && (cd = iconv_open("UTF-8", "GB18030")) == (iconv_t)-1) {
		errf(err, errlen, _("no GB18030 converter on this system: %s"), strerror(errno));
		return NULL;
	}
	struct csv_reader *r = xcalloc(1, sizeof *r);
	r->f = f;
	r->enc = enc;
	r->cd = cd;
	r->line = 1;
	sbuf_init(&r->buf);
	return r;
}

void csv_reader_free(struct csv_reader *r)
{
	if (!r)
		return;
	if (r->cd != (iconv_t)-1)
		iconv_close(r->cd);
	sbuf_free(&r->buf);
	free(r->starts);
	free(r->fields);
	free(r);
}

const char *csv_reader_error(const struct csv_reader *r) { return r->err; }
enum csv_encoding csv_reader_encoding(const struct csv_reader *r) { return r->enc; }
long long csv_reader_offset(const struct csv_reader *r) { return r->consumed; }

/* Refill dec from the file. false at the end of input (or on an error, err set). */
static bool refill(struct csv_reader *r)
{
	r->dec_pos = r->dec_len = 0;
	for (;;) {
		if (!r->raw_eof && r->raw_len < sizeof r->raw) {
			size_t got = fread(r->raw + r->raw_len, 1, sizeof r->raw - r->raw_len, r->f);
			r->raw_len += got;
			if (got == 0) {
				if (ferror(r->f)) {
					errf(r->err, sizeof r->err, _("line %ld: cannot read: %s"), r->line,
					     strerror(errno));
					return false;
				}
				r->raw_eof = true;
			}
		}
		if (r->raw_len == 0)
			return false;
		if (r->bad_input) {
			errf(r->err, sizeof r->err, _("line %ld: not GB18030 text (give --encoding)"), r->line);
			return false;
		}
		size_t used;
		if (r->cd == (iconv_t)-1) {
			used = r->raw_len;
			memcpy(r->dec, r->raw, used);
			r->dec_len = used;
		} else {
			char *in = r->raw, *out = r->dec;
			size_t inleft = r->raw_len, outleft = sizeof r->dec;
			size_t rc = iconv(r->cd, &in, &inleft, &out, &outleft);
			if (rc == (size_t)-1 && errno == EILSEQ)
				r->bad_input = true;   /* deliver what converted, then stop */
			else if (rc == (size_t)-1 && errno == EINVAL && r->raw_eof && in == r->raw)
				r->bad_input = true;   /* a sequence cut off by the end of the file */
			used = (size_t)(in - r->raw);
			r->dec_len = (size_t)(out - r->dec);
		}
		memmove(r->raw, r->raw + used, r->raw_len - used);
		r->raw_len -= used;
		r->consumed += (long long)used;
		if (!r->started) {
			r->started = true;
			if (r->dec_len >= 3 && !memcmp(r->dec, "\xEF\xBB\xBF", 3))
				r->dec_pos = 3;
		}
		if (r->dec_pos < r->dec_len)
			return true;
		if (r->bad_input || (r->raw_eof && r->raw_len == 0)) {
			if (r->bad_input)
				continue;
			return false;
		}
	}
}

/* The next byte of UTF-8 input, or -1 at the end (or on an error: r->err set). */
static int next_byte(struct csv_reader *r)
{
	if (r->dec_pos >= r->dec_len && !refill(r))
		return -1;
	return (unsigned char)r->dec[r->dec_pos++];
}

static int peek_byte(struct csv_reader *r)
{
	if (r->dec_pos >= r->dec_len && !refill(r))
		return -1;
	return (unsigned char)r->dec[r->dec_pos];
}

static void set_problem(struct csv_reader *r, const char *msg)
{
	if (!r->problem[0])
		str_copy(r->problem, sizeof r->problem, msg);
}

static void end_field(struct csv_reader *r)
{
	sbuf_addc(&r->buf, 0);
}

static void start_field(struct csv_reader *r)
{
	r->starts = xgrow(r->starts, r->nfields, &r->cap, sizeof *r->starts);
	r->starts[r->nfields++] = r->buf.len;
}

enum state { FIELD_START, UNQUOTED, QUOTED, QUOTE_SEEN, AFTER_QUOTE };

int csv_reader_next(struct csv_reader *r, struct csv_record *rec)
{
	if (r->err[0])
		return -1;
	if (r->done)
		return 0;
	sbuf_reset(&r->buf);
	r->nfields = 0;
	r->problem[0] = 0;
	long first_line = r->line;
	enum state s = FIELD_START;
	int c = next_byte(r);
	if (c < 0) {
		r->done = true;
		return r->err[0] ? -1 : 0;
	}
	start_field(r);
	for (;; c = next_byte(r)) {
		if (c < 0) {
			if (r->err[0])
				return -1;
			r->done = true;
			if (s == QUOTED)
				set_problem(r, _("a quoted field is never closed"));
			break;
		}
		if (r->buf.len > CSV_MAX_RECORD) {
			errf(r->err, sizeof r->err, _("line %ld: a record longer than %d bytes (a quote never "
			                              "closed?)"), first_line, CSV_MAX_RECORD);
			return -1;
		}
		if (c == 0)
			set_problem(r, _("a NUL byte in the text"));
		bool eol = c == '\n' || c == '\r';
		if (c == '\r' && peek_byte(r) == '\n')
			next_byte(r);
		if (eol)
			r->line++;
		if (s == QUOTED) {
			if (c == '"')
				s = QUOTE_SEEN;
			else
				sbuf_addc(&r->buf, eol ? '\n' : (char)c);
			continue;
		}
		if (s == QUOTE_SEEN) {
			if (c == '"') {
				sbuf_addc(&r->buf, '"');
				s = QUOTED;
				continue;
			}
			s = AFTER_QUOTE;
		}
		if (c == ',' || eol) {
			end_field(r);
			if (eol)
				goto record;
			start_field(r);
			s = FIELD_START;
			continue;
		}
		if (s == FIELD_START && c == '"') {
			s = QUOTED;
			continue;
		}
		if (s == AFTER_QUOTE)
			set_problem(r, _("text after a closing quote (a quote inside a quoted field must be "
			                 "doubled)"));
		else
			s = UNQUOTED;
		sbuf_addc(&r->buf, (char)c);
	}
	end_field(r);
record:
	r->fields = xrealloc(r->fields, (r->nfields ? r->nfields : 1) * sizeof *r->fields);
	for (size_t i = 0; i < r->nfields; i++) {
		r->fields[i] = r->buf.s + r->starts[i];
		if (!utf8_valid(r->fields[i], strlen(r->fields[i])))
			set_problem(r, _("not valid UTF-8 (give --encoding gb18030 for a GBK file)"));
	}
	rec->field = r->fields;
	rec->n = r->nfields;
	rec->line = first_line;
	rec->problem = r->problem[0] ? r->problem : NULL;
	return 1;
}
