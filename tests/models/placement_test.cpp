// A placement outcome's codec and rules: round trip, required fields, enum
// names, dates, and field paths under a prefix.
#include <gtest/gtest.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "models/json_codec.hpp"
#include "models/validation.hpp"

namespace talentmatch {
namespace {

using nlohmann::json;

Placement sample() {
    return {"pl-1", "g-1", "emp-1", "job-1", "2026-07-01", PlacementSource::kGraduateReport};
}

KnownIds known() {
    KnownIds k;
    k.employers = {"emp-1"};
    return k;
}

std::vector<std::string> paths(const std::vector<FieldError>& errors) {
    std::vector<std::string> out;
    for (const auto& e : errors) out.push_back(e.path);
    return out;
}

TEST(PlacementCodec, RoundTripsEveryField) {
    std::vector<FieldError> errors;
    const auto back = decode_placement(encode(sample()), "", errors);
    ASSERT_TRUE(back) << errors.size();
    EXPECT_EQ(*back, sample());
    EXPECT_EQ(encode(sample())["source"], "graduate_report");
}

TEST(PlacementCodec, NamesMissingRequiredFieldsUnknownFieldsAndBadSources) {
    std::vector<FieldError> errors;
    const json in = {{"id", "pl-1"}, {"source", "rumour"}, {"employer", "x"}};
    EXPECT_FALSE(decode_placement(in, "placements[2]", errors));
    const auto p = paths(errors);
    for (const char* expected :
         {"placements[2].graduate_id", "placements[2].employer_id", "placements[2].date",
          "placements[2].source", "placements[2].employer"}) {
        EXPECT_NE(std::find(p.begin(), p.end(), expected), p.end()) << expected;
    }
}

TEST(PlacementCodec, DefaultsTheSourceToSurveyAndTheJobToNone) {
    std::vector<FieldError> errors;
    const auto p = decode_placement(
        {{"id", "pl-1"}, {"graduate_id", "g"}, {"employer_id", "e"}, {"date", "2026-01-02"}}, "",
        errors);
    ASSERT_TRUE(p);
    EXPECT_EQ(p->source, PlacementSource::kSurvey);
    EXPECT_EQ(p->job_id, "");
}

TEST(PlacementRules, AValidPlacementHasNoErrors) {
    EXPECT_TRUE(validate(sample(), known(), "").empty());
    Placement no_job = sample();
    no_job.job_id.clear();
    EXPECT_TRUE(validate(no_job, known(), "").empty());
}

TEST(PlacementRules, UnknownEmployerBadIdsAndDatesAreErrorsAtTheirField) {
    Placement bad = sample();
    bad.id = "has space";
    bad.graduate_id = "";
    bad.employer_id = "emp-9";
    bad.job_id = "a;b";
    bad.date = "2026-13-01";
    EXPECT_EQ(
        paths(validate(bad, known(), "items[0]")),
        (std::vector<std::string>{"items[0].id", "items[0].graduate_id", "items[0].employer_id",
                                  "items[0].job_id", "items[0].date"}));
    Placement undated = sample();
    undated.date.clear();
    const auto errors = validate(undated, known(), "");
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].path, "date");
}

}  // namespace
}  // namespace talentmatch
