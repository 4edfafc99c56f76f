/* The calls of libcen beyond the conformance vectors: version, catalogue, editions, schema,
 * labels, look-ups, the projection to CEN, report handles, summaries, batches with duplicates,
 * languages and the two ways of giving a record's length. */
#include <stdlib.h>
#include <string.h>

#include "cen.h"
#include "check.h"
#include "records.h"

#define LEN(text) (sizeof(text) - 1)

static void version(void)
{
    char expected[32];
    snprintf(expected, sizeof expected, "%d.%d.%d", CEN_VERSION_MAJOR, CEN_VERSION_MINOR,
             CEN_VERSION_PATCH);
    CHECK_STR(cen_version(), CEN_VERSION_STRING);
    CHECK_STR(CEN_VERSION_STRING, expected);
    CHECK(CEN_VERSION_NUMBER ==
              CEN_VERSION_MAJOR * 10000 + CEN_VERSION_MINOR * 100 + CEN_VERSION_PATCH,
          "%d", CEN_VERSION_NUMBER);
    CHECK(CEN_OK == 0, "CEN_OK is %d", CEN_OK);
    CHECK(CEN_NUL_TERMINATED == (size_t)-1, "CEN_NUL_TERMINATED");
    CHECK_STR(cen_last_error(), "");
}

static void exports(void)
{
    char *out = NULL;
    CHECK(cen_rules_json(&out) == CEN_OK, "%s", cen_last_error());
    CHECK_HAS(out, "\"CEN-MOV-001\"");
    CHECK_HAS(out, "\"CEN-DUP-001\"");
    cen_string_free(out);

    out = NULL;
    CHECK(cen_editions_json(&out) == CEN_OK, "%s", cen_last_error());
    CHECK(out != NULL && out[0] == '[', "editions: %s", out ? out : "(null)");
    CHECK_HAS(out, "\"edition\"");
    cen_string_free(out);

    out = NULL;
    CHECK(cen_schema_json(&out) == CEN_OK, "%s", cen_last_error());
    CHECK_HAS(out, "\"reporting_country\"");
    cen_string_free(out);

    out = NULL;
    /* The labels themselves are the core's data (codes-data/data/labels.tsv). */
    CHECK(cen_labels_json("fr", &out) == CEN_OK, "%s", cen_last_error());
    CHECK(out != NULL && out[0] == '{', "labels: %s", check_shown(out));
    cen_string_free(out);
    out = NULL;
    CHECK(cen_labels_json(NULL, &out) == CEN_OK, "NULL means English: %s", cen_last_error());
    cen_string_free(out);
}

static void lookups(void)
{
    char *out = NULL;
    CHECK(cen_lookup_json("country", "BE", "fr", &out) == CEN_OK, "%s", cen_last_error());
    CHECK_HAS(out, "\"alpha3\":\"BEL\"");
    cen_string_free(out);

    out = NULL;
    CHECK(cen_lookup_json("location", "NLRTM", NULL, &out) == CEN_OK, "%s", cen_last_error());
    CHECK_HAS(out, "\"seaport\":true");
    cen_string_free(out);

    out = NULL;
    CHECK(cen_lookup_json("airport", "BRU", NULL, &out) == CEN_OK, "%s", cen_last_error());
    CHECK_HAS(out, "\"country\":\"BE\"");
    cen_string_free(out);

    out = NULL;
    CHECK(cen_lookup_json("currency", "EUR", "es", &out) == CEN_OK, "%s", cen_last_error());
    CHECK_HAS(out, "\"minor_units\":2");
    cen_string_free(out);

    out = NULL;
    CHECK(cen_lookup_json("hs", "1211", NULL, &out) == CEN_OK, "%s", cen_last_error());
    CHECK_HAS(out, "\"code\":\"1211\"");
    cen_string_free(out);

    out = (char *)"untouched";
    CHECK(cen_lookup_json("country", "QQ", NULL, &out) == CEN_ERR_NOT_FOUND, "QQ");
    CHECK(out == NULL, "out is cleared on failure");
    CHECK_STR(cen_last_error(), "cen_lookup_json: no country has the code `QQ`");

    out = NULL;
    CHECK(cen_hs_correlate_json("8517.12", "2017", "2022", &out) == CEN_OK, "%s", cen_last_error());
    CHECK_HAS(out, "{\"code\":\"851713\",\"relationship\":\"1:n\"}");
    cen_string_free(out);

    out = NULL;
    CHECK(cen_hs_correlate_json("851713", "2017", "2022", &out) == CEN_OK, "%s", cen_last_error());
    CHECK_STR(out, "[]");
    cen_string_free(out);

    out = (char *)"untouched";
    CHECK(cen_hs_correlate_json("851712", "2018", "2022", &out) == CEN_ERR_ARGUMENT, "2018");
    CHECK(out == NULL, "out is cleared on failure");
    CHECK_STR(cen_last_error(),
              "cen_hs_correlate_json: `2018` is not an HS edition: use 2012, 2017 or 2022");
}

