/* service-import.c — the import use case: a CSV file of customers or visits checked whole,
 * then upserted in batches, each with its audit row, and a summary row. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "huifang/csv-read.h"
#include "huifang/date.h"
#include "huifang/i18n.h"
#include "huifang/import.h"
#include "huifang/service.h"
#include "huifang/str.h"

/* Rows written per transaction: operators logging calls get the lock between batches. An
 * import stopped half way is finished by running it again (rows upsert). */
#define IMPORT_BATCH 500

enum row_result { ROW_ADDED, ROW_UPDATED, ROW_MERGED, ROW_UNCHANGED, ROW_FAILED };

struct importer {
	struct hf_ctx *ctx;
	const struct import_opts *o;
	const struct import_io *io;
	struct import_header h;
	hf_date today;
	struct hf_user *users;
	size_t nusers;
	bool quiet;                     /* pass 2: problems were told in pass 1 */
	struct sbuf why;                /* the current row's problems, for the rejects file */
	int row_problems;
};

/* The audit row of an import, queued in the open transaction: of batch part (1, 2, ...; the
 * counts so far) when it commits, or the summary (part 0) with the counts of the whole. Each
 * batch carries its own, so the rows of every committed batch are proven even when the import
 * stops later (a full disk) and its summary cannot be written. */
static bool audit_import(struct importer *m, const struct import_counts *n, long part, int rc)
{
	char detail[600], at[32] = "";
	if (part > 0)
		snprintf(at, sizeof at, " part=%ld", part);
	snprintf(detail, sizeof detail, "%s file=%s%s rows=%ld added=%ld updated=%ld merged=%ld "
	         "unchanged=%ld rejected=%ld history=%ld%s", import_kind_code(m->o->kind), m->o->path,
	         at, n->rows, n->added, n->updated, n->merged, n->unchanged, n->bad, n->history,
	         part == 0 && rc != HF_OK ? " stopped" : "");
	return store_audit(m->ctx->st, m->ctx->login, m->ctx->now, "import",
	                   m->o->kind == IMPORT_CUSTOMERS ? "customer" : "visit", 0, detail);
}

static void say(void (*fn)(void *, const char *), void *arg, const char *path, long line,
                const char *column, const char *msg)
{
	if (!fn)
		return;
	char buf[1024];
	if (column)
		snprintf(buf, sizeof buf, "%s:%ld:%s: %s", path, line, column, msg);
	else
		snprintf(buf, sizeof buf, "%s:%ld: %s", path, line, msg);
	fn(arg, buf);
}

static void report(void *arg, long line, const char *column, const char *msg)
{
	struct importer *m = arg;
	m->row_problems++;
	if (m->why.len)
		sbuf_add(&m->why, "; ");
	if (column)
		sbuf_printf(&m->why, "%s: ", column);
	sbuf_add(&m->why, msg);
	if (!m->quiet)
		say(m->io->problem, m->io->arg, m->o->path, line, column, msg);
}

static void warn(void *arg, long line, const char *column, const char *msg)
{
	struct importer *m = arg;
	if (!m->quiet)
		say(m->io->warning, m->io->arg, m->o->path, line, column, msg);
}

/* A consultant named by login, or by a display name only one user has: the login. */
static bool find_consultant(struct importer *m, const char *s, char *login, size_t size)
{
	const struct hf_user *by_name = NULL;
	int names = 0;
	for (size_t i = 0; i < m->nusers; i++) {
		if (str_eq(m->users[i].login, s)) {
			str_copy(login, size, s);
			return true;
		}
		if (str_eq(m->users[i].name, s))
			by_name = &m->users[i], names++;
	}
	if (names == 1)
		str_copy(login, size, by_name->login);
	return names == 1;
}

