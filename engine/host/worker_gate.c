/* worker_gate.c - the start gate a runtime's workers wait on after opening
 * their sources (see worker.h). */
#include "worker.h"

void sk_worker_gate_init(sk_worker_gate_t *g)
{
	pthread_mutex_init(&g->lock, NULL);
	pthread_cond_init(&g->cond, NULL);
	g->state = 0;
}

void sk_worker_gate_set(sk_worker_gate_t *g, int state)
{
	pthread_mutex_lock(&g->lock);
	if (g->state == 0)
		g->state = state;
	pthread_cond_broadcast(&g->cond);
	pthread_mutex_unlock(&g->lock);
}

void sk_worker_gate_destroy(sk_worker_gate_t *g)
{
	pthread_cond_destroy(&g->cond);
	pthread_mutex_destroy(&g->lock);
}

bool sk__worker_gate_wait(sk_worker_gate_t *g)
{
	if (!g)
		return true;
	pthread_mutex_lock(&g->lock);
	while (g->state == 0)
		pthread_cond_wait(&g->cond, &g->lock);
	bool go = g->state > 0;
	pthread_mutex_unlock(&g->lock);
	return go;
}