static void projection(void)
{
    char *out = NULL;
    CHECK(cen_to_cen(NCEN_WITH_PERSONS, LEN(NCEN_WITH_PERSONS), &out) == CEN_OK, "%s",
          cen_last_error());
    CHECK(out != NULL && strstr(out, "persons") == NULL && strstr(out, "narrative") == NULL &&
              strstr(out, "vehicle_registration") == NULL,
          "nominal data left: %s", out ? out : "(null)");
    CHECK(out != NULL && strncmp(out, "{\"source\":\"cen\",\"case_ref\":\"NAT-2026-117\"", 41) == 0,
          "source first, order kept: %s", out ? out : "(null)");
    CHECK_HAS(out, "\"registration_country\":\"TR\"");
    cen_string_free(out);

    out = NULL;
    CHECK(cen_to_cen("{\"case_ref\": \"first\", \"case_ref\": \"second\"}", CEN_NUL_TERMINATED,
                     &out) == CEN_OK,
          "%s", cen_last_error());
    CHECK_STR(out, "{\"case_ref\":\"first\",\"source\":\"cen\"}");
    cen_string_free(out);
}

static void report_handle(const cen_validator *v)
{
    static const char *rules[] = {"CEN-MOV-009", "CEN-IDN-001", "CEN-MOV-006", "CEN-MOV-001"};
    static const char *paths[] = {"/conveyance/0/awb", "/conveyance/0/container",
                                  "/location/code", "/route/destination"};
    cen_report *r = NULL;
    cen_summary s;
    cen_issue issue;
    char *json = NULL, *direct = NULL;
    size_t i;

    CHECK(cen_validate_report(v, INVALID_MOVEMENT, LEN(INVALID_MOVEMENT), &r) == CEN_OK, "%s",
          cen_last_error());
    CHECK(cen_report_summary(r, &s) == CEN_OK, "%s", cen_last_error());
    CHECK(s.valid == 0 && s.error_count == 4 && s.warning_count == 0 && s.info_count == 0 &&
              s.issue_count == 4,
          "valid %d, %lu errors", s.valid, (unsigned long)s.error_count);
    CHECK(s.quality > 0 && s.quality < 100, "quality %d", s.quality);
    CHECK_STR(s.form, "long");
    CHECK_STR(s.source, "cen");
    for (i = 0; i < 4; i++) {
        CHECK(cen_report_issue(r, i, &issue) == CEN_OK, "%s", cen_last_error());
        CHECK_STR(issue.rule, rules[i]);
        CHECK_STR(issue.path, paths[i]);
        CHECK_STR(issue.severity, "error");
        CHECK(issue.path_len == strlen(paths[i]), "path_len %lu", (unsigned long)issue.path_len);
        CHECK(issue.message_len == strlen(issue.message) && issue.message_len > 10, "message");
        CHECK(issue.params_json[0] == '{', "params %s", issue.params_json);
    }
    CHECK_HAS(issue.params_json, "\"expected\":\"NL\"");
    CHECK_HAS(issue.params_json, "\"found\":\"DE\"");
    CHECK(cen_report_issue(r, 4, &issue) == CEN_ERR_ARGUMENT, "past the end");
    CHECK_STR(cen_last_error(), "cen_report_issue: issue 4 does not exist (the report has 4 issues)");

    CHECK(cen_report_json(r, &json) == CEN_OK, "%s", cen_last_error());
    CHECK(cen_validate(v, INVALID_MOVEMENT, LEN(INVALID_MOVEMENT), &direct) == CEN_OK, "%s",
          cen_last_error());
    CHECK(json != NULL && direct != NULL && strcmp(json, direct) == 0, "the same report");
    CHECK(json != NULL && strncmp(json, "{\"valid\":false,\"form\":\"long\",\"source\":\"cen\","
                                        "\"counts\":{\"error\":4,\"warning\":0,\"info\":0}",
                                  76) == 0,
          "spec 5.2 key order: %s", json ? json : "(null)");
    cen_string_free(json);
    cen_string_free(direct);
    cen_report_free(r);
}