/* What the database must confirm: the consultant is a user, the visit's customer exists. */
static hf_id check_in_db(struct importer *m, const struct csv_record *rec, struct import_row *row)
{
	char msg[256];
	if (m->h.kind == IMPORT_CUSTOMERS) {
		struct hf_customer *c = &row->c;
		if (c->consultant[0] && !find_consultant(m, c->consultant, c->consultant, sizeof c->consultant)) {
			snprintf(msg, sizeof msg, _("\"%s\" is not a huifang user (login or name)"), c->consultant);
			report(m, rec->line, m->h.names[m->h.col[IF_CONSULTANT]], msg);
		}
		return 0;
	}
	hf_id id = row->customer_ext[0] ? store_customer_by_external(m->ctx->st, row->customer_ext) : 0;
	if (!id && row->customer_ext[0]) {
		snprintf(msg, sizeof msg, _("no customer with external id \"%s\" (import customers first)"),
		         row->customer_ext);
		report(m, rec->line, m->h.names[m->h.col[IF_CUSTOMER]], msg);
	}
	return id;
}

static bool customer_same(const struct hf_customer *a, const struct hf_customer *b)
{
	return str_eq(a->external_id, b->external_id) && str_eq(a->name, b->name) &&
	       str_eq(a->phone, b->phone) && str_eq(a->gender, b->gender) &&
	       a->birthday == b->birthday && str_eq(a->consultant, b->consultant) &&
	       str_eq(a->source, b->source) && str_eq(a->tags, b->tags) &&
	       a->phone_invalid == b->phone_invalid && a->do_not_call == b->do_not_call;
}

#define TAKE(field, f) \
	do { \
		if (row->given[f]) \
			str_copy(next.field, sizeof next.field, in->field); \
	} while (0)

/* Customers: by external id, else by phone (merged); cells left empty keep what is stored. */
static enum row_result upsert_customer(struct importer *m, struct import_row *row, bool write)
{
	struct store *st = m->ctx->st;
	const struct hf_customer *in = &row->c;
	hf_id id = in->external_id[0] ? store_customer_by_external(st, in->external_id) : 0;
	bool by_phone = false;
	if (!id)
		by_phone = (id = store_customer_by_phone(st, in->phone, in->external_id[0] != 0)) != 0;
	if (id < 0)
		return ROW_FAILED; /* a failed read */
	if (!id) {
		struct hf_customer c = *in;
		c.created = m->ctx->now;
		return !write || store_customer_add(st, &c) ? ROW_ADDED : ROW_FAILED;
	}
	struct hf_customer cur, next;
	if (store_customer_get(st, id, &cur) != STORE_FOUND)
		return ROW_FAILED;
	next = cur;
	TAKE(name, IF_NAME);
	TAKE(gender, IF_GENDER);
	TAKE(consultant, IF_CONSULTANT);
	TAKE(source, IF_SOURCE);
	TAKE(tags, IF_TAGS);
	if (row->given[IF_EXTERNAL_ID] && !cur.external_id[0])
		str_copy(next.external_id, sizeof next.external_id, in->external_id);
	if (row->given[IF_BIRTHDAY])
		next.birthday = in->birthday;
	/* A file may say a customer refused calls; only a supervisor lifts that (lift-dnc). */
	next.do_not_call = cur.do_not_call || in->do_not_call;
	if (!str_eq(cur.phone, in->phone)) {
		/* A new number: whatever made the old one invalid is moot. */
		str_copy(next.phone, sizeof next.phone, in->phone);
		next.phone_invalid = false;
	}
	if (customer_same(&cur, &next))
		return ROW_UNCHANGED;
	if (write && !store_customer_update(st, &next))
		return ROW_FAILED;
	return by_phone ? ROW_MERGED : ROW_UPDATED;
}

