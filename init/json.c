/* json.c: strict RFC 8259. Accepts exactly the grammar: no comments, no trailing commas,
 * no BOM, no leading zeros, no control characters in strings, UTF-8 validated (no overlong
 * forms, no surrogates, nothing past U+10FFFF), lone \u surrogates refused, at most
 * JSON_MAX_DEPTH arrays and objects inside one another, nothing after the value but white space. Duplicate keys and what the
 * values mean are the caller's business. */
#include <string.h>

#include "json.h"
#include "mem.h"

#define CHUNK_NODES 256

struct jchunk {
	struct jchunk *next;
	struct jnode nodes[CHUNK_NODES];
};

struct parser {
	const unsigned char *s;
	size_t len, pos;
	char *out;              /* where the next decoded string goes */
	struct jdoc *doc;
	struct jerr *err;
};

static int fail(struct parser *p, size_t off, const char *msg)
{
	p->err->off = off;
	p->err->msg = msg;
	return -1;
}

static struct jnode *new_node(struct parser *p, enum jtype t)
{
	struct jdoc *d = p->doc;
	if (!d->chunks || d->used == CHUNK_NODES) {
		struct jchunk *c = mem_alloc(sizeof *c);
		if (!c)
			return NULL;
		c->next = d->chunks;
		d->chunks = c;
		d->used = 0;
	}
	struct jnode *n = &d->chunks->nodes[d->used++];
	n->type = t;
	n->off = p->pos;
	return n;
}

static void skip_ws(struct parser *p)
{
	while (p->pos < p->len && (p->s[p->pos] == ' ' || p->s[p->pos] == '\t' ||
				   p->s[p->pos] == '\n' || p->s[p->pos] == '\r'))
		p->pos++;
}

/* utf8_len: the length of the valid UTF-8 sequence at s (n bytes left), or 0. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
	unsigned c = s[0];
	size_t k;
	unsigned lo = 0x80, hi = 0xbf;
	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		k = 2;
	else if (c >= 0xe0 && c <= 0xef) {
		k = 3;
		if (c == 0xe0) lo = 0xa0;          /* overlong */
		if (c == 0xed) hi = 0x9f;          /* surrogates */
	} else if (c >= 0xf0 && c <= 0xf4) {
		k = 4;
		if (c == 0xf0) lo = 0x90;          /* overlong */
		if (c == 0xf4) hi = 0x8f;          /* past U+10FFFF */
	} else
		return 0;
	if (n < k || s[1] < lo || s[1] > hi)
		return 0;
	for (size_t i = 2; i < k; i++)
		if (s[i] < 0x80 || s[i] > 0xbf)
			return 0;
	return k;
}

static int hex4(const unsigned char *s, unsigned *v)
{
	*v = 0;
	for (int i = 0; i < 4; i++) {
		unsigned c = s[i], d;
		if (c >= '0' && c <= '9') d = c - '0';
		else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
		else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
		else return -1;
		*v = *v << 4 | d;
	}
	return 0;
}

static char *put_utf8(char *o, unsigned cp)
{
	if (cp < 0x80) {
		*o++ = (char)cp;
	} else if (cp < 0x800) {
		*o++ = (char)(0xc0 | cp >> 6);
		*o++ = (char)(0x80 | (cp & 0x3f));
	} else if (cp < 0x10000) {
		*o++ = (char)(0xe0 | cp >> 12);
		*o++ = (char)(0x80 | (cp >> 6 & 0x3f));
		*o++ = (char)(0x80 | (cp & 0x3f));
	} else {
		*o++ = (char)(0xf0 | cp >> 18);
		*o++ = (char)(0x80 | (cp >> 12 & 0x3f));
		*o++ = (char)(0x80 | (cp >> 6 & 0x3f));
		*o++ = (char)(0x80 | (cp & 0x3f));
	}
	return o;
}

