/* Every misuse of libcen gives a documented code and a message, never a crash: NULL pointers,
 * bad options, bad arguments. And every bad record gives a report (CEN-SCH-001), not an error:
 * no bytes, bytes that are not UTF-8, NUL bytes, lengths that do not match the text, too
 * large, too deep, not JSON, not an object. */
#include <stdlib.h>
#include <string.h>

#include "cen.h"
#include "check.h"
#include "records.h"

#define LEN(text) (sizeof(text) - 1)
#define MAX_RECORD_BYTES ((size_t)1024 * 1024)

/* A pointer value that a failing call must overwrite with NULL. */
static char sentinel_byte;
#define SENTINEL ((void *)&sentinel_byte)

/* The thread's last message starts with the function's name and says something. */
#define CHECK_ERROR(function, part)                                                  \
    do {                                                                             \
        CHECK(strncmp(cen_last_error(), function ": ", strlen(function) + 2) == 0,   \
              "message \"%s\" should name %s", cen_last_error(), function);          \
        CHECK_HAS(cen_last_error(), part);                                           \
    } while (0)

static void status_codes(void)
{
    int codes[] = {CEN_OK, CEN_ERR_NULL, CEN_ERR_OPTIONS, CEN_ERR_RECORD, CEN_ERR_ARGUMENT,
                   CEN_ERR_NOT_FOUND, CEN_ERR_INTERNAL};
    size_t i, j, n = sizeof codes / sizeof codes[0];
    for (i = 0; i < n; i++) {
        for (j = i + 1; j < n; j++) {
            CHECK(codes[i] != codes[j], "codes %lu and %lu are equal", (unsigned long)i,
                  (unsigned long)j);
        }
    }
    CHECK(cen_last_error() != NULL, "never NULL");
}

