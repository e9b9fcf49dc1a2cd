#!/usr/bin/env python3
"""rechain.py DB [--old] — rewrite an audit trail the way someone holding the file could.

By default every record of the rows written is recomputed from the rows as they are now, then
every digest and every hash: the chain is whole again after any change (only an anchor kept
outside the file tells). With --old the digests are dropped and the chain hashed as before
digests existed, which makes a database as an earlier huifang left it.

An implementation of the canonical form of util/digest.c of its own, so the tests also check
that the form is the documented one."""
import hashlib
import sqlite3
import sys

SKIPPED = {("task", "claimed_by"), ("task", "claimed_until"), ("customer", "plan_due"),
           ("customer", "plan_rev")}
KEYS = {"user": "login"}


def sha(b):
    return hashlib.sha256(b).hexdigest()


def fnv(b):
    h = 2166136261
    for c in b:
        h = ((h ^ c) * 16777619) & 0xffffffff
    return "%08x" % h


def text(v):
    if v is None:
        return b""
    if isinstance(v, bytes):
        return v
    return str(v).encode()


def typ(v):
    return {type(None): "n", int: "i", float: "r", bytes: "b"}.get(type(v), "t")


def row_digest(db, table, key):
    cur = db.execute(f'SELECT * FROM "{table}" WHERE {KEYS.get(table, "id")} = ?', (key,))
    row = cur.fetchone()
    if row is None:
        return None
    names = [d[0] for d in cur.description]
    form, fp = table.encode() + b"\x1e", ""
    for name, v in zip(names, row):
        if (table, name) in SKIPPED:
            continue
        t = typ(v)
        if t == "n" or text(v) == b"" or (t in "ir" and float(v) == 0):
            fp += "----"
            continue
        one = name.encode() + b"\x1f" + t.encode() + text(v)
        form += one + b"\x1e"
        fp += fnv(one)[:4]
    return sha(form), fp


def main():
    db = sqlite3.connect(sys.argv[1])
    old = "--old" in sys.argv
    prev = "0" * 64
    for (aid, at, login, action, entity, eid, detail) in db.execute(
            "SELECT id, at, login, action, entity, coalesce(entity_id, 0), detail FROM audit "
            "ORDER BY id").fetchall():
        digest = None
        if not old:
            entries = b""
            for (rid, ent, key) in db.execute("SELECT id, entity, row_key FROM audit_row WHERE "
                                              "audit_id = ? ORDER BY id", (aid,)).fetchall():
                got = row_digest(db, ent, key)
                if got:
                    db.execute("UPDATE audit_row SET digest = ?, columns = ? WHERE id = ?",
                               (got[0], got[1], rid))
                else:
                    db.execute("DELETE FROM audit_row WHERE id = ?", (rid,))
                    continue
                entries += f"{ent}\x1f{key}\x1f{got[0]}\x1f{got[1]}\x1e".encode()
            digest = sha(entries)
        s = f"{prev}\x1f{at}\x1f{login}\x1f{action}\x1f{entity}\x1f{eid}\x1f{detail}"
        if digest is not None:
            s += f"\x1f{digest}"
        h = sha(s.encode())
        if old:
            db.execute("UPDATE audit SET prev_hash = ?, hash = ? WHERE id = ?", (prev, h, aid))
        else:
            db.execute("UPDATE audit SET prev_hash = ?, hash = ?, digest = ? WHERE id = ?",
                       (prev, h, digest, aid))
        prev = h
    db.commit()


main()