/* string: at the opening quote; decodes into p->out. */
static int string(struct parser *p, const char **str, size_t *len)
{
	const unsigned char *s = p->s;
	char *start = p->out, *o = p->out;
	size_t open = p->pos++;
	for (;;) {
		if (p->pos >= p->len)
			return fail(p, open, "unterminated string");
		unsigned c = s[p->pos];
		if (c == '"')
			break;
		if (c < 0x20)
			return fail(p, p->pos, "control character in string");
		if (c < 0x80 && c != '\\') { /* most of a config: a run of plain bytes, as they are */
			size_t pos = p->pos, end = p->len;
			do
				*o++ = (char)c;
			while (++pos < end && (c = s[pos]) >= 0x20 && c < 0x80 && c != '"' && c != '\\');
			p->pos = pos;
			continue;
		}
		if (c != '\\') {
			size_t k = utf8_len(s + p->pos, p->len - p->pos);
			if (!k)
				return fail(p, p->pos, "invalid UTF-8");
			memcpy(o, s + p->pos, k);
			o += k;
			p->pos += k;
			continue;
		}
		if (p->pos + 1 >= p->len)
			return fail(p, p->pos, "unterminated string");
		size_t esc = p->pos;
		const char *from = "\"\\/bfnrt", *to = "\"\\/\b\f\n\r\t", *hit;
		c = s[p->pos + 1];
		if (c != 'u') {
			if (!c || !(hit = strchr(from, (int)c)))
				return fail(p, esc, "invalid escape");
			*o++ = to[hit - from];
			p->pos += 2;
			continue;
		}
		unsigned cp, lo;
		if (p->pos + 6 > p->len || hex4(s + p->pos + 2, &cp))
			return fail(p, esc, "invalid \\u escape");
		p->pos += 6;
		if (cp >= 0xdc00 && cp <= 0xdfff)
			return fail(p, esc, "lone surrogate in \\u escape");
		if (cp >= 0xd800 && cp <= 0xdbff) {
			if (p->pos + 6 > p->len || s[p->pos] != '\\' || s[p->pos + 1] != 'u' ||
			    hex4(s + p->pos + 2, &lo) || lo < 0xdc00 || lo > 0xdfff)
				return fail(p, esc, "lone surrogate in \\u escape");
			cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
			p->pos += 6;
		}
		o = put_utf8(o, cp);
	}
	p->pos++;
	*o++ = 0;
	*str = start;
	*len = (size_t)(o - start - 1);
	p->out = o;
	return 0;
}

static int digits(struct parser *p)
{
	size_t from = p->pos;
	while (p->pos < p->len && p->s[p->pos] >= '0' && p->s[p->pos] <= '9')
		p->pos++;
	return p->pos > from ? 0 : fail(p, p->pos, "invalid number");
}

static int number(struct parser *p, struct jnode *n)
{
	size_t from = p->pos;
	if (p->s[p->pos] == '-')
		p->pos++;
	if (p->pos < p->len && p->s[p->pos] == '0')
		p->pos++;
	else if (digits(p))
		return -1;
	if (p->pos < p->len && p->s[p->pos] == '.') {
		p->pos++;
		if (digits(p))
			return -1;
	}
	if (p->pos < p->len && (p->s[p->pos] == 'e' || p->s[p->pos] == 'E')) {
		p->pos++;
		if (p->pos < p->len && (p->s[p->pos] == '+' || p->s[p->pos] == '-'))
			p->pos++;
		if (digits(p))
			return -1;
	}
	n->len = p->pos - from;
	memcpy(p->out, p->s + from, n->len);
	p->out[n->len] = 0;
	n->str = p->out;
	p->out += n->len + 1;
	return 0;
}

static int value(struct parser *p, struct jnode **out, int depth);