static void null_pointers(const cen_validator *v)
{
    cen_validator *made = SENTINEL;
    cen_report *r = SENTINEL;
    cen_batch *b = SENTINEL;
    char *out = SENTINEL;
    cen_summary summary;
    cen_issue issue;

    CHECK(cen_validator_new(TODAY_OPTIONS, NULL) == CEN_ERR_NULL, "out NULL");
    CHECK_ERROR("cen_validator_new", "`out` is NULL");

    CHECK(cen_validate(NULL, AIR_CARGO, LEN(AIR_CARGO), &out) == CEN_ERR_NULL, "v NULL");
    CHECK(out == NULL, "out cleared");
    CHECK_ERROR("cen_validate", "`v` is NULL");
    out = SENTINEL;
    CHECK(cen_validate(v, NULL, 0, &out) == CEN_ERR_NULL, "record NULL, length 0");
    CHECK(out == NULL, "out cleared");
    CHECK_ERROR("cen_validate", "`record_json` is NULL");
    CHECK(cen_validate(v, NULL, CEN_NUL_TERMINATED, &out) == CEN_ERR_NULL, "record NULL");
    CHECK(cen_validate(v, AIR_CARGO, LEN(AIR_CARGO), NULL) == CEN_ERR_NULL, "report NULL");
    CHECK_ERROR("cen_validate", "`report_json` is NULL");

    CHECK(cen_validate_summary(NULL, AIR_CARGO, LEN(AIR_CARGO), &summary) == CEN_ERR_NULL, "v");
    CHECK(cen_validate_summary(v, NULL, 3, &summary) == CEN_ERR_NULL, "record");
    CHECK(cen_validate_summary(v, AIR_CARGO, LEN(AIR_CARGO), NULL) == CEN_ERR_NULL, "out");
    CHECK_ERROR("cen_validate_summary", "`out` is NULL");

    CHECK(cen_validate_report(NULL, AIR_CARGO, LEN(AIR_CARGO), &r) == CEN_ERR_NULL, "v");
    CHECK(r == NULL, "out cleared");
    CHECK(cen_validate_report(v, NULL, 3, &r) == CEN_ERR_NULL, "record");
    CHECK(cen_validate_report(v, AIR_CARGO, LEN(AIR_CARGO), NULL) == CEN_ERR_NULL, "out");
    CHECK(cen_report_summary(NULL, &summary) == CEN_ERR_NULL, "r");
    CHECK_ERROR("cen_report_summary", "`r` is NULL");
    CHECK(cen_report_issue(NULL, 0, &issue) == CEN_ERR_NULL, "r");
    CHECK(cen_report_json(NULL, &out) == CEN_ERR_NULL, "r");
    CHECK(out == NULL, "out cleared");
    CHECK(cen_validate_report(v, AIR_CARGO, LEN(AIR_CARGO), &r) == CEN_OK, "%s",
          cen_last_error());
    CHECK(cen_report_summary(r, NULL) == CEN_ERR_NULL, "out");
    CHECK(cen_report_issue(r, 0, NULL) == CEN_ERR_NULL, "out");
    CHECK(cen_report_json(r, NULL) == CEN_ERR_NULL, "out");
    cen_report_free(r);

    CHECK(cen_batch_new(NULL, &b) == CEN_ERR_NULL, "v");
    CHECK(b == NULL, "out cleared");
    CHECK(cen_batch_new(v, NULL) == CEN_ERR_NULL, "out");
    CHECK(cen_batch_validate(NULL, AIR_CARGO, LEN(AIR_CARGO), &out) == CEN_ERR_NULL, "b");
    CHECK_ERROR("cen_batch_validate", "`b` is NULL");
    CHECK(cen_batch_validate_report(NULL, AIR_CARGO, LEN(AIR_CARGO), &r) == CEN_ERR_NULL, "b");

    out = SENTINEL;
    CHECK(cen_to_cen(NULL, 0, &out) == CEN_ERR_NULL, "record");
    CHECK(out == NULL, "out cleared");
    CHECK(cen_to_cen(AIR_CARGO, LEN(AIR_CARGO), NULL) == CEN_ERR_NULL, "out");
    CHECK_ERROR("cen_to_cen", "`out_json` is NULL");

    CHECK(cen_rules_json(NULL) == CEN_ERR_NULL, "out");
    CHECK(cen_editions_json(NULL) == CEN_ERR_NULL, "out");
    CHECK(cen_schema_json(NULL) == CEN_ERR_NULL, "out");
    CHECK(cen_labels_json("en", NULL) == CEN_ERR_NULL, "out");
    CHECK(cen_lookup_json(NULL, "BE", NULL, &out) == CEN_ERR_NULL, "table");
    CHECK_ERROR("cen_lookup_json", "`table` is NULL");
    CHECK(cen_lookup_json("country", NULL, NULL, &out) == CEN_ERR_NULL, "code");
    CHECK(cen_lookup_json("country", "BE", NULL, NULL) == CEN_ERR_NULL, "out");
    CHECK(cen_hs_correlate_json(NULL, "2017", "2022", &out) == CEN_ERR_NULL, "code");
    CHECK_ERROR("cen_hs_correlate_json", "`code` is NULL");
    CHECK(cen_hs_correlate_json("851712", NULL, "2022", &out) == CEN_ERR_NULL, "from");
    CHECK(cen_hs_correlate_json("851712", "2017", NULL, &out) == CEN_ERR_NULL, "to");
    CHECK(cen_hs_correlate_json("851712", "2017", "2022", NULL) == CEN_ERR_NULL, "out");

    /* Freeing NULL is allowed, as free(NULL) is. */
    cen_string_free(NULL);
    cen_validator_free(NULL);
    cen_report_free(NULL);
    cen_batch_free(NULL);
    (void)made;
}

