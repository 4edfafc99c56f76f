// cen.h from C++: the header compiles as C++11 with every warning, its functions link with C
// linkage (extern "C"), and a validation works.
#include <cstdio>
#include <cstring>
#include <string>

#include "cen.h"

int main()
{
    int failed = 0, passed = 0;
    cen_validator *v = nullptr;
    char *report = nullptr;
    const std::string record = "{\"reporting_country\": \"BE\"}";

    (cen_validator_new("{\"today\": \"2026-11-28\"}", &v) == CEN_OK ? passed : failed)++;
    (cen_validate(v, record.data(), record.size(), &report) == CEN_OK ? passed : failed)++;
    (report != nullptr && std::strstr(report, "CEN-SCH-004") != nullptr ? passed : failed)++;
    (std::string(cen_version()) == CEN_VERSION_STRING ? passed : failed)++;
    cen_string_free(report);
    cen_status status = static_cast<cen_status>(cen_validate(nullptr, "{}", 2, &report));
    (status == CEN_ERR_NULL && report == nullptr ? passed : failed)++;
    cen_string_free(report);
    cen_validator_free(v);
    std::printf("cpp: %d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