/* members: an array's elements or an object's members, after the opening bracket. */
static int members(struct parser *p, struct jnode *n, int object, int depth)
{
	struct jnode **tail = &n->child;
	char close = object ? '}' : ']';
	p->pos++;
	skip_ws(p);
	if (p->pos < p->len && p->s[p->pos] == close) {
		p->pos++;
		return 0;
	}
	for (;;) {
		const char *key = NULL;
		size_t key_len = 0, key_off = p->pos;
		if (object) {
			if (p->pos >= p->len || p->s[p->pos] != '"')
				return fail(p, p->pos, "expected a string key");
			if (string(p, &key, &key_len))
				return -1;
			skip_ws(p);
			if (p->pos >= p->len || p->s[p->pos] != ':')
				return fail(p, p->pos, "expected ':'");
			p->pos++;
		}
		if (value(p, tail, depth + 1))
			return -1;
		(*tail)->key = key;
		(*tail)->key_len = key_len;
		(*tail)->key_off = key_off;
		tail = &(*tail)->next;
		skip_ws(p);
		if (p->pos < p->len && p->s[p->pos] == ',') {
			p->pos++;
			skip_ws(p);
			continue;
		}
		if (p->pos < p->len && p->s[p->pos] == close) {
			p->pos++;
			return 0;
		}
		return fail(p, p->pos, object ? "expected ',' or '}'" : "expected ',' or ']'");
	}
}

static int literal(struct parser *p, const char *word)
{
	size_t k = strlen(word);
	if (p->len - p->pos < k || memcmp(p->s + p->pos, word, k))
		return fail(p, p->pos, "invalid literal");
	p->pos += k;
	return 0;
}

static int value(struct parser *p, struct jnode **out, int depth)
{
	struct jnode *n;
	skip_ws(p);
	if (p->pos >= p->len)
		return fail(p, p->pos, "expected a value");
	unsigned char c = p->s[p->pos];
	enum jtype t = c == '{' ? J_OBJECT : c == '[' ? J_ARRAY : c == '"' ? J_STRING :
		       c == 't' ? J_TRUE : c == 'f' ? J_FALSE : c == 'n' ? J_NULL : J_NUMBER;
	if ((t == J_OBJECT || t == J_ARRAY) && depth >= JSON_MAX_DEPTH)
		return fail(p, p->pos, "nested too deeply");
	if (!(n = *out = new_node(p, t)))
		return fail(p, p->pos, "out of memory");
	switch (t) {
	case J_OBJECT: return members(p, n, 1, depth);
	case J_ARRAY:  return members(p, n, 0, depth);
	case J_STRING: return string(p, &n->str, &n->len);
	case J_TRUE:   return literal(p, "true");
	case J_FALSE:  return literal(p, "false");
	case J_NULL:   return literal(p, "null");
	case J_NUMBER:
		if (c != '-' && (c < '0' || c > '9'))
			return fail(p, p->pos, "expected a value");
		return number(p, n);
	}
	return -1;
}

void json_free(struct jdoc *doc)
{
	while (doc->chunks) {
		struct jchunk *c = doc->chunks;
		doc->chunks = c->next;
		mem_free(c);
	}
	mem_free(doc->strings);
	memset(doc, 0, sizeof *doc);
}

int json_parse(const char *buf, size_t len, struct jdoc *doc, struct jerr *err)
{
	/* Decoded strings and number literals never outgrow the input: each string loses
	 * at least its two quotes, which pays for its NUL; a number is followed by a
	 * delimiter or the end, which the +1 pays for. */
	struct parser p = { .s = (const unsigned char *)buf, .len = len, .doc = doc, .err = err };
	memset(doc, 0, sizeof *doc);
	if (!(doc->strings = p.out = mem_alloc(len + 1)))
		return fail(&p, 0, "out of memory");
	if (value(&p, &doc->root, 0) == 0) {
		skip_ws(&p);
		if (p.pos == p.len)
			return 0;
		fail(&p, p.pos, "unexpected data after the value");
	}
	json_free(doc);
	return -1;
}
