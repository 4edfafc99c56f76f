/* The shared conformance vectors (every JSON file of tests/vectors) through the C ABI: for
 * each case the complete report must be, byte for byte, the blessed one. The blessed report is
 * taken from the file as written (by serde_json) and made compact, which is exactly the core's
 * report text.
 *
 * Each single-input case also checks that the other ways of asking agree: the report handle
 * (its JSON, its summary and each issue's fields), cen_validate_summary, a NUL-terminated copy
 * of the input, and for JSON values the pretty-printed text as it stands in the file.
 *
 * It also runs the shared look-up cases (tests/lookups/forgiving.json, beside VECTORS_DIR, spec
 * 5.3b) through cen_lookup_json: the same entries as on every surface.
 *
 * With a table pack of the built-in tables (spec 7.2), every case runs once more with validators
 * made from it, and must give the same bytes.
 *
 * Usage: test_vectors VECTORS_DIR [BUILTIN_PACK] */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "cen.h"
#include "check.h"
#include "minijson.h"

/* An input of a case as the bytes to pass. */
typedef struct input {
    char *bytes;
    size_t len;
} input;

static char *decode_hex(mj_span value, size_t *len)
{
    size_t n, i;
    char *text = mj_string(value, &n);
    char *out;
    if (text == NULL || n % 2 != 0) {
        free(text);
        return NULL;
    }
    out = malloc(n / 2 + 1);
    for (i = 0; out != NULL && i < n / 2; i++) {
        unsigned int byte;
        if (sscanf(text + 2 * i, "%2x", &byte) != 1) {
            free(out);
            out = NULL;
            break;
        }
        out[i] = (char)byte;
    }
    if (out != NULL) {
        out[n / 2] = '\0';
        *len = n / 2;
    }
    free(text);
    return out;
}

/* A batch item or input: a string is JSON text, anything else a JSON value sent as its text. */
static input item_input(mj_span value)
{
    input in;
    in.bytes = mj_is_string(value) ? mj_string(value, &in.len) : mj_compact(value, &in.len);
    return in;
}

static int report_is(const char *found, const char *expected, const char *name, const char *how)
{
    int same = found != NULL && strcmp(found, expected) == 0;
    CHECK(same, "%s (%s):\n  expected %s\n  found    %s", name, how, expected,
          found ? found : "(null)");
    return same;
}

/* Every field of the report handle agrees with the blessed report. */
static void check_handle(const cen_validator *v, const input *in, mj_span blessed,
                         const char *expected, const char *name)
{
    cen_report *r = NULL;
    cen_summary s, direct;
    char *json = NULL;
    mj_span valid, quality, counts, n_error, n_warning, n_info, issues, issue;
    mj_iter it;
    size_t index = 0;

    CHECK(cen_validate_report(v, in->bytes, in->len, &r) == CEN_OK, "%s: %s", name,
          cen_last_error());
    CHECK(cen_report_json(r, &json) == CEN_OK, "%s: %s", name, cen_last_error());
    report_is(json, expected, name, "cen_report_json");
    cen_string_free(json);

    CHECK(cen_report_summary(r, &s) == CEN_OK, "%s", name);
    CHECK(cen_validate_summary(v, in->bytes, in->len, &direct) == CEN_OK, "%s", name);
    if (!(mj_get(blessed, "valid", &valid) && mj_get(blessed, "quality", &quality) &&
          mj_get(blessed, "counts", &counts) && mj_get(counts, "error", &n_error) &&
          mj_get(counts, "warning", &n_warning) && mj_get(counts, "info", &n_info) &&
          mj_get(blessed, "issues", &issues) && mj_iter_begin(issues, &it))) {
        CHECK(0, "%s: the blessed report lacks a field", name);
        cen_report_free(r);
        return;
    }
    CHECK(s.valid == (valid.start[0] == 't'), "%s: valid %d", name, s.valid);
    CHECK(s.quality == atoi(quality.start), "%s: quality %d", name, s.quality);
    CHECK(s.error_count == strtoul(n_error.start, NULL, 10), "%s: errors", name);
    CHECK(s.warning_count == strtoul(n_warning.start, NULL, 10), "%s: warnings", name);
    CHECK(s.info_count == strtoul(n_info.start, NULL, 10), "%s: infos", name);
    CHECK(s.issue_count == s.error_count + s.warning_count + s.info_count, "%s", name);
    CHECK(memcmp(&s, &direct, sizeof s) == 0, "%s: cen_validate_summary differs", name);

    while (mj_next(&it, NULL, &issue)) {
        cen_issue got;
        mj_span f;
        size_t len;
        char *text;
        if (cen_report_issue(r, index, &got) != CEN_OK) {
            CHECK(0, "%s: issue %lu: %s", name, (unsigned long)index, cen_last_error());
            break;
        }
        index++;
        if (mj_get(issue, "rule", &f) && (text = mj_string(f, &len)) != NULL) {
            CHECK_STR(got.rule, text);
            free(text);
        }
        if (mj_get(issue, "severity", &f) && (text = mj_string(f, &len)) != NULL) {
            CHECK_STR(got.severity, text);
            free(text);
        }
        if (mj_get(issue, "path", &f) && (text = mj_string(f, &len)) != NULL) {
            CHECK(got.path_len == len && memcmp(got.path, text, len) == 0 && got.path[len] == 0,
                  "%s: path %s", name, text);
            free(text);
        }
        if (mj_get(issue, "message", &f) && (text = mj_string(f, &len)) != NULL) {
            CHECK(got.message_len == len && memcmp(got.message, text, len) == 0,
                  "%s: message %s", name, text);
            free(text);
        }
        if (mj_get(issue, "params", &f) && (text = mj_compact(f, &len)) != NULL) {
            CHECK_STR(got.params_json, text);
            free(text);
        }
    }
    CHECK(index == s.issue_count, "%s: %lu issues read", name, (unsigned long)index);
    CHECK(cen_report_issue(r, index, &(cen_issue){0}) == CEN_ERR_ARGUMENT, "%s", name);
    cen_report_free(r);
}

