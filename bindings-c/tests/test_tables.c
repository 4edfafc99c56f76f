/* Table packs through the C ABI (spec 7.2): loading from a file and from memory, validators
 * made with a pack, the editions they report, the verdicts a pack changes, packs that are
 * refused, and tables shared by several threads.
 *
 * Usage: test_tables BUILTIN_PACK UNECE_PACK HS_PACK (scripts/lib/test-packs.sh writes them). */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "cen.h"
#include "check.h"
#include "minijson.h"

/* A seizure in the port the UNECE fixtures add (ESQ9Z): unknown to the built-in tables. */
static const char AT_ESQ9Z[] =
    "{\"reporting_country\": \"ES\", \"seizure_date\": \"2026-07-01\","
    " \"location\": {\"type\": \"seaport\", \"code\": \"ESQ9Z\"}, \"procedure\": \"import\","
    " \"detection\": {\"principal\": \"xray\"}, \"goods\": [{\"commodity\": \"drugs\", \"type\":"
    " \"cocaine\", \"quantity\": 300, \"unit\": \"kg\", \"concealment\": \"container_structure\"}],"
    " \"conveyance\": [{\"type\": \"sea_container\", \"container\": \"MSKU6011673\"}],"
    " \"route\": {\"departure\": \"EC\", \"destination\": \"ES\"}}";

/* Cigars coded 240210, which HS 2022 of hs-2099.pack withdraws, and horses coded 010195, which it
 * adds (the built-in HS 2022 has the first and not the second). */
static const char HS_CODES[] =
    "{\"reporting_country\": \"ES\", \"seizure_date\": \"2026-07-01\","
    " \"location\": {\"type\": \"seaport\", \"code\": \"ESALG\"}, \"procedure\": \"import\","
    " \"detection\": {\"principal\": \"xray\"}, \"goods\": ["
    "{\"commodity\": \"tobacco\", \"type\": \"cigars\", \"quantity\": 40, \"unit\": \"kg\","
    " \"hs_code\": \"240210\"},"
    "{\"commodity\": \"tobacco\", \"type\": \"cigars\", \"quantity\": 40, \"unit\": \"kg\","
    " \"hs_code\": \"010195\"}],"
    " \"conveyance\": [{\"type\": \"sea_container\", \"container\": \"MSKU6011673\"}],"
    " \"route\": {\"departure\": \"EC\", \"destination\": \"ES\"}}";

#define OPTIONS "{\"today\": \"2026-11-28\"}"

static char *report_of(const cen_validator *v, const char *record)
{
    char *report = NULL;
    CHECK(cen_validate(v, record, CEN_NUL_TERMINATED, &report) == CEN_OK, "validate: %s",
          cen_last_error());
    return report;
}

static int flags_location(const char *report)
{
    return report != NULL && strstr(report, "\"path\":\"/location/code\"") != NULL;
}

/* A pack in memory must be refused with CEN_ERR_TABLES, a message naming `why`, and NULL. */
static void refused(const unsigned char *bytes, size_t len, const char *why, const char *name)
{
    cen_tables *t = (cen_tables *)&t;
    int status = cen_tables_load_bytes(bytes, len, &t);
    CHECK(status == CEN_ERR_TABLES, "%s: status %d", name, status);
    CHECK(t == NULL, "%s: out not cleared", name);
    CHECK(check_contains(cen_last_error(), why), "%s: %s", name, check_shown(cen_last_error()));
}

typedef struct shared {
    const cen_tables *tables;
    int agreed;
} shared;

static void *validate_at_esq9z(void *arg)
{
    shared *s = arg;
    int round;
    s->agreed = 1;
    for (round = 0; round < 20; round++) {
        cen_validator *v = NULL;
        char *report = NULL;
        if (cen_validator_new_with_tables(OPTIONS, s->tables, &v) != CEN_OK ||
            cen_validate(v, AT_ESQ9Z, CEN_NUL_TERMINATED, &report) != CEN_OK ||
            flags_location(report)) {
            s->agreed = 0;
        }
        cen_string_free(report);
        cen_validator_free(v);
    }
    return NULL;
}

