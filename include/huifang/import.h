/* import.h — what a row of an imported CSV file means: its columns (Chinese or English
 * headers), cells read into customers and visits, every problem named. Pure: no I/O. */
#ifndef HUIFANG_IMPORT_H
#define HUIFANG_IMPORT_H

#include "huifang/config.h"
#include "huifang/csv-read.h"
#include "huifang/store.h"

enum import_kind { IMPORT_CUSTOMERS, IMPORT_VISITS };
/* "customers" / "visits". */
bool import_kind_parse(const char *s, enum import_kind *out);
const char *import_kind_code(enum import_kind k);

/* The columns an import understands: field, file kind, English and Chinese header, required.
 * `problem` is the column a rejects file adds; it is read and ignored. */
#define HF_IMPORT_COLUMNS(X) \
	X(IF_EXTERNAL_ID, IMPORT_CUSTOMERS, "external_id", "客户编号", false) \
	X(IF_NAME, IMPORT_CUSTOMERS, "name", "姓名", true) \
	X(IF_PHONE, IMPORT_CUSTOMERS, "phone", "手机", true) \
	X(IF_GENDER, IMPORT_CUSTOMERS, "gender", "性别", false) \
	X(IF_BIRTHDAY, IMPORT_CUSTOMERS, "birthday", "生日", false) \
	X(IF_CONSULTANT, IMPORT_CUSTOMERS, "consultant", "顾问", false) \
	X(IF_SOURCE, IMPORT_CUSTOMERS, "source", "来源", false) \
	X(IF_TAGS, IMPORT_CUSTOMERS, "tags", "标签", false) \
	X(IF_DNC, IMPORT_CUSTOMERS, "do_not_call", "不回访", false) \
	X(IF_CUSTOMER, IMPORT_VISITS, "customer_external_id", "客户编号", true) \
	X(IF_DATE, IMPORT_VISITS, "date", "日期", true) \
	X(IF_KIND, IMPORT_VISITS, "kind", "类型", true) \
	X(IF_TREATMENT, IMPORT_VISITS, "treatment", "项目", false) \
	X(IF_DOCTOR, IMPORT_VISITS, "doctor", "医生", false) \
	X(IF_COURSE_END, IMPORT_VISITS, "course_end", "疗程结束", false) \
	X(IF_AMOUNT, IMPORT_VISITS, "amount", "金额", false) \
	X(IF_TEAM, IMPORT_VISITS, "team", "小组", false)
#define HF_IMPORT_FIELD_(id, kind, en, zh, req) id,
enum import_field { HF_IMPORT_COLUMNS(HF_IMPORT_FIELD_) IF__COUNT };
#undef HF_IMPORT_FIELD_
/* The header a rejects file adds (and an import ignores). */
#define IMPORT_PROBLEM_COLUMN "problem"
/* Columns an export writes that an import reads past without a warning: ids and stamps this
 * database gives, a flag only the rules set. */
#define IMPORT_IGNORED_COLUMNS {IMPORT_PROBLEM_COLUMN, "问题", "id", "customer_id", "created", \
	"phone_invalid", "segment", "vip", "recency_days", "frequency", "monetary"}

/* Problems are reported one at a time: the record's line, the column as the file names it
 * (NULL for the whole row), and a translated message. */
typedef void (*import_report_fn)(void *arg, long line, const char *column, const char *msg);

/* Which record column holds each field (-1: none), and the header's names. */
struct import_header {
	enum import_kind kind;
	int col[IF__COUNT];
	size_t ncols;
	char **names;                   /* ncols copies, for messages and the rejects file */
};
/* Map the header record: unknown columns go to warn (and are ignored); a repeated or
 * missing required column goes to report. Returns the number of problems. */
int import_header_map(enum import_kind kind, const struct csv_record *rec,
                      struct import_header *h, import_report_fn report, import_report_fn warn,
                      void *arg);
void import_header_free(struct import_header *h);

/* One row read: the record, which cells were given, and the facts to check in the database. */
struct import_row {
	bool given[IF__COUNT];          /* the cell is not empty */
	struct hf_customer c;           /* customers */
	struct hf_visit v;              /* visits (customer_id left 0) */
	char customer_ext[HF_NAME_MAX]; /* visits: the customer's external id */
};
/* Is the record empty (every cell blank)? Such lines are skipped. */
bool import_blank(const struct csv_record *rec);
/* Read and check one record against the rules file (treatments, teams) and today. Returns
 * the number of problems reported. */
int import_row_read(const struct hf_config *cfg, const struct import_header *h,
                    const struct csv_record *rec, hf_date today, struct import_row *row,
                    import_report_fn report, void *arg);

/* A visit whose every curve call's window closed before `today`: stored as history. */
bool import_visit_is_history(const struct hf_config *cfg, const struct hf_visit *v, hf_date today);

/* Cell readers (exposed for their tests). */
/* YYYY-MM-DD, YYYY/M/D, YYYY.M.D (a time after a space ignored) or an Excel serial day
 * number (61 = 1900-03-01). Impossible dates are refused. */
bool import_date(const char *s, hf_date *out);
/* yes / no, 1 / 0, true / false, 是 / 否. */
bool import_yes_no(const char *s, bool *out);
/* 咨询 手术 疗程 离院 注射 or the codes. */
enum hf_visit_kind import_visit_kind(const char *s);
/* Whole yuan: digits with optional thousands commas, a leading ¥ and decimals (rounded). */
bool import_amount(const char *s, long long *out);

#endif
