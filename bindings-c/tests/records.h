/* records.h: sample records shared by the C tests (the same as examples/records/). */
#ifndef CEN_TEST_RECORDS_H
#define CEN_TEST_RECORDS_H

/* Valid, long form, with nominal data (persons, narrative, a vehicle registration). */
static const char NCEN_WITH_PERSONS[] =
    "{\"source\": \"ncen\", \"case_ref\": \"NAT-2026-117\", \"reporting_country\": \"GE\","
    " \"seizure_date\": \"2026-06-14\", \"location\": {\"type\": \"land_border\", \"name\": \"Sarpi\"},"
    " \"procedure\": \"import\", \"detection\": {\"principal\": \"detector_dog\"},"
    " \"goods\": [{\"commodity\": \"drugs\", \"type\": \"heroin\", \"quantity\": 4.8, \"unit\": \"kg\","
    " \"concealment\": \"vehicle_compartment\"}],"
    " \"conveyance\": [{\"type\": \"road_private\", \"vehicle_registration\": \"34-XX-000\","
    " \"registration_country\": \"TR\", \"date\": \"2026-06-14\"}],"
    " \"route\": {\"departure\": \"TR\", \"destination\": \"GE\"},"
    " \"persons\": [{\"surname\": \"Example\", \"given_names\": \"Sample\", \"birth_date\": \"1985-09-02\","
    " \"nationality\": \"TR\", \"gender\": \"male\", \"role\": \"driver\", \"documents\": [{\"type\":"
    " \"passport\", \"number\": \"U00000000\", \"issuing_country\": \"TR\", \"expiry\": \"2029-01-01\"}]}],"
    " \"narrative\": \"Compartment behind the rear seat, found by the dog team.\"}";

/* Invalid: four errors (CEN-MOV-009, CEN-IDN-001, CEN-MOV-006, CEN-MOV-001). */
static const char INVALID_MOVEMENT[] =
    "{\"reporting_country\": \"NL\", \"seizure_date\": \"2026-07-01\","
    " \"location\": {\"type\": \"seaport\", \"code\": \"BEANR\"}, \"procedure\": \"import\","
    " \"detection\": {\"principal\": \"xray\"}, \"goods\": [{\"commodity\": \"drugs\", \"type\":"
    " \"cocaine\", \"quantity\": 300, \"unit\": \"kg\", \"concealment\": \"container_structure\"}],"
    " \"conveyance\": [{\"type\": \"sea_container\", \"container\": \"MSKU6011673\","
    " \"awb\": \"016-12345675\"}], \"route\": {\"departure\": \"EC\", \"destination\": \"DE\"}}";

/* Valid, with an air waybill: twice in one batch it is a duplicate (CEN-DUP-001). */
static const char AIR_CARGO[] =
    "{\"reporting_country\": \"BE\", \"seizure_date\": \"2026-02-28\","
    " \"location\": {\"type\": \"airport\", \"code\": \"BRU\"}, \"procedure\": \"import\","
    " \"detection\": {\"principal\": \"risk_profiling\"}, \"goods\": [{\"commodity\": \"drugs\","
    " \"type\": \"cocaine\", \"quantity\": 2.5, \"unit\": \"kg\", \"concealment\": \"mixed_with_goods\"}],"
    " \"conveyance\": [{\"type\": \"air_cargo\", \"awb\": \"016-12345675\", \"from\": \"GRU\","
    " \"to\": \"BRU\"}], \"route\": {\"origin\": \"CO\", \"departure\": \"BR\","
    " \"destination\": \"BE\"}}";

#define TODAY_OPTIONS "{\"today\": \"2026-11-28\"}"

#endif
