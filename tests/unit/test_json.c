/* Unit tests of json.c; with a directory argument, JSONTestSuite's test_parsing files too:
 * y_ must be accepted, n_ refused, i_ either way (never a crash or hang). */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include "json.h"
#include "unit.h"

static int parses(const char *s, size_t n)
{
	struct jdoc d;
	struct jerr e;
	if (json_parse(s, n, &d, &e) < 0)
		return 0;
	json_free(&d);
	return 1;
}
#define OK(lit) CHECK(parses(lit, sizeof lit - 1))
#define NO(lit) CHECK(!parses(lit, sizeof lit - 1))

static void suite(const char *dir)
{
	struct dirent *e;
	DIR *d = opendir(dir);
	int files = 0;
	CHECK(d != NULL);
	while (d && (e = readdir(d))) {
		char path[1024], *buf;
		long n;
		FILE *f;
		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		if (!(f = fopen(path, "rb")))
			continue;
		fseek(f, 0, SEEK_END);
		n = ftell(f);
		rewind(f);
		buf = malloc((size_t)n + 1);
		if (buf && fread(buf, 1, (size_t)n, f) == (size_t)n) {
			int ok = parses(buf, (size_t)n);
			files++;
			if (e->d_name[0] == 'y' && !ok)
				fprintf(stderr, "FAILED: %s refused\n", e->d_name), unit_failed++;
			else if (e->d_name[0] == 'n' && ok)
				fprintf(stderr, "FAILED: %s accepted\n", e->d_name), unit_failed++;
			else
				unit_passed++;
		}
		free(buf);
		fclose(f);
	}
	if (d)
		closedir(d);
	CHECK(files > 300);
}

int main(int argc, char **argv)
{
	struct jdoc d;
	struct jerr e;
	OK("{}");
	OK(" [1, -0, 0.5, 1e10, -1E-2, true, false, null, \"\\u00e9\\ud83d\\ude00\"] ");
	OK("\"a\\u0000b\"");          /* JSON allows NUL; the OCI layer refuses it */
	OK("{\"a\":1,\"a\":2}");      /* duplicates too */
	NO("");
	NO("[1,]");
	NO("{\"a\" 1}");
	NO("01");
	NO("1.");
	NO("-");
	NO("[\"\t\"]");               /* raw control character */
	NO("\"\\ud800\"");            /* lone surrogate */
	NO("\"\xc0\xaf\"");           /* overlong */
	NO("\"\xed\xa0\x80\"");       /* UTF-8 surrogate */
	NO("\"\xf4\x90\x80\x80\"");   /* past U+10FFFF */
	NO("\xef\xbb\xbf{}");         /* BOM */
	NO("{} {}");
	NO("tru");
	char deep[200];
	for (int i = 0; i < 200; i++)
		deep[i] = i < 100 ? '[' : ']';
	CHECK(!parses(deep, 200));
	CHECK(parses(deep + 100 - JSON_MAX_DEPTH - 1, 2 * (JSON_MAX_DEPTH + 1)) == 0); /* 65 deep */
	CHECK(parses(deep + 100 - JSON_MAX_DEPTH, 2 * JSON_MAX_DEPTH) == 1);           /* 64 deep */

	CHECK(json_parse("{\"k\": \"v\\n\", \"n\": 12}", 21, &d, &e) == 0);
	CHECK(d.root->type == J_OBJECT && d.root->child->type == J_STRING);
	CHECK_STR(d.root->child->key, "k");
	CHECK_STR(d.root->child->str, "v\n");
	CHECK(d.root->child->next->type == J_NUMBER && d.root->child->next->off == 18);
	CHECK_STR(d.root->child->next->str, "12");
	json_free(&d);
	CHECK(json_parse("[1, x]", 6, &d, &e) < 0 && e.off == 4);
	if (argc > 1)
		suite(argv[1]);
	return unit_done("test_json");
}