int main(int argc, char **argv)
{
    cen_tables *builtin = NULL, *unece = NULL, *t = NULL;
    cen_validator *plain = NULL, *with_builtin = NULL, *with_unece = NULL, *v = NULL;
    char *builtin_editions = NULL, *editions = NULL, *pack_editions = NULL, *report = NULL;
    unsigned char *bytes;
    size_t len = 0;
    int i;

    if (argc != 4) {
        fprintf(stderr, "usage: %s BUILTIN_PACK UNECE_PACK HS_PACK\n", argv[0]);
        return 2;
    }

    /* The built-in tables as a pack: the same editions, the same verdicts. */
    CHECK(cen_tables_load(argv[1], &builtin) == CEN_OK, "load %s: %s", argv[1], cen_last_error());
    CHECK(cen_editions_json(&builtin_editions) == CEN_OK, "editions");
    CHECK(cen_tables_editions_json(builtin, &pack_editions) == CEN_OK, "tables editions");
    CHECK(check_same(pack_editions, builtin_editions), "builtin pack editions %s",
          check_shown(pack_editions));
    cen_string_free(pack_editions);
    CHECK(cen_validator_new(OPTIONS, &plain) == CEN_OK, "validator");
    CHECK(cen_validator_editions_json(plain, &editions) == CEN_OK, "validator editions");
    CHECK(check_same(editions, builtin_editions), "plain validator editions");
    cen_string_free(editions);
    CHECK(cen_validator_new_with_tables(OPTIONS, builtin, &with_builtin) == CEN_OK, "%s",
          cen_last_error());
    {
        char *a = report_of(plain, AT_ESQ9Z), *b = report_of(with_builtin, AT_ESQ9Z);
        CHECK(flags_location(a), "ESQ9Z is unknown to the built-in tables: %s", check_shown(a));
        CHECK(check_same(a, b), "the builtin pack changed a report");
        cen_string_free(a);
        cen_string_free(b);
    }

    /* The UNECE fixtures: their edition, and ESQ9Z known. */
    CHECK(cen_tables_load(argv[2], &unece) == CEN_OK, "load %s: %s", argv[2], cen_last_error());
    CHECK(cen_validator_new_with_tables(OPTIONS, unece, &with_unece) == CEN_OK, "%s",
          cen_last_error());
    CHECK(cen_validator_editions_json(with_unece, &editions) == CEN_OK, "editions");
    CHECK(check_contains(editions, "\"edition\":\"2099-1\""), "%s", check_shown(editions));
    cen_string_free(editions);
    report = report_of(with_unece, AT_ESQ9Z);
    CHECK(!flags_location(report), "ESQ9Z with the fixtures: %s", check_shown(report));
    cen_string_free(report);

    /* An HS edition of a pack: the verdicts change exactly on the codes it changes. */
    {
        cen_tables *hs = NULL;
        cen_validator *with_hs = NULL;
        char *a = report_of(plain, HS_CODES), *b = NULL;
        CHECK(cen_tables_load(argv[3], &hs) == CEN_OK, "load %s: %s", argv[3], cen_last_error());
        CHECK(cen_validator_new_with_tables(OPTIONS, hs, &with_hs) == CEN_OK, "%s",
              cen_last_error());
        b = report_of(with_hs, HS_CODES);
        CHECK(check_contains(a, "\"path\":\"/goods/1/hs_code\"") &&
                  !check_contains(a, "\"path\":\"/goods/0/hs_code\""),
              "built-in HS 2022: %s", check_shown(a));
        CHECK(check_contains(b, "\"path\":\"/goods/0/hs_code\"") &&
                  !check_contains(b, "\"path\":\"/goods/1/hs_code\""),
              "the pack's HS 2022: %s", check_shown(b));
        CHECK(cen_tables_editions_json(hs, &editions) == CEN_OK, "hs editions");
        CHECK(check_contains(editions, "\"source\":\"HS CSV: hs-2099.csv\""), "%s",
              check_shown(editions));
        cen_string_free(editions);
        cen_string_free(a);
        cen_string_free(b);
        cen_validator_free(with_hs);
        cen_tables_free(hs);
    }

    /* The option `tables` names a pack file. */
    {
        char options[4200];
        snprintf(options, sizeof options, "{\"today\": \"2026-11-28\", \"tables\": \"%s\"}", argv[2]);
        CHECK(cen_validator_new(options, &v) == CEN_OK, "option tables: %s", cen_last_error());
        report = report_of(v, AT_ESQ9Z);
        CHECK(!flags_location(report), "ESQ9Z with the option: %s", check_shown(report));
        cen_string_free(report);
        cen_validator_free(v);
        v = (cen_validator *)&v;
        CHECK(cen_validator_new("{\"tables\": \"/nonexistent/x.pack\"}", &v) == CEN_ERR_TABLES,
              "a missing pack file");
        CHECK(v == NULL && check_contains(cen_last_error(), "cannot read"), "%s",
              check_shown(cen_last_error()));
        CHECK(cen_validator_new_with_tables(options, unece, &v) == CEN_ERR_OPTIONS,
              "tables twice");
        CHECK(v == NULL, "tables twice: out not cleared");
    }

    /* Search: the pack's places, the port it adds offered, the one it withdraws not. The
     * built-in answers are compared on the other surfaces: an index of every built-in place
     * would cost minutes under valgrind here. */
    {
        char *found = NULL;
        CHECK(cen_tables_search_json(unece, "seaport", "puerto nuevo de prueba", NULL, &found) ==
                  CEN_OK,
              "search: %s", cen_last_error());
        CHECK(check_contains(found, "\"code\":\"ESQ9Z\"") &&
                  check_contains(found, "\"name\":\"Puerto Nuevo de Prueba\""),
              "search the pack: %s", check_shown(found));
        cen_string_free(found);
        CHECK(cen_tables_search_json(unece, "seaport", "algeciras", "{\"limit\": 20}", &found) ==
                  CEN_OK,
              "search: %s", cen_last_error());
        CHECK(!check_contains(found, "ESALG"), "a withdrawn port offered: %s", check_shown(found));
        cen_string_free(found);
        found = (char *)&found;
        CHECK(cen_tables_search_json(NULL, "seaport", "x", NULL, &found) == CEN_ERR_NULL &&
                  found == NULL,
              "search: NULL tables");
        CHECK(cen_tables_search_json(unece, "planets", "x", NULL, &found) == CEN_ERR_ARGUMENT &&
                  check_contains(cen_last_error(), "unknown table"),
              "search: unknown table");
        CHECK(cen_tables_search_json(unece, "seaport", NULL, NULL, &found) == CEN_ERR_NULL,
              "search: NULL query");
        CHECK(cen_tables_search_json(unece, "seaport", "x", "{\"limit\": -1}", &found) ==
                  CEN_ERR_OPTIONS,
              "search: bad options");
        CHECK(cen_tables_search_json(unece, "seaport", "x", NULL, NULL) == CEN_ERR_NULL,
              "search: NULL out");
    }

    /* Misuse and bad packs. */
    CHECK(cen_tables_load(NULL, &t) == CEN_ERR_NULL && t == NULL, "NULL path");
    CHECK(cen_tables_load(argv[1], NULL) == CEN_ERR_NULL, "NULL out");
    CHECK(cen_tables_load_bytes(NULL, 10, &t) == CEN_ERR_NULL, "NULL bytes");
    CHECK(cen_validator_new_with_tables(OPTIONS, NULL, &v) == CEN_ERR_NULL, "NULL tables");
    CHECK(cen_tables_editions_json(NULL, &editions) == CEN_ERR_NULL, "NULL tables editions");
    CHECK(cen_tables_load("/nonexistent/x.pack", &t) == CEN_ERR_TABLES && t == NULL,
          "missing file");
    bytes = (unsigned char *)mj_read_file(argv[1], &len);
    CHECK(bytes != NULL && len > 1000, "read %s", argv[1]);
    if (bytes != NULL && len > 1000) {
        unsigned char *zeros = calloc(1, 4096);
        refused(zeros, 4096, "", "zeros");
        free(zeros);
        refused(bytes, 1000, "", "truncated");
        refused(bytes, 0, "", "empty");
        /* Refused on its length alone: the bytes past the buffer are never read. */
        refused(bytes, (size_t)1 << 40, "bytes", "1 TB");
        bytes[len - 1] ^= 1;
        refused(bytes, len, "checksum", "a byte of the content changed");
        bytes[len - 1] ^= 1;
        bytes[0] ^= 0xff;
        refused(bytes, len, "", "wrong magic");
        bytes[0] ^= 0xff;
        CHECK(cen_tables_load_bytes(bytes, len, &t) == CEN_OK, "from memory: %s",
              cen_last_error());
        CHECK(cen_tables_editions_json(t, &editions) == CEN_OK &&
                  check_same(editions, builtin_editions),
              "from memory: editions");
        cen_string_free(editions);
        cen_tables_free(t);
    }
    free(bytes);

    /* Validators keep their tables when the handle is freed; threads share tables. */
    {
        pthread_t threads[4];
        shared s[4];
        for (i = 0; i < 4; i++) {
            s[i].tables = unece;
            CHECK(pthread_create(&threads[i], NULL, validate_at_esq9z, &s[i]) == 0, "thread");
        }
        for (i = 0; i < 4; i++) {
            pthread_join(threads[i], NULL);
            CHECK(s[i].agreed, "thread %d: a report differed", i);
        }
    }
    cen_tables_free(unece);
    cen_tables_free(builtin);
    cen_tables_free(NULL);
    report = report_of(with_unece, AT_ESQ9Z);
    CHECK(!flags_location(report), "after cen_tables_free: %s", check_shown(report));
    cen_string_free(report);

    cen_string_free(builtin_editions);
    cen_validator_free(with_unece);
    cen_validator_free(with_builtin);
    cen_validator_free(plain);
    return check_finish("tables");
}
