/* Data entry (spec 6) through the C ABI: cen_search_json and cen_form_model_json give the
 * shared vectors of tests/data-entry byte for byte (the blessed answer made compact is the
 * core's text), and refuse what is misuse.
 *
 * Usage: test_entry DATA_ENTRY_DIR */
#include <stdlib.h>
#include <string.h>

#include "cen.h"
#include "check.h"
#include "minijson.h"

static char *member_text(mj_span object, const char *key)
{
    mj_span value;
    size_t len;
    if (!mj_get(object, key, &value)) return NULL;
    return mj_is_string(value) ? mj_string(value, &len) : mj_compact(value, &len);
}

static unsigned run_file(const char *dir, const char *file, const char *answer_key, int search)
{
    char path[4096];
    size_t len;
    char *text;
    mj_span doc, cases, c;
    mj_iter it;
    unsigned count = 0;
    snprintf(path, sizeof path, "%s/%s", dir, file);
    text = mj_read_file(path, &len);
    CHECK(text != NULL, "cannot read %s", path);
    if (text == NULL) return 0;
    if (!mj_parse(text, len, &doc) || !mj_get(doc, "cases", &cases) || !mj_iter_begin(cases, &it)) {
        CHECK(0, "%s is not a data-entry file", path);
        free(text);
        return 0;
    }
    while (mj_next(&it, NULL, &c)) {
        char *name = member_text(c, "name");
        char *options = member_text(c, "options");
        char *expected = member_text(c, answer_key);
        char *found = NULL;
        int status;
        if (search) {
            char *table = member_text(c, "table");
            char *query = member_text(c, "query");
            status = cen_search_json(table, query, options, &found);
            free(table);
            free(query);
        } else {
            status = cen_form_model_json(options, &found);
        }
        CHECK(status == CEN_OK, "%s: status %d: %s", check_shown(name), status, cen_last_error());
        CHECK(expected != NULL && check_same(found, expected), "%s: the answer differs", check_shown(name));
        cen_string_free(found);
        free(expected);
        free(options);
        free(name);
        count++;
    }
    free(text);
    return count;
}

int main(int argc, char **argv)
{
    char *out = (char *)1;
    unsigned cases;
    if (argc != 2) {
        fprintf(stderr, "usage: %s DATA_ENTRY_DIR\n", argv[0]);
        return 2;
    }
    cases = run_file(argv[1], "search.json", "results", 1) + run_file(argv[1], "form-model.json", "model", 0);
    CHECK(cases >= 30, "only %u cases", cases);

    /* Santos, by name. */
    CHECK(cen_search_json("seaport", "santos", "{\"limit\": 1}", &out) == CEN_OK, "%s", cen_last_error());
    CHECK_HAS(out, "\"code\":\"BRSSZ\"");
    cen_string_free(out);
    /* Bytes that are not UTF-8 are still a query. */
    CHECK(cen_search_json("location", "S\xe3o Paulo\xff", NULL, &out) == CEN_OK, "%s", cen_last_error());
    CHECK(out != NULL && out[0] == '[', "a list");
    cen_string_free(out);

    /* Misuse. */
    out = (char *)1;
    CHECK(cen_search_json("planets", "mars", NULL, &out) == CEN_ERR_ARGUMENT, "unknown table");
    CHECK(out == NULL, "out is NULL on failure");
    CHECK_HAS(cen_last_error(), "unknown table");
    CHECK(cen_search_json("country", NULL, NULL, &out) == CEN_ERR_NULL, "NULL query");
    CHECK(cen_search_json(NULL, "de", NULL, &out) == CEN_ERR_NULL, "NULL table");
    CHECK(cen_search_json("country", "de", NULL, NULL) == CEN_ERR_NULL, "NULL out");
    CHECK(cen_search_json("country", "de", "{\"limit\": -1}", &out) == CEN_ERR_OPTIONS, "bad limit");
    CHECK(cen_form_model_json("{\"profile\": {\"commodities\": []}}", &out) == CEN_ERR_OPTIONS, "empty areas");
    CHECK_HAS(cen_last_error(), "commodities");
    CHECK(cen_form_model_json(NULL, NULL) == CEN_ERR_NULL, "NULL out");
    CHECK(cen_form_model_json(NULL, &out) == CEN_OK, "default options");
    CHECK_HAS(out, "\"form\":\"long\"");
    cen_string_free(out);
    printf("%u cases\n", cases);
    return check_finish("entry");
}