static void run_single(const cen_validator *v, mj_span c, const char *name)
{
    mj_span value, blessed;
    input in = {NULL, 0};
    char *expected, *found = NULL;
    size_t expected_len;
    int is_value = 0;

    if (mj_get(c, "input", &value)) {
        in.bytes = mj_compact(value, &in.len);
        is_value = 1;
    } else if (mj_get(c, "input_text", &value)) {
        in.bytes = mj_string(value, &in.len);
    } else if (mj_get(c, "input_hex", &value)) {
        in.bytes = decode_hex(value, &in.len);
    }
    if (in.bytes == NULL || !mj_get(c, "report", &blessed)) {
        CHECK(0, "%s: no readable input or report", name);
        free(in.bytes);
        return;
    }
    expected = mj_compact(blessed, &expected_len);

    CHECK(cen_validate(v, in.bytes, in.len, &found) == CEN_OK, "%s: %s", name, cen_last_error());
    report_is(found, expected, name, "cen_validate");
    cen_string_free(found);

    check_handle(v, &in, blessed, expected, name);

    if (memchr(in.bytes, '\0', in.len) == NULL) {
        /* The buffers from minijson end with a NUL byte. */
        found = NULL;
        CHECK(cen_validate(v, in.bytes, CEN_NUL_TERMINATED, &found) == CEN_OK, "%s", name);
        report_is(found, expected, name, "CEN_NUL_TERMINATED");
        cen_string_free(found);
    }
    if (is_value) {
        found = NULL;
        CHECK(cen_validate(v, value.start, value.len, &found) == CEN_OK, "%s", name);
        report_is(found, expected, name, "pretty-printed text");
        cen_string_free(found);
    }
    free(expected);
    free(in.bytes);
}

static void run_batch(const cen_validator *v, mj_span c, mj_span batch, const char *name)
{
    mj_span reports, item, blessed;
    mj_iter items, expected_reports;
    cen_batch *b = NULL;
    size_t count = 0;

    if (!mj_get(c, "reports", &reports) || !mj_iter_begin(batch, &items) ||
        !mj_iter_begin(reports, &expected_reports)) {
        CHECK(0, "%s: a batch without reports", name);
        return;
    }
    CHECK(cen_batch_new(v, &b) == CEN_OK, "%s: %s", name, cen_last_error());
    while (mj_next(&items, NULL, &item)) {
        input in = item_input(item);
        char *found = NULL, *expected;
        size_t expected_len;
        count++;
        if (!mj_next(&expected_reports, NULL, &blessed) || in.bytes == NULL) {
            CHECK(0, "%s: item %lu has no blessed report", name, (unsigned long)count);
            free(in.bytes);
            break;
        }
        expected = mj_compact(blessed, &expected_len);
        CHECK(cen_batch_validate(b, in.bytes, in.len, &found) == CEN_OK, "%s", name);
        report_is(found, expected, name, "cen_batch_validate");
        cen_string_free(found);
        free(expected);
        free(in.bytes);
    }
    CHECK(!mj_next(&expected_reports, NULL, &blessed), "%s: more reports than items", name);
    cen_batch_free(b);
}

/* The tables of the validators: the built-in ones, or a pack given on the command line. */
static cen_tables *pack = NULL;

