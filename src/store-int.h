/* store-int.h — what the store's own files share: the connection struct and migrations. */
#ifndef HUIFANG_STORE_INT_H
#define HUIFANG_STORE_INT_H

#include <sqlite3.h>

#include "huifang/store.h"

struct stmt {
	sqlite3_stmt *h;
	struct store *st;
	char *sql;
	struct stmt *next;
};

struct store {
	sqlite3 *db;
	char *path;
	struct stmt *cache;
	int depth;                      /* open store_begin calls; inner ones are savepoints */
	char err[HF_ERRLEN];
};

int store_migration_count(void);
const char *store_migration(int version);
/* What migration `version` does to the data besides its SQL (inside its transaction). */
bool store_migrate_data(struct store *st, int version);

/* Bind ":name" parameters from a va_list of (name, type, value) triples ended by NULL. */
bool stmt_bind_va(struct stmt *s, va_list ap);

/* Text forms of days and stamps for binding; "" for none. */
const char *bind_date(hf_date d, char buf[16]);
const char *bind_stamp(hf_stamp t, char buf[20]);
hf_date col_date(struct stmt *s, int col);
hf_stamp col_stamp(struct stmt *s, int col);
void col_copy(struct stmt *s, int col, char *dst, size_t size);
/* A one-row read's stmt_step result as what it found. */
enum store_found found_of(int step);
void audit_hash(const char *prev, const char *at, const char *login, const char *action,
                const char *entity, long long entity_id, const char *detail, char out[65]);

#endif
