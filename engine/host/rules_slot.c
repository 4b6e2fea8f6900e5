/* The ruleset workers read: swapped on reload, read at batch boundaries. */
#include "worker.h"

void sk_rules_slot_init(sk_rules_slot_t *s)
{
	pthread_mutex_init(&s->lock, NULL);
	s->rs = NULL;
	atomic_init(&s->gen, 0);
}

void sk_rules_slot_set(sk_rules_slot_t *s, sk_ruleset_t *rs)
{
	pthread_mutex_lock(&s->lock);
	sk_ruleset_t *old = s->rs;
	s->rs = rs ? sk_ruleset_ref(rs) : NULL;
	atomic_fetch_add(&s->gen, 1);
	pthread_mutex_unlock(&s->lock);
	sk_ruleset_unref(old);
}

sk_ruleset_t *sk_rules_slot_get(sk_rules_slot_t *s, uint64_t *gen)
{
	pthread_mutex_lock(&s->lock);
	sk_ruleset_t *rs = s->rs ? sk_ruleset_ref(s->rs) : NULL;
	*gen = atomic_load(&s->gen);
	pthread_mutex_unlock(&s->lock);
	return rs;
}

void sk_rules_slot_destroy(sk_rules_slot_t *s)
{
	sk_ruleset_unref(s->rs);
	s->rs = NULL;
	pthread_mutex_destroy(&s->lock);
}