static void bad_options(void)
{
    static const struct {
        const char *options;
        const char *says;
    } cases[] = {
        {"", "not valid JSON"},
        {"{", "not valid JSON"},
        {"{\"lang\": \"fr\"} trailing", "not valid JSON"},
        {"[]", "must be a JSON object"},
        {"42", "must be a JSON object"},
        {"\"fr\"", "must be a JSON object"},
        {"{\"language\": \"fr\"}", "unknown option `language`"},
        {"{\"lang\": \"de\"}", "`de` is not one of en, fr, es, ru, ar, pt"},
        {"{\"lang\": 5}", "expected a language code"},
        {"{\"today\": \"28/11/2026\"}", "not a calendar date"},
        {"{\"today\": \"2026-02-30\"}", "not a calendar date"},
        {"{\"hs_edition\": \"2018\"}",
         "option `hs_edition`: `2018` is not an HS edition: use 2012, 2017 or 2022"},
        {"{\"hs_edition\": 2017}", "expected an HS edition"},
        {"{\"profile\": {\"hs_edition\": \"HS 2017\"}}", "`HS 2017` is not an HS edition"},
        {"{\"form\": 1}", "expected one of long, simplified"},
        {"{\"source\": \"icomm\"}", "`icomm` is not one of"},
        {"{\"profile\": []}", "a profile must be a JSON object"},
        {"{\"profile\": {\"nom\": \"x\"}}", "unknown key `nom`"},
        {"{\"profile\": {\"severity\": {\"CEN-XYZ-001\": \"off\"}}}", "not a rule of the catalogue"},
        {"{\"profile\": {\"severity\": {\"CEN-SCH-003\": \"off\"}}}", "cannot be changed"},
        {"{\"profile\": {\"severity\": {\"CEN-MOV-001\": \"fatal\"}}}", "`fatal` is not one of"},
        {"{\"profile\": {\"required\": [\"/goods/*/colour\"]}}", "`colour`"},
        {"{\"profile\": {\"required\": \"/cug\"}}", "expected an array"},
        {"{\"profile\": {\"commodities\": [\"drug\"]}}", "`drug` is not one of"},
        {"{\"lang\": \"\xff\"}", "not valid UTF-8"},
        {"{\"lang\": \"fr\xc3\"}", "not valid UTF-8"},
        {"{\"a\\u0000b\": 1}", "unknown option `a\\0b`"},
    };
    size_t i;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        cen_validator *v = SENTINEL;
        int code = cen_validator_new(cases[i].options, &v);
        CHECK(code == CEN_ERR_OPTIONS, "%s: code %d", cases[i].options, code);
        CHECK(v == NULL, "%s: out cleared", cases[i].options);
        CHECK_ERROR("cen_validator_new", cases[i].says);
        cen_validator_free(v);
    }
}

static void good_options(void)
{
    static const char *cases[] = {
        "null", "{}", " {\"lang\": null, \"profile\": null} ",
        "{\"lang\": \"ar\", \"form\": \"simplified\", \"source\": \"cencomm\", \"today\": \"2026-11-28\","
        " \"profile\": {\"name\": \"OP-NIGHTWATCH\", \"form\": \"simplified\", \"commodities\":"
        " [\"drugs\", \"tobacco\"], \"required\": [\"/detection/principal\", \"/goods/*/concealment\"],"
        " \"severity\": {\"CEN-QTY-003\": \"off\", \"CEN-MOV-010\": \"error\"}}}",
    };
    size_t i;
    cen_validator *v = NULL;
    CHECK(cen_validator_new(NULL, &v) == CEN_OK, "NULL options: %s", cen_last_error());
    cen_validator_free(v);
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        v = NULL;
        CHECK(cen_validator_new(cases[i], &v) == CEN_OK, "%s: %s", cases[i], cen_last_error());
        CHECK(v != NULL, "a validator");
        cen_validator_free(v);
    }
}

static void bad_arguments(void)
{
    char *out = SENTINEL;
    cen_issue issue;
    cen_report *r = NULL;
    cen_validator *v = NULL;

    CHECK(cen_labels_json("de", &out) == CEN_ERR_ARGUMENT, "unknown language");
    CHECK(out == NULL, "out cleared");
    CHECK_ERROR("cen_labels_json", "`de` is not one of en, fr, es, ru, ar, pt");
    CHECK(cen_labels_json("\xff", &out) == CEN_ERR_ARGUMENT, "not UTF-8");
    CHECK_ERROR("cen_labels_json", "`lang` is not valid UTF-8");
    CHECK(cen_lookup_json("planet", "XX", NULL, &out) == CEN_ERR_ARGUMENT, "unknown table");
    CHECK_ERROR("cen_lookup_json", "`planet` is not a table");
    CHECK(cen_lookup_json("country", "BE", "xx", &out) == CEN_ERR_ARGUMENT, "unknown lang");

    CHECK(cen_validator_new(TODAY_OPTIONS, &v) == CEN_OK, "%s", cen_last_error());
    CHECK(cen_validate_report(v, AIR_CARGO, LEN(AIR_CARGO), &r) == CEN_OK, "%s",
          cen_last_error());
    CHECK(cen_report_issue(r, 0, &issue) == CEN_ERR_ARGUMENT, "a valid record has no issue 0");
    CHECK(cen_report_issue(r, (size_t)-1, &issue) == CEN_ERR_ARGUMENT, "SIZE_MAX");
    CHECK_ERROR("cen_report_issue", "does not exist (the report has 0 issues)");
    cen_report_free(r);
    cen_validator_free(v);
}

