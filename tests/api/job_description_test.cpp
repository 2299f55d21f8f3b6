// Issue 12's measure: one optional field added to Job (`description`) goes
// end to end — JSON and CSV in, validation, the store (and a restart), the
// JSON Lines path, the API schema — with only the Description and the fast
// writer edited.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "api_harness.hpp"
#include "models/json_codec.hpp"

namespace talentmatch::api::testing {
namespace {

std::string repeated(const std::string& piece, int times) {
    std::string out;
    for (int i = 0; i < times; ++i) out += piece;
    return out;
}

TEST(JobDescription, TravelsThroughEveryRoadAndIsCheckedByItsRule) {
    Harness h;
    const std::string text = "负责园区网络的日常运维，\"7×24\" on-call; CSV, commas";
    nlohmann::json job = encode(make_job("jd1", "E1"));
    job["description"] = text;
    ASSERT_EQ(h.put("/v1/jobs/jd1", job.dump()).status, 201);
    EXPECT_EQ(h.get("/v1/jobs/jd1").json()["description"], text);

    // Left out: empty, as before the field existed.
    ASSERT_EQ(h.put("/v1/jobs/jd2", encode(make_job("jd2", "E1")).dump()).status, 201);
    EXPECT_EQ(h.get("/v1/jobs/jd2").json()["description"], "");

    // JSON Lines and CSV bodies.
    nlohmann::json line = encode(make_job("jd3", "E1"));
    line["description"] = "line";
    ASSERT_EQ(h.post("/v1/jobs:bulk", line.dump() + "\n", "admin", "application/x-ndjson").status,
              200);
    EXPECT_EQ(h.get("/v1/jobs/jd3").json()["description"], "line");
    const auto csv = h.post("/v1/jobs:bulk",
                            "id,employer_id,requirements,description\r\n"
                            "jd4,E1,s1:2,\"from a spreadsheet, with a comma\"\r\n",
                            "admin", "text/csv");
    ASSERT_EQ(csv.status, 200) << csv.body;
    EXPECT_EQ(h.get("/v1/jobs/jd4").json()["description"], "from a spreadsheet, with a comma");

    // Its rule: at most 2000 characters (CJK counted as one each).
    job["description"] = repeated("岗", 2000);
    EXPECT_EQ(h.put("/v1/jobs/jd1", job.dump()).status, 200);
    job["description"] = repeated("岗", 2001);
    const auto refused = h.put("/v1/jobs/jd1", job.dump());
    ASSERT_EQ(refused.status, 422);
    EXPECT_EQ(refused.json()["errors"][0]["path"], "description") << refused.body;
    EXPECT_EQ(h.get("/v1/jobs/jd1").json()["description"], repeated("岗", 2000));

    // Stored: still there after a restart on the same file.
    h.stop();
    h.start();
    EXPECT_EQ(h.get("/v1/jobs/jd4").json()["description"], "from a spreadsheet, with a comma");

    // Documented.
    const auto schema = h.get("/openapi.json", "").json()["components"]["schemas"]["Job"];
    EXPECT_EQ(schema["properties"]["description"]["maxLength"], 2000);
    const auto required = schema["required"];
    EXPECT_EQ(std::find(required.begin(), required.end(), "description"), required.end());
}

}  // namespace
}  // namespace talentmatch::api::testing
