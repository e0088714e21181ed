/* libFuzzer harness for json.c (a glibc host build with ASan and UBSan): any input must
 * parse or be refused cleanly, and an accepted tree must be walkable to its end. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "json.h"

static size_t walk(const struct jnode *n, int depth)
{
	size_t count = 0;
	for (; n; n = n->next) {
		count++;
		if (n->key)
			count += strlen(n->key) <= n->key_len;
		if (n->type == J_STRING || n->type == J_NUMBER)
			count += n->str[n->len] == 0;
		if (depth < JSON_MAX_DEPTH + 1)
			count += walk(n->child, depth + 1);
	}
	return count;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct jdoc doc;
	struct jerr err;
	if (json_parse((const char *)data, size, &doc, &err) == 0) {
		walk(doc.root, 0);
		json_free(&doc);
	} else if (err.off > size || !err.msg) {
		__builtin_trap(); /* an error must point into the input and say something */
	}
	return 0;
}