/* The report of a bad record: one CEN-SCH-001 at the root, quality 0. */
static void check_not_a_record(const cen_validator *v, const char *bytes, size_t len,
                               const char *what)
{
    cen_report *r = NULL;
    cen_summary s;
    cen_issue issue;
    char *projected = SENTINEL;
    CHECK(cen_validate_report(v, bytes, len, &r) == CEN_OK, "%s: %s", what, cen_last_error());
    if (r == NULL) {
        return;
    }
    CHECK(cen_report_summary(r, &s) == CEN_OK, "%s", what);
    CHECK(s.valid == 0 && s.quality == 0 && s.issue_count == 1 && s.error_count == 1,
          "%s: valid %d quality %d issues %lu", what, s.valid, s.quality,
          (unsigned long)s.issue_count);
    CHECK(cen_report_issue(r, 0, &issue) == CEN_OK, "%s", what);
    CHECK_STR(issue.rule, "CEN-SCH-001");
    CHECK_STR(issue.path, "");
    cen_report_free(r);
    /* Nor can it be projected. */
    CHECK(cen_to_cen(bytes, len, &projected) == CEN_ERR_RECORD, "%s: cen_to_cen", what);
    CHECK(projected == NULL, "%s: out cleared", what);
    CHECK_ERROR("cen_to_cen", "the input");
}

static void bad_records(const cen_validator *v)
{
    static const char with_nul[] = "{\"case_ref\": \"A\0B\"}";
    static const char nul_outside[] = "{\"case_ref\": \"AB\"}\0";
    static const char latin1[] = "{\"case_ref\": \"Caf\xe9\"}";
    static const char overlong[] = "{\"case_ref\": \"\xc0\xaf\"}";
    static const char surrogate[] = "{\"case_ref\": \"\xed\xa0\x80\"}";
    char *big, *deep;
    size_t i;

    check_not_a_record(v, "", 0, "length 0 of an empty string");
    check_not_a_record(v, AIR_CARGO, 0, "length 0 of a record");
    check_not_a_record(v, "", CEN_NUL_TERMINATED, "an empty C string");
    check_not_a_record(v, "   \n\t ", CEN_NUL_TERMINATED, "blanks");
    check_not_a_record(v, with_nul, LEN(with_nul), "a NUL byte inside a string");
    check_not_a_record(v, nul_outside, LEN(nul_outside), "the terminator counted in the length");
    check_not_a_record(v, AIR_CARGO, LEN(AIR_CARGO) / 2, "a length that cuts the text");
    check_not_a_record(v, latin1, LEN(latin1), "Latin-1, not UTF-8");
    check_not_a_record(v, overlong, LEN(overlong), "an overlong UTF-8 sequence");
    check_not_a_record(v, surrogate, LEN(surrogate), "an encoded surrogate");
    check_not_a_record(v, "[1, 2]", CEN_NUL_TERMINATED, "an array");
    check_not_a_record(v, "\"record\"", CEN_NUL_TERMINATED, "a string");
    check_not_a_record(v, "42", CEN_NUL_TERMINATED, "a number");
    check_not_a_record(v, "null", CEN_NUL_TERMINATED, "null");
    check_not_a_record(v, "{} {}", CEN_NUL_TERMINATED, "two objects");
    check_not_a_record(v, "{\"a\": 1e400}", CEN_NUL_TERMINATED, "a number beyond a double");
    check_not_a_record(v, "{\"a\": \"\\ud800\"}", CEN_NUL_TERMINATED, "a lone surrogate escape");

    /* Too large: one byte over 1 MiB, however it is given, and a length far past the limit. */
    big = malloc(2 * MAX_RECORD_BYTES + 1);
    if (big != NULL) {
        memset(big, ' ', 2 * MAX_RECORD_BYTES);
        big[0] = '{';
        big[2 * MAX_RECORD_BYTES - 1] = '}';
        big[2 * MAX_RECORD_BYTES] = '\0';
        check_not_a_record(v, big, 2 * MAX_RECORD_BYTES, "2 MiB");
        check_not_a_record(v, big, CEN_NUL_TERMINATED, "2 MiB, NUL-terminated");
        /* Exactly 1 MiB is still a record (an empty one, with missing fields). */
        big[MAX_RECORD_BYTES - 1] = '}';
        {
            cen_summary s;
            CHECK(cen_validate_summary(v, big, MAX_RECORD_BYTES, &s) == CEN_OK, "1 MiB");
            CHECK(s.quality > 0 || s.error_count > 1, "1 MiB is read as a record");
        }
        big[MAX_RECORD_BYTES] = '}';
        check_not_a_record(v, big, MAX_RECORD_BYTES + 1, "1 MiB and one byte");
        free(big);
    }

    /* Too deep, and deep enough to overflow a naive parser's stack. */
    deep = malloc(200001);
    if (deep != NULL) {
        memcpy(deep, "{\"a\":", 5);
        for (i = 5; i < 200000; i++) {
            deep[i] = '[';
        }
        deep[200000] = '\0';
        check_not_a_record(v, deep, CEN_NUL_TERMINATED, "100,000 open brackets");
        free(deep);
    }
}