static void summaries(const cen_validator *v)
{
    cen_summary s;
    memset(&s, 0xAB, sizeof s);
    CHECK(cen_validate_summary(v, NCEN_WITH_PERSONS, LEN(NCEN_WITH_PERSONS), &s) == CEN_OK,
          "%s", cen_last_error());
    CHECK(s.valid == 1 && s.error_count == 0, "valid %d errors %lu", s.valid,
          (unsigned long)s.error_count);
    CHECK_STR(s.source, "ncen");
    CHECK_STR(s.form, "long");

    CHECK(cen_validate_summary(v, "{\"form\": \"simplified\"}", CEN_NUL_TERMINATED, &s) ==
              CEN_OK,
          "%s", cen_last_error());
    CHECK(s.valid == 0 && s.error_count > 0, "an almost empty record is invalid");
    CHECK_STR(s.form, "simplified");

    CHECK(cen_validate_summary(v, "not json", CEN_NUL_TERMINATED, &s) == CEN_OK, "%s",
          cen_last_error());
    CHECK(s.valid == 0 && s.quality == 0 && s.issue_count == 1, "not a record");
}

static void lengths(const cen_validator *v)
{
    char *by_len = NULL, *by_nul = NULL, *shorter = NULL;
    CHECK(cen_validate(v, AIR_CARGO, LEN(AIR_CARGO), &by_len) == CEN_OK, "%s", cen_last_error());
    CHECK(cen_validate(v, AIR_CARGO, CEN_NUL_TERMINATED, &by_nul) == CEN_OK, "%s",
          cen_last_error());
    CHECK(by_len != NULL && by_nul != NULL && strcmp(by_len, by_nul) == 0, "same report");
    CHECK_HAS(by_len, "\"valid\":true");
    /* The length is what counts, not the NUL: a length one short cuts the closing brace. */
    CHECK(cen_validate(v, AIR_CARGO, LEN(AIR_CARGO) - 1, &shorter) == CEN_OK, "%s",
          cen_last_error());
    CHECK_HAS(shorter, "\"rule\":\"CEN-SCH-001\"");
    cen_string_free(by_len);
    cen_string_free(by_nul);
    cen_string_free(shorter);
}

