/* store-upsert.c — customers and visits found by what an imported file knows of them
 * (external id, phone, visit day and kind), and updated in place. */
#include <stdlib.h>
#include <string.h>

#include "huifang/str.h"
#include "store-int.h"

/* The id a one-row query finds: 0 for none, -1 on a failure. */
static hf_id find_id(struct store *st, const char *sql, const char *name, const char *value)
{
	long long id = 0;
	enum store_found f = store_int(st, &id, sql, name, 't', value, NULL);
	return f == STORE_FOUND ? id : f == STORE_NONE ? 0 : -1;
}

hf_id store_customer_by_external(struct store *st, const char *external_id)
{
	return find_id(st, "SELECT id FROM customer WHERE external_id = :x", ":x", external_id);
}

hf_id store_customer_by_phone(struct store *st, const char *phone, bool without_external)
{
	if (without_external)
		return find_id(st, "SELECT id FROM customer WHERE phone = :p AND external_id IS NULL "
		                   "ORDER BY id LIMIT 1", ":p", phone);
	return find_id(st, "SELECT id FROM customer WHERE phone = :p ORDER BY id LIMIT 1", ":p", phone);
}

bool store_customer_update(struct store *st, const struct hf_customer *c)
{
	char bd[16];
	return store_exec(st,
	    "UPDATE customer SET external_id = :ext, name = :name, phone = :phone, gender = :gender, "
	    "birthday = :birthday, consultant = :consultant, source = :source, tags = :tags, "
	    "phone_invalid = :pinv, do_not_call = :dnc WHERE id = :id",
	    ":ext", 't', str_empty(c->external_id) ? NULL : c->external_id, ":name", 't', c->name,
	    ":phone", 't', c->phone, ":gender", 't', c->gender,
	    ":birthday", 't', bind_date(c->birthday, bd), ":consultant", 't', c->consultant,
	    ":source", 't', c->source, ":tags", 't', c->tags,
	    ":pinv", 'i', (long long)c->phone_invalid, ":dnc", 'i', (long long)c->do_not_call,
	    ":id", 'i', (long long)c->id, NULL);
}

enum store_found store_visit_find(struct store *st, hf_id customer, hf_date date, enum hf_visit_kind kind,
                      const char *treatment, struct hf_visit *out)
{
	struct hf_visit *v;
	size_t n;
	if (!store_visits(st, customer, &v, &n))
		return STORE_ERROR;
	enum store_found found = STORE_NONE;
	for (size_t i = 0; i < n && !found; i++) {
		if (v[i].date == date && v[i].kind == kind && str_eq(v[i].treatment, treatment)) {
			*out = v[i];
			found = STORE_FOUND;
		}
	}
	free(v);
	return found;
}

bool store_visit_update(struct store *st, const struct hf_visit *v)
{
	char ce[16];
	return store_exec(st,
	    "UPDATE visit SET doctor = :doctor, team = :team, course_end = :ce, amount = :amount "
	    "WHERE id = :id",
	    ":doctor", 't', v->doctor, ":team", 't', v->team, ":ce", 't', bind_date(v->course_end, ce),
	    ":amount", 'i', (long long)v->amount, ":id", 'i', (long long)v->id, NULL);
}

bool store_visit_mark_history(struct store *st, hf_id visit)
{
	return store_exec(st, "UPDATE visit SET planned = 1 WHERE id = :id", ":id", 'i',
	                  (long long)visit, NULL);
}