/* Damaged records, made by flipping, cutting and inserting bytes of a valid one: each gets a
 * report (never an error, never a crash), and is projected or refused as a record. */
static void damaged_records(const cen_validator *v)
{
    unsigned long state = 2026, round;
    unsigned long reports = 0, projected = 0, refused = 0;
    char buffer[sizeof AIR_CARGO + 16];
    for (round = 0; round < 3000; round++) {
        size_t len = LEN(AIR_CARGO), edits, e;
        char *report = NULL, *out = NULL;
        int code;
        memcpy(buffer, AIR_CARGO, len);
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        edits = 1 + state % 4;
        for (e = 0; e < edits; e++) {
            size_t at;
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            at = (size_t)(state >> 8) % len;
            switch (state % 3) {
            case 0: /* any byte, UTF-8 or not, NUL included */
                buffer[at] = (char)(state >> 24);
                break;
            case 1: /* cut */
                len = at;
                break;
            default: /* insert a structural character */
                if (len < sizeof buffer) {
                    memmove(buffer + at + 1, buffer + at, len - at);
                    buffer[at] = "{}[]\",:"[(state >> 16) % 8];
                    len++;
                }
                break;
            }
            if (len == 0) {
                break;
            }
        }
        if (cen_validate(v, buffer, len, &report) == CEN_OK && report != NULL &&
            strncmp(report, "{\"valid\":", 9) == 0) {
            reports++;
        }
        code = cen_to_cen(buffer, len, &out);
        if (code == CEN_OK && out != NULL) {
            projected++;
        } else if (code == CEN_ERR_RECORD && out == NULL) {
            refused++;
        }
        cen_string_free(report);
        cen_string_free(out);
    }
    CHECK(reports == 3000, "%lu of 3000 damaged records got a report", reports);
    CHECK(projected + refused == 3000, "%lu projected, %lu refused", projected, refused);
    CHECK(projected > 0 && refused > 0, "%lu projected, %lu refused", projected, refused);
}

/* A failed call in a batch does not take a position: positions count reported records. */
static void batch_positions(const cen_validator *v)
{
    cen_batch *b = NULL;
    char *report = NULL;
    CHECK(cen_batch_new(v, &b) == CEN_OK, "%s", cen_last_error());
    CHECK(cen_batch_validate(b, NULL, 0, &report) == CEN_ERR_NULL, "record NULL");
    CHECK(cen_batch_validate(b, AIR_CARGO, LEN(AIR_CARGO), NULL) == CEN_ERR_NULL, "out NULL");
    CHECK(cen_batch_validate(b, AIR_CARGO, LEN(AIR_CARGO), &report) == CEN_OK, "%s",
          cen_last_error());
    cen_string_free(report);
    report = NULL;
    CHECK(cen_batch_validate(b, AIR_CARGO, LEN(AIR_CARGO), &report) == CEN_OK, "%s",
          cen_last_error());
    CHECK_HAS(report, "\"params\":{\"first\":0}");
    cen_string_free(report);
    cen_batch_free(b);
}

/* A successful call leaves the last message as it was. */
static void last_error_stays(const cen_validator *v)
{
    char *report = NULL;
    CHECK(cen_validate(NULL, "{}", 2, &report) == CEN_ERR_NULL, "v NULL");
    CHECK(cen_validate(v, "{}", 2, &report) == CEN_OK, "%s", cen_last_error());
    CHECK_STR(cen_last_error(), "cen_validate: `v` is NULL");
    cen_string_free(report);
}

int main(void)
{
    cen_validator *v = NULL;
    status_codes();
    CHECK(cen_validator_new(TODAY_OPTIONS, &v) == CEN_OK, "%s", cen_last_error());
    null_pointers(v);
    bad_options();
    good_options();
    bad_arguments();
    bad_records(v);
    damaged_records(v);
    batch_positions(v);
    last_error_stays(v);
    cen_validator_free(v);
    return check_finish("misuse");
}
