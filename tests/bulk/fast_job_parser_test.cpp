// parse_job_fast against the reference decoder (nlohmann + decode_job): when
// the fast path accepts a line, both give the same Job; anything unusual is
// left to the reference path.
#include "bulk/fast_job_parser.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "models/json_codec.hpp"
#include "tests/bulk/bulk_test_data.hpp"

namespace talentmatch::bulk {
namespace {

using namespace talentmatch::bulk::testing;

void expect_fast_agrees(const std::string& line, bool fast_should_accept, Job& fast) {
    const bool accepted = parse_job_fast(line, fast);
    EXPECT_EQ(accepted, fast_should_accept) << line;
    std::vector<FieldError> errors;
    std::optional<Job> reference;
    try {
        reference = decode_job(nlohmann::json::parse(line), "", errors);
    } catch (const nlohmann::json::parse_error&) {
    }
    if (accepted) {
        ASSERT_TRUE(reference.has_value()) << line;
        EXPECT_EQ(fast, *reference) << line;
    }
}

TEST(FastJobParser, AgreesWithTheReferenceDecoder) {
    std::mt19937 rng(13);
    Job reused;  // buffers carried over from line to line, as the callers do
    for (int i = 0; i < 500; ++i) {
        const std::string line = encode(random_job(rng)).dump();
        expect_fast_agrees(line, line.find('\\') == std::string::npos, reused);
    }
    // Any key order, spaces, missing optional keys; then a shorter job into
    // the same buffers (nothing of the previous one may remain).
    expect_fast_agrees(
        R"( { "requirements" : [ {"weight":7,"level":3,"skill_id":"x","must_have":true},
              {"skill_id":"y","level":2} ], "headcount": 4, "min_education":"bachelor",
            "required_certificates":["c2","c1"], "employer_id":"e", "id":"j" } )",
        true, reused);
    expect_fast_agrees(R"({"id":"j","employer_id":"e","requirements":[]})", true, reused);
    EXPECT_TRUE(reused.requirements.empty());
    EXPECT_EQ(reused.headcount, Job{}.headcount);
}

TEST(FastJobParser, LeavesEverythingUnusualToTheReferencePath) {
    const std::string head = R"({"id":"j","employer_id":"e",)";
    Job fast;
    for (const std::string tail : {
             R"("requirements":[],"extra":1})",                                // unknown key
             R"("requirements":[],"headcount":2.0})",                          // float
             R"("requirements":[],"headcount":1e3})",                          // exponent
             R"("requirements":[],"headcount":99999999999})",                  // out of range
             R"("requirements":[],"title":null})",                             // null
             R"("requirements":[],"headcount":"2"})",                          // wrong type
             R"("requirements":[],"min_education":"phd"})",                    // bad enum
             R"("requirements":[],"requirements":[]})",                        // repeated key
             R"("requirements":[]} trailing)",                                 // trailing text
             R"("requirements":[{"skill_id":"x"}]})",                          // missing level
             R"("requirements":[{"skill_id":"x","level":1,"must_have":1}]})",  // bool as int
             R"("requirements":[{"skill_id":"x","level":1,"note":"n"}]})",     // unknown key
             R"("requirements":[],"title":"a\"b"})",                           // escape
             R"("requirements":[],"headcount":02})",                           // leading zero
             R"("requirements":[],})",                                         // trailing comma
             "\"requirements\":[],\"title\":\"\xff\"}",                        // invalid UTF-8
         }) {
        expect_fast_agrees(head + tail, false, fast);
    }
    expect_fast_agrees(R"({"id":"j","employer_id":"e"})", false, fast);           // no requirements
    expect_fast_agrees(R"({"id":"j","requirements":[]})", false, fast);           // no employer
    expect_fast_agrees(R"({"employer_id":"e","requirements":[]})", false, fast);  // no id
}

}  // namespace
}  // namespace talentmatch::bulk