/* Runs every case of one file; returns how many cases it holds. */
static unsigned run_file(const char *path)
{
    size_t len;
    char *text = mj_read_file(path, &len);
    mj_span doc, cases, c, batch, options, name_span;
    mj_iter it;
    unsigned count = 0;

    if (text == NULL || !mj_parse(text, len, &doc) || !mj_get(doc, "cases", &cases) ||
        !mj_iter_begin(cases, &it)) {
        CHECK(0, "%s: not a vector file", path);
        free(text);
        return 0;
    }
    while (mj_next(&it, NULL, &c)) {
        size_t n;
        char *name = mj_get(c, "name", &name_span) ? mj_string(name_span, &n) : NULL;
        char *options_text = mj_get(c, "options", &options) ? mj_compact(options, &n) : NULL;
        cen_validator *v = NULL;
        count++;
        if (name == NULL || options_text == NULL) {
            CHECK(0, "%s: case %u has no name or options", path, count);
        } else if ((pack == NULL ? cen_validator_new(options_text, &v)
                                 : cen_validator_new_with_tables(options_text, pack, &v)) != CEN_OK) {
            CHECK(0, "%s: options %s: %s", name, options_text, cen_last_error());
        } else if (mj_get(c, "batch", &batch)) {
            run_batch(v, c, batch, name);
        } else {
            run_single(v, c, name);
        }
        cen_validator_free(v);
        free(options_text);
        free(name);
    }
    free(text);
    return count;
}

/* The shared look-up cases: each finds the entry with the expected code, or none. A C string
 * cannot hold a NUL byte: those cases are skipped. Returns how many cases ran. */
static unsigned run_lookups(const char *path)
{
    size_t len = 0;
    char *text = mj_read_file(path, &len);
    mj_span doc, cases, c, key;
    mj_iter it;
    unsigned count = 0;
    CHECK(text != NULL && mj_parse(text, len, &doc) && mj_get(doc, "cases", &cases) &&
              mj_iter_begin(cases, &it),
          "%s: not a file of look-up cases", path);
    if (text == NULL || !mj_parse(text, len, &doc) || !mj_get(doc, "cases", &cases) ||
        !mj_iter_begin(cases, &it)) {
        free(text);
        return 0;
    }
    while (mj_next(&it, &key, &c)) {
        mj_span name_v, table_v, code_v, found_v, entry, entry_code;
        size_t code_len = 0, n = 0;
        char *name, *table, *code, *expected, *out = NULL, *got = NULL;
        int status;
        if (!mj_get(c, "name", &name_v) || !mj_get(c, "table", &table_v) ||
            !mj_get(c, "code", &code_v) || !mj_get(c, "found", &found_v)) {
            CHECK(0, "%s: a case lacks name, table, code or found", path);
            continue;
        }
        name = mj_string(name_v, &n);
        table = mj_string(table_v, &n);
        code = mj_string(code_v, &code_len);
        expected = mj_is_string(found_v) ? mj_string(found_v, &n) : NULL;
        if (code != NULL && strlen(code) == code_len) {
            count++;
            status = cen_lookup_json(table, code, NULL, &out);
            if (expected == NULL) {
                CHECK(status == CEN_ERR_NOT_FOUND && out == NULL, "%s: found %s", name,
                      check_shown(out));
            } else if (status != CEN_OK || !mj_parse(out, strlen(out), &entry) ||
                       !mj_get(entry, "code", &entry_code)) {
                CHECK(0, "%s: status %d: %s", name, status, check_shown(cen_last_error()));
            } else {
                got = mj_string(entry_code, &n);
                CHECK(check_same(got, expected), "%s: found %s, expected %s", name,
                      check_shown(got), expected);
            }
        }
        cen_string_free(out);
        free(got);
        free(expected);
        free(code);
        free(table);
        free(name);
    }
    free(text);
    return count;
}

static int is_vector_file(const struct dirent *entry)
{
    size_t n = strlen(entry->d_name);
    return n > 5 && strcmp(entry->d_name + n - 5, ".json") == 0;
}

int main(int argc, char **argv)
{
    struct dirent **entries = NULL;
    int files, i;
    unsigned cases = 0;
    int round;
    if (argc != 2 && argc != 3) {
        fprintf(stderr, "usage: %s VECTORS_DIR [BUILTIN_PACK]\n", argv[0]);
        return 2;
    }
    files = scandir(argv[1], &entries, is_vector_file, alphasort);
    CHECK(files > 0, "no vector files in %s", argv[1]);
    for (round = 0; round < argc - 1; round++) {
        cases = 0;
        if (round == 1) {
            CHECK(cen_tables_load(argv[2], &pack) == CEN_OK, "%s: %s", argv[2], cen_last_error());
            if (pack == NULL) {
                break;
            }
        }
        for (i = 0; i < files; i++) {
            char path[4096];
            snprintf(path, sizeof path, "%s/%s", argv[1], entries[i]->d_name);
            cases += run_file(path);
        }
        /* As the Rust runner: a vector directory that lost its cases must not pass quietly. */
        CHECK(cases >= 150, "only %u cases", cases);
        printf("%u cases in %d files%s\n", cases, files, pack ? ", with the pack" : "");
    }
    for (i = 0; i < files; i++) {
        free(entries[i]);
    }
    free(entries);
    cen_tables_free(pack);
    {
        char path[4096];
        unsigned lookups;
        snprintf(path, sizeof path, "%s/../lookups/forgiving.json", argv[1]);
        lookups = run_lookups(path);
        CHECK(lookups >= 20, "only %u look-up cases", lookups);
        printf("%u look-up cases\n", lookups);
    }
    return check_finish("vectors");
}
