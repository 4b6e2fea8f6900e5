/* threads.c - which container a thread is in: threads table, then /proc. */
#include "ctr_plugin.h"

#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int proc_cgroup(sk_ctr_plugin_t *p, int64_t tid, sk_ctr_ref_t *ref)
{
	char path[320], buf[8192];
	snprintf(path, sizeof(path), "%s/%lld/cgroup", p->proc_root, (long long)tid);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	p->n_proc_reads++;
	if (fd < 0) {
		p->n_proc_fail++;
		return -1;
	}
	ssize_t n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n < 0) {
		p->n_proc_fail++;
		return -1;
	}
	buf[n] = '\0';
	sk_ctr_from_cgroups(buf, (size_t)n, ref);
	return 0;
}

void sk_ctr_tid_forget(sk_ctr_plugin_t *p, int64_t tid)
{
	if (!p->tids || tid <= 0)
		return;
	sk_ctr_tid_slot_t *s = &p->tids[(uint64_t)tid & (SK_CTR_TID_CACHE - 1)];
	if (s->tid == tid)
		s->tid = 0;
}

typedef struct cg_walk {
	sk_ctr_plugin_t *p;
	ss_plugin_table_t *sub;
	ss_plugin_table_reader_vtable_ext *r;
	char buf[8192];
	size_t len;
} cg_walk_t;

/* One cgroups entry: appended as "subsystem=path\n", the /proc format the
 * parser reads. */
static ss_plugin_bool cg_entry(ss_plugin_table_iterator_state_t *s, ss_plugin_table_entry_t *e)
{
	cg_walk_t *w = (cg_walk_t *)s;
	ss_plugin_state_data a, b;
	if (w->r->read_entry_field(w->sub, e, w->p->f_cg_first, &a) != SS_PLUGIN_SUCCESS ||
		w->r->read_entry_field(w->sub, e, w->p->f_cg_second, &b) != SS_PLUGIN_SUCCESS)
		return 1;
	int n = snprintf(w->buf + w->len, sizeof(w->buf) - w->len, "0:%s:%s\n",
		a.str ? a.str : "", b.str ? b.str : "");
	if (n > 0 && (size_t)n < sizeof(w->buf) - w->len)
		w->len += (size_t)n;
	return 1;
}

/* The thread's cgroups through the sub-table; 0 when it has any. */
static int table_cgroups(sk_ctr_plugin_t *p, ss_plugin_table_reader_vtable_ext *r,
	ss_plugin_table_entry_t *e, sk_ctr_ref_t *ref)
{
	ss_plugin_state_data v;
	if (!p->f_cgroups || !r->iterate_entries ||
		r->read_entry_field(p->threads, e, p->f_cgroups, &v) != SS_PLUGIN_SUCCESS || !v.table)
		return -1;
	cg_walk_t w = {.p = p, .sub = v.table, .r = r};
	r->iterate_entries(v.table, cg_entry, (ss_plugin_table_iterator_state_t *)&w);
	if (!w.len)
		return -1;
	sk_ctr_from_cgroups(w.buf, w.len, ref);
	return 0;
}

/* What the threads table says. Returns 0 when the table gave an answer. */
static int from_table(sk_ctr_plugin_t *p, int64_t tid, ss_plugin_table_reader_vtable_ext *r,
	sk_ctr_ref_t *ref, uint64_t *pidns_start)
{
	if (!p->threads || !r || (!p->f_cgroups && !p->f_container_id))
		return -1;
	ss_plugin_state_data key = {.s64 = tid};
	ss_plugin_table_entry_t *e = r->get_table_entry(p->threads, &key);
	if (!e) {
		p->n_table_miss++;
		return -1;
	}
	int rc = -1;
	ss_plugin_state_data v;
	if (p->f_pidns_start && r->read_entry_field(p->threads, e, p->f_pidns_start, &v) ==
		SS_PLUGIN_SUCCESS)
		*pidns_start = v.u64;
	if (table_cgroups(p, r, e, ref) == 0) {
		rc = 0;
	} else if (p->f_container_id && r->read_entry_field(p->threads, e, p->f_container_id, &v) ==
		SS_PLUGIN_SUCCESS && v.str && v.str[0]) {
		/* Written by us earlier (or by another container plugin): the
		 * store remembers the runtime type. */
		snprintf(ref->full_id, sizeof(ref->full_id), "%s", v.str);
		ref->type = SK_CTR_CRI;
		const sk_ctr_entry_t *ce = sk_ctr_store_get(p->store, ref->full_id);
		if (ce) {
			ref->type = ce->ref.type;
			sk_ctr_store_put(p->store);
		}
		rc = 0;
	}
	if (r->release_table_entry)
		r->release_table_entry(p->threads, e);
	return rc;
}

void sk_ctr_resolve(sk_ctr_plugin_t *p, int64_t tid, ss_plugin_table_reader_vtable_ext *reader,
	sk_ctr_ref_t *ref, uint64_t *pidns_start)
{
	sk_ctr_tid_slot_t *slot = tid > 0 ? &p->tids[(uint64_t)tid & (SK_CTR_TID_CACHE - 1)] : NULL;
	if (slot && slot->tid == tid) {
		*ref = slot->ref;
		*pidns_start = slot->pidns_start;
		return;
	}
	ref->type = SK_CTR_HOST;
	ref->full_id[0] = '\0';
	*pidns_start = 0;
	if (from_table(p, tid, reader, ref, pidns_start) != 0) {
		if (!p->proc_fallback || tid <= 0 || proc_cgroup(p, tid, ref) != 0) {
			/* Unknown thread: answer host, remember nothing. */
			ref->type = SK_CTR_HOST;
			ref->full_id[0] = '\0';
			return;
		}
	}
	if (slot) {
		slot->tid = tid;
		slot->ref = *ref;
		slot->pidns_start = *pidns_start;
	}
}

void sk_ctr_write_container_id(sk_ctr_plugin_t *p, int64_t tid,
	ss_plugin_table_reader_vtable_ext *reader, ss_plugin_table_writer_vtable_ext *writer,
	const sk_ctr_ref_t *ref)
{
	if (!p->threads || !p->f_container_id || !reader || !writer || !writer->write_entry_field)
		return;
	ss_plugin_state_data key = {.s64 = tid};
	ss_plugin_table_entry_t *e = reader->get_table_entry(p->threads, &key);
	if (!e)
		return;
	ss_plugin_state_data v = {.str = ref->full_id};
	if (writer->write_entry_field(p->threads, e, p->f_container_id, &v) != SS_PLUGIN_SUCCESS)
		p->n_table_write_fail++;
	if (reader->release_table_entry)
		reader->release_table_entry(p->threads, e);
}