/* Visits: by customer, day, kind and treatment; a new one whose curve is over is history. */
static enum row_result upsert_visit(struct importer *m, struct import_row *row, hf_id customer,
                                    bool write, bool *history)
{
	struct store *st = m->ctx->st;
	struct hf_visit *in = &row->v, cur, next;
	in->customer_id = customer;
	enum store_found found = customer < 0 ? STORE_ERROR
	                         : store_visit_find(st, customer, in->date, in->kind, in->treatment, &cur);
	if (found == STORE_ERROR)
		return ROW_FAILED;
	if (found == STORE_NONE) {
		*history = import_visit_is_history(&m->ctx->cfg, in, m->today);
		if (!write)
			return ROW_ADDED;
		hf_id id = store_visit_add(st, in);
		return id && (!*history || store_visit_mark_history(st, id)) ? ROW_ADDED : ROW_FAILED;
	}
	next = cur;
	TAKE(doctor, IF_DOCTOR);
	TAKE(team, IF_TEAM);
	if (row->given[IF_COURSE_END])
		next.course_end = in->course_end;
	if (row->given[IF_AMOUNT])
		next.amount = in->amount;
	if (str_eq(cur.doctor, next.doctor) && str_eq(cur.team, next.team) &&
	    cur.course_end == next.course_end && cur.amount == next.amount)
		return ROW_UNCHANGED;
	return !write || store_visit_update(st, &next) ? ROW_UPDATED : ROW_FAILED;
}

#undef TAKE

static void count(struct import_counts *n, enum row_result r, bool history)
{
	switch (r) {
	case ROW_ADDED: n->added++; break;
	case ROW_UPDATED: n->updated++; break;
	case ROW_MERGED: n->merged++; break;
	case ROW_UNCHANGED: n->unchanged++; break;
	case ROW_FAILED: break;
	}
	n->history += history;
}

/* One pass over the file. Pass 1 (write false) checks every row and counts what would be
 * done; pass 2 writes in batches. Returns an exit status. */
static int pass(struct importer *m, FILE *f, long long total, bool write, struct import_counts *n,
                char *err, size_t errlen)
{
	struct store *st = m->ctx->st;
	char rerr[256] = "";
	struct csv_reader *r = csv_reader_new(f, m->o->encoding, rerr, sizeof rerr);
	if (!r)
		return errf(err, errlen, "%s: %s", m->o->path, rerr), HF_EUSAGE;
	n->encoding = csv_reader_encoding(r);
	struct csv_record rec;
	int got, rc = HF_OK;
	bool header = false, in_tx = false;
	long batch = 0;
	while ((got = csv_reader_next(r, &rec)) == 1) {
		if (import_blank(&rec))
			continue;
		if (!header) {
			header = true;
			m->row_problems = 0;
			if (rec.problem) {
				report(m, rec.line, NULL, rec.problem);
				rc = (errf(err, errlen, _("%s: the header has problems; nothing imported"),
				           m->o->path), HF_EUSAGE);
				break;
			}
			if (import_header_map(m->o->kind, &rec, &m->h, report, warn, m) > 0) {
				rc = (errf(err, errlen, _("%s: the header has problems; nothing imported"),
				          m->o->path), HF_EUSAGE);
				break;
			}
			continue;
		}
		n->rows++;
		/* Writing, progress is told between batches: a terminal that holds up its output
		 * (Ctrl-S, a stopped pager) must not hold up the write lock with it. */
		if (m->io->progress && !write && n->rows % 256 == 0)
			m->io->progress(m->io->arg, 1, n->rows, csv_reader_offset(r), total);
		struct import_row row;
		sbuf_reset(&m->why);
		m->row_problems = import_row_read(&m->ctx->cfg, &m->h, &rec, m->today, &row, report, m);
		hf_id customer = rec.problem || rec.n != m->h.ncols ? 0 : check_in_db(m, &rec, &row);
		if (m->row_problems) {
			n->bad++;
			if (!write && m->o->skip_bad && !m->o->dry_run && m->io->reject)
				m->io->reject(m->io->arg, m->h.names, m->h.ncols, &rec, m->why.s);
			continue;
		}
		if (write && !in_tx) {
			if (!store_begin(st)) {
				rc = (errf(err, errlen, "%s", store_errmsg(st)), HF_EFAIL);
				break;
			}
			in_tx = true;
		}
		bool history = false;
		enum row_result res = m->h.kind == IMPORT_CUSTOMERS
		                      ? upsert_customer(m, &row, write)
		                      : upsert_visit(m, &row, customer, write, &history);
		if (res == ROW_FAILED) {
			rc = (errf(err, errlen, _("%s:%ld: could not write: %s (the rows before it are "
			                         "imported; run the import again when fixed)"),
			          m->o->path, rec.line, store_errmsg(st)), HF_EFAIL);
			break;
		}
		count(n, res, history);
		if (in_tx && ++batch % IMPORT_BATCH == 0) {
			in_tx = false;
			if (!audit_import(m, n, batch / IMPORT_BATCH, rc) || !store_commit(st)) {
				rc = (errf(err, errlen, "%s", store_errmsg(st)), HF_EFAIL);
				break;
			}
			if (m->io->progress)
				m->io->progress(m->io->arg, 2, n->rows, csv_reader_offset(r), total);
		}
	}
	if (rc == HF_OK && got < 0)
		rc = (errf(err, errlen, "%s:%s", m->o->path, csv_reader_error(r)), HF_EUSAGE);
	if (rc == HF_OK && !header)
		rc = (errf(err, errlen, _("%s: empty file, no header line"), m->o->path), HF_EUSAGE);
	long long read = csv_reader_offset(r);
	csv_reader_free(r);
	if (rc != HF_OK && in_tx) {
		/* A failed batch: what it wrote goes, earlier batches stay (they are whole rows). */
		store_rollback(st);
		in_tx = false;
	}
	/* The summary: in the last batch's transaction; after a stop, on its own when it can be
	 * written (each batch committed carries its own audit row already). */
	if (write && (rc == HF_OK || batch >= IMPORT_BATCH)) {
		if ((!in_tx && !store_begin(st)) || !audit_import(m, n, 0, rc) || !store_commit(st)) {
			if (rc == HF_OK)
				rc = (errf(err, errlen, "%s", store_errmsg(st)), HF_EFAIL);
			store_rollback(st);
		}
	}
	if (m->io->progress)
		m->io->progress(m->io->arg, write ? 2 : 1, n->rows, read, total);
	return rc;
}

