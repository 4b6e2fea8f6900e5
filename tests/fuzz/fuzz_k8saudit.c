/* libFuzzer target: the k8saudit payload parser, as it receives webhook
 * bodies and file documents. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ka_parse.h"
#include "sk_sdk_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	sk_sdk_qchain_t chain = { 0 };
	ka_parse_stats_t st = { 0 };
	char err[256];
	/* a small event size bound too, so the "too large" path is reached */
	size_t max = size && (data[0] & 1) ? 64 : 1 << 20;
	ka_parse_payload((const char *)data, size, max, &chain, &st, err, sizeof(err));
	sk_sdk_qchain_free(&chain, NULL);
	uint64_t ns;
	char ts[64];
	size_t n = size < sizeof(ts) - 1 ? size : sizeof(ts) - 1;
	for (size_t i = 0; i < n; i++)
		ts[i] = (char)data[i];
	ts[n] = '\0';
	sk_sdk_rfc3339_ns(ts, strlen(ts), &ns);
	return 0;
}
