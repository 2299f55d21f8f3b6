#include "bulk/json_line.hpp"

#include <gtest/gtest.h>

#include <bit>
#include <limits>
#include <random>

#include <nlohmann/json.hpp>

#include "bulk/fast_graduate_parser.hpp"
#include "models/json_codec.hpp"
#include "tests/bulk/bulk_test_data.hpp"
#include "tests/models/sample_entities.hpp"

namespace talentmatch::bulk {
namespace {

using namespace talentmatch::bulk::testing;
using namespace talentmatch::testing;

template <class T>
void expect_same_bytes(const T& value) {
    std::string fast;
    append_json_line(fast, value);
    const std::string reference =
        encode(value).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    EXPECT_EQ(fast, reference);
}

TEST(JsonLine, WritesTheSameBytesAsTheCodecForEveryEntity) {
    expect_same_bytes(sample_skill());
    expect_same_bytes(sample_certificate());
    expect_same_bytes(sample_institution());
    expect_same_bytes(sample_program());
    expect_same_bytes(sample_employer());
    expect_same_bytes(sample_job());
    expect_same_bytes(sample_graduate());
    expect_same_bytes(Graduate{});
    expect_same_bytes(Job{});
}

TEST(JsonLine, EscapesLikeTheCodecIncludingControlAndInvalidUtf8) {
    Skill skill = sample_skill();
    for (const char* text : {"quote \" back \\ slash / tab \t nl \n cr \r", "\x01\x1f\x7f",
                             "bad \xff utf8", "cut \xe8\xb7", "\xed\xa0\x80 surrogate",
                             "4-byte \xf0\x9f\x98\x80 ok", "overlong \xc0\xaf"}) {
        skill.name_en = text;
        expect_same_bytes(skill);
    }
    std::mt19937 rng(7);
    for (int i = 0; i < 300; ++i) {
        expect_same_bytes(random_graduate(rng, true));
        expect_same_bytes(random_job(rng));
        expect_same_bytes(random_program(rng));
    }
}

// Doubles (the API's match lists: scores, fits, coverages) as dump() writes
// them: special values, both notations, random bit patterns.
TEST(JsonLine, NumbersAreWrittenAsDumpWritesThem) {
    std::vector<double> values = {0.0,
                                  -0.0,
                                  1.0,
                                  -1.0,
                                  0.5,
                                  0.1,
                                  1.0 / 3.0,
                                  1e-5,
                                  0.0001,
                                  123456789012345.0,
                                  1234567890123456789.0,
                                  1e300,
                                  std::numeric_limits<double>::denorm_min(),
                                  std::numeric_limits<double>::max(),
                                  std::numeric_limits<double>::quiet_NaN(),
                                  std::numeric_limits<double>::infinity(),
                                  -std::numeric_limits<double>::infinity()};
    std::mt19937_64 rng(11);
    std::uniform_real_distribution<double> unit(0.0, 1.02);
    for (int i = 0; i < 5000; ++i) {
        values.push_back(unit(rng));
        values.push_back(std::bit_cast<double>(rng()));
    }
    for (const double v : values) {
        std::string out = "x";  // appends, keeping what is there
        append_json_number(out, v);
        std::string want = "x";
        want += nlohmann::json(v).dump();
        EXPECT_EQ(out, want) << v;
    }
}

// The fast parser must agree with the reference decoder whenever it accepts a line.
void expect_fast_agrees(const std::string& line, bool fast_should_accept) {
    Graduate fast;
    const bool accepted = parse_graduate_fast(line, fast);
    EXPECT_EQ(accepted, fast_should_accept) << line;
    std::vector<FieldError> errors;
    std::optional<Graduate> reference;
    try {
        reference = decode_graduate(nlohmann::json::parse(line), "", errors);
    } catch (const nlohmann::json::parse_error&) {
    }
    if (accepted) {
        ASSERT_TRUE(reference.has_value()) << line;
        EXPECT_EQ(fast, *reference) << line;
    }
}

TEST(FastGraduateParser, AgreesWithTheReferenceDecoder) {
    std::mt19937 rng(11);
    for (int i = 0; i < 500; ++i) {
        Graduate g = random_graduate(rng, i % 2 == 0);
        // Escapes in strings are left to the reference path.
        const std::string line = encode(g).dump();
        expect_fast_agrees(line, line.find('\\') == std::string::npos);
    }
    // Any key order, spaces, missing optional keys, evidence without ref.
    expect_fast_agrees(
        R"( { "skills" : [ {"level":3,"skill_id":"x","evidence":[{"kind":"project"}]} ],
            "seeking":false, "graduation_year":2025, "program_id":"p",
            "institution_id":"i", "id":"g" } )",
        true);
    expect_fast_agrees(R"({"id":"g","institution_id":"i","program_id":"p","graduation_year":-0})",
                       true);
}

TEST(FastGraduateParser, LeavesEverythingUnusualToTheReferencePath) {
    const std::string head = R"({"id":"g","institution_id":"i","program_id":"p",)";
    for (
        const std::string tail : {
            R"("graduation_year":2025,"extra":1})",                    // unknown key
            R"("graduation_year":2025.0})",                            // float
            R"("graduation_year":1e3})",                               // exponent
            R"("graduation_year":99999999999})",                       // out of range
            R"("graduation_year":2025,"seeking":null})",               // null
            R"("graduation_year":2025,"seeking":1})",                  // wrong type
            R"("graduation_year":2025,"education_level":"phd"})",      // bad enum
            R"("graduation_year":2025,"graduation_year":2024})",       // repeated key
            R"("graduation_year":2025} trailing)",                     // trailing text
            R"("graduation_year":2025,"skills":[{"skill_id":"x"}]})",  // missing level
            R"("graduation_year":2025,"skills":[{"skill_id":"x","level":1,"evidence":[{"ref":"r"}]}]})",
            R"("graduation_year":2025,"certificates":["a\"b"]})",     // escape
            R"("graduation_year":02025})",                            // leading zero
            R"("graduation_year":2025,})",                            // trailing comma
            "\"graduation_year\":2025,\"certificates\":[\"\xff\"]}",  // invalid UTF-8
        }) {
        expect_fast_agrees(head + tail, false);
    }
    expect_fast_agrees(R"({"id":"g","institution_id":"i","program_id":"p"})", false);  // no year
}

}  // namespace
}  // namespace talentmatch::bulk