int svc_import(struct hf_ctx *ctx, const struct import_opts *o, const struct import_io *io,
               struct import_counts *counts, char *err, size_t errlen)
{
	memset(counts, 0, sizeof *counts);
	int rc = svc_require(ctx, ROLE_ADMIN, err, errlen);
	if (rc != HF_OK)
		return rc;
	FILE *f = fopen(o->path, "rb");
	struct stat sb;
	if (!f)
		return errf(err, errlen, _("%s: cannot open: %s"), o->path, strerror(errno)), HF_EUSAGE;
	if (fstat(fileno(f), &sb) != 0 || !S_ISREG(sb.st_mode)) {
		fclose(f);
		return errf(err, errlen, _("%s: not a regular file"), o->path), HF_EUSAGE;
	}
	struct importer m = {0};
	m.ctx = ctx;
	m.o = o;
	m.io = io;
	m.today = stamp_date(ctx->now);
	if (!store_users(ctx->st, &m.users, &m.nusers)) {
		fclose(f);
		return errf(err, errlen, "%s", store_errmsg(ctx->st)), HF_EFAIL;
	}
	sbuf_init(&m.why);

	rc = pass(&m, f, (long long)sb.st_size, false, counts, err, errlen);
	import_header_free(&m.h);
	if (rc == HF_OK && counts->bad && !o->skip_bad && !o->dry_run)
		rc = (errf(err, errlen, _("%s: %ld of %ld rows have problems; nothing imported"), o->path,
		          counts->bad, counts->rows), HF_EUSAGE);
	if (rc == HF_OK && !o->dry_run) {
		struct import_counts written = {0};
		m.quiet = true;
		if (fseek(f, 0, SEEK_SET) != 0)
			rc = (errf(err, errlen, _("%s: cannot read it again: %s"), o->path, strerror(errno)),
			HF_EFAIL);
		else
			rc = pass(&m, f, (long long)sb.st_size, true, &written, err, errlen);
		import_header_free(&m.h);
		if (rc == HF_OK)
			*counts = written;
	}
	if (rc == HF_OK && o->plan && !o->dry_run) {
		counts->planned = true;
		rc = svc_plan(ctx, m.today, false, &counts->plan, err, errlen);
	}
	fclose(f);
	sbuf_free(&m.why);
	free(m.users);
	return rc;
}
