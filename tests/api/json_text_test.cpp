// json_text.hpp writes exactly what nlohmann::json::dump() writes: strings
// (escapes, UTF-8, invalid bytes) and doubles (special values, both
// notations, random bit patterns).
#include "api/json_text.hpp"

#include <gtest/gtest.h>

#include <bit>
#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace talentmatch::api {
namespace {

std::string dumped(const nlohmann::json& value) {
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

TEST(JsonText, StringsAreWrittenAsDumpWritesThem) {
    std::vector<std::string> texts = {"",
                                      "plain ascii",
                                      "quote \" backslash \\ slash /",
                                      "\b\f\n\r\t",
                                      std::string("nul \0 inside", 12),
                                      "\x01\x1f\x7f",
                                      "电池 工程师",
                                      "é ß ü",
                                      "bad \xff byte",
                                      "cut \xe7\x94 short",
                                      "emoji \xf0\x9f\x94\x8b"};
    std::mt19937 rng(7);
    for (int i = 0; i < 500; ++i) {  // random bytes, mostly ASCII
        std::string t;
        const int n = int(rng() % 20);
        for (int c = 0; c < n; ++c) {
            t += char(rng() % 8 == 0 ? rng() % 256 : 32 + rng() % 95);
        }
        texts.push_back(t);
    }
    for (const std::string& t : texts) {
        std::string out = "x";  // appends, keeping what is there
        append_json_string(out, t);
        std::string want = "x";
        want += dumped(t);
        EXPECT_EQ(out, want) << t;
    }
}

TEST(JsonText, NumbersAreWrittenAsDumpWritesThem) {
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
        values.push_back(unit(rng));                     // scores, fits, coverages
        values.push_back(std::bit_cast<double>(rng()));  // any bit pattern
    }
    for (const double v : values) {
        std::string out;
        append_json_number(out, v);
        EXPECT_EQ(out, dumped(v)) << v;
    }
}

}  // namespace
}  // namespace talentmatch::api