static void batches(const cen_validator *v)
{
    cen_batch *b = NULL;
    cen_report *r = NULL;
    cen_summary s;
    cen_issue issue;
    char *first = NULL, *bad = NULL;

    CHECK(cen_batch_new(v, &b) == CEN_OK, "%s", cen_last_error());
    CHECK(cen_batch_validate(b, AIR_CARGO, LEN(AIR_CARGO), &first) == CEN_OK, "%s",
          cen_last_error());
    CHECK_HAS(first, "\"valid\":true");
    CHECK(first != NULL && strstr(first, "CEN-DUP-001") == NULL, "the first is no duplicate");
    CHECK(cen_batch_validate(b, "{", 1, &bad) == CEN_OK, "%s", cen_last_error());
    CHECK_HAS(bad, "CEN-SCH-001");
    CHECK(cen_batch_validate_report(b, AIR_CARGO, LEN(AIR_CARGO), &r) == CEN_OK, "%s",
          cen_last_error());
    CHECK(cen_report_summary(r, &s) == CEN_OK && s.issue_count == 1, "one issue");
    CHECK(cen_report_issue(r, 0, &issue) == CEN_OK, "%s", cen_last_error());
    CHECK_STR(issue.rule, "CEN-DUP-001");
    CHECK_STR(issue.params_json, "{\"first\":0}");
    cen_string_free(first);
    cen_string_free(bad);
    cen_report_free(r);
    cen_batch_free(b);

    /* Outside a batch there is nothing to be a duplicate of. */
    CHECK(cen_validate_report(v, AIR_CARGO, LEN(AIR_CARGO), &r) == CEN_OK, "%s",
          cen_last_error());
    CHECK(cen_report_summary(r, &s) == CEN_OK && s.issue_count == 0, "no issue");
    cen_report_free(r);
}

static void lifetimes(void)
{
    /* A batch and a report outlive the validator they came from. */
    cen_validator *v = NULL;
    cen_batch *b = NULL;
    cen_report *r = NULL;
    cen_issue issue;
    char *json = NULL;
    CHECK(cen_validator_new("{\"lang\": \"fr\", \"today\": \"2026-11-28\"}", &v) == CEN_OK, "%s",
          cen_last_error());
    CHECK(cen_batch_new(v, &b) == CEN_OK, "%s", cen_last_error());
    CHECK(cen_validate_report(v, INVALID_MOVEMENT, CEN_NUL_TERMINATED, &r) == CEN_OK, "%s",
          cen_last_error());
    cen_validator_free(v);
    CHECK(cen_report_issue(r, 3, &issue) == CEN_OK, "%s", cen_last_error());
    CHECK_STR(issue.rule, "CEN-MOV-001");
    CHECK_STR(issue.path, "/route/destination");
    CHECK(cen_batch_validate(b, INVALID_MOVEMENT, CEN_NUL_TERMINATED, &json) == CEN_OK, "%s",
          cen_last_error());
    CHECK_HAS(json, "CEN-MOV-001");
    cen_string_free(json);
    cen_report_free(r);
    cen_batch_free(b);
}

/* Every language gives the same issues; the wording is the core's (and its tests'). */
static void languages(void)
{
    static const char *langs[] = {"en", "fr", "es", "ru", "ar", "pt"};
    static const char *rules[] = {"CEN-MOV-009", "CEN-IDN-001", "CEN-MOV-006", "CEN-MOV-001"};
    char english[4096] = "";
    size_t i, j;
    for (i = 0; i < sizeof langs / sizeof langs[0]; i++) {
        char options[128];
        cen_validator *v = NULL;
        char *json = NULL;
        snprintf(options, sizeof options, "{\"lang\": \"%s\", \"today\": \"2026-11-28\"}",
                 langs[i]);
        CHECK(cen_validator_new(options, &v) == CEN_OK, "%s: %s", langs[i], cen_last_error());
        CHECK(cen_validate(v, INVALID_MOVEMENT, CEN_NUL_TERMINATED, &json) == CEN_OK, "%s",
              cen_last_error());
        for (j = 0; j < 4; j++) {
            CHECK_HAS(json, rules[j]);
        }
        if (i == 0 && json != NULL) {
            snprintf(english, sizeof english, "%s", json);
        }
        cen_string_free(json);
        cen_validator_free(v);
    }
    CHECK_HAS(english, "Import seizure");
}

int main(void)
{
    cen_validator *v = NULL;
    version();
    exports();
    lookups();
    projection();
    CHECK(cen_validator_new(TODAY_OPTIONS, &v) == CEN_OK, "%s", cen_last_error());
    report_handle(v);
    summaries(v);
    lengths(v);
    batches(v);
    cen_validator_free(v);
    lifetimes();
    languages();
    return check_finish("api");
}
