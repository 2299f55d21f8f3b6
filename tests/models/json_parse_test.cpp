#include "models/json_parse.hpp"

#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "models/json_codec.hpp"
#include "models/limits.hpp"
#include "models/utf8.hpp"
#include "tests/models/hostile_json.hpp"
#include "tests/models/sample_entities.hpp"

namespace talentmatch {
namespace {

using nlohmann::json;
using namespace talentmatch::testing;

// A valid job's wire form with `title` replaced by the raw JSON `title_json`.
std::string job_with_title(const std::string& title_json) {
    json job = encode(sample_job());
    job.erase("title");
    std::string text = job.dump();
    text.pop_back();  // '}'
    return text + ",\"title\":" + title_json + "}";
}

JsonError expect_error(std::string_view text) {
    json out;
    const auto error = parse_json(text, out);
    EXPECT_TRUE(error.has_value()) << text.substr(0, 80);
    if (!error) return {};
    EXPECT_TRUE(is_valid_utf8(error->error.message)) << error->error.message;
    EXPECT_TRUE(is_valid_utf8(error->error.path));
    return *error;
}

TEST(JsonParse, ArraysNestedFarTooDeepAreRefusedAtTheLimit) {
    const JsonError e = expect_error(deep_arrays(kCrashDepth));
    EXPECT_EQ(e.kind, JsonError::Kind::kTooDeep);
    EXPECT_EQ(e.error.path, repeat("[0]", kMaxJsonDepth));
    EXPECT_NE(e.error.message.find("nested"), std::string::npos) << e.error.message;
}

TEST(JsonParse, ObjectsNestedFarTooDeepAreRefusedAtTheLimit) {
    const JsonError e = expect_error(deep_objects(kObjectDepth));
    EXPECT_EQ(e.kind, JsonError::Kind::kTooDeep);
    EXPECT_EQ(e.error.path, "a" + repeat(".a", kMaxJsonDepth - 1));
}

TEST(JsonParse, DeepNestingInsideAFieldNamesTheField) {
    JsonError e = expect_error(job_with_title(deep_arrays(kCrashDepth)));
    EXPECT_EQ(e.kind, JsonError::Kind::kTooDeep);
    EXPECT_EQ(e.error.path, "title" + repeat("[0]", kMaxJsonDepth - 1));

    e = expect_error(job_with_title(deep_objects(kObjectDepth)));
    EXPECT_EQ(e.kind, JsonError::Kind::kTooDeep);
    EXPECT_EQ(e.error.path, "title" + repeat(".a", kMaxJsonDepth - 1));

    // Inside the third element of a top-level array (a bulk body).
    e = expect_error("[{},{},{\"x\":[1," + deep_arrays(500) + "]}]");
    EXPECT_EQ(e.kind, JsonError::Kind::kTooDeep);
    EXPECT_EQ(e.error.path, "[2].x[1]" + repeat("[0]", kMaxJsonDepth - 3));
}

TEST(JsonParse, NestingUpToTheLimitParsesAsNlohmannDoes) {
    for (const std::string& text : {deep_arrays(kMaxJsonDepth), deep_objects(kMaxJsonDepth)}) {
        json out;
        EXPECT_FALSE(parse_json(text, out).has_value());
        EXPECT_EQ(out, json::parse(text));
    }
    json out;
    EXPECT_TRUE(parse_json(deep_arrays(kMaxJsonDepth + 1), out).has_value());
}

TEST(JsonParse, BuildsTheSameDomAsNlohmann) {
    const std::string texts[] = {
        encode(sample_job()).dump(),
        encode(sample_graduate()).dump(),
        encode(sample_program()).dump(),
        R"([1, -2, 3.5, 18446744073709551615, -9223372036854775808, 1e300, true, null, "\u00e9\ud83d\ude00"])",
        R"({"a": 1, "a": 2, "b": {"c": [[], {}], "d": "x"}})",  // duplicate key: the last wins
        R"("just a string")",
        "  7  ",
        "[]",
        "{}",
    };
    for (const std::string& text : texts) {
        json out;
        const auto error = parse_json(text, out);
        EXPECT_FALSE(error.has_value()) << text << ": " << (error ? error->error.message : "");
        EXPECT_EQ(out, json::parse(text)) << text;
    }
}

TEST(JsonParse, NumbersOutOfRangeAreFieldErrors) {
    const std::string numbers[] = {"1e999", "-1e999", "1" + std::string(400, '0'), "2E+400"};
    for (const std::string& number : numbers) {
        json value = encode(sample_job());
        std::string text = value.dump();
        const std::string key = "\"headcount\":";
        const auto at = text.find(key) + key.size();
        text.replace(at, text.find(',', at) - at, number);
        const JsonError e = expect_error(text);
        EXPECT_EQ(e.kind, JsonError::Kind::kOutOfRange) << number;
        EXPECT_EQ(e.error.path, "headcount");
        EXPECT_EQ(e.error.message.rfind("number out of range, got ", 0), 0u) << e.error.message;
    }
    const JsonError e = expect_error(R"({"requirements":[{"level":1},{"level":1e999}]})");
    EXPECT_EQ(e.error.path, "requirements[1].level");
    EXPECT_EQ(e.error.message, "number out of range, got 1e999");
    EXPECT_EQ(expect_error("[0, 1e999]").error.path, "[1]");
    EXPECT_EQ(expect_error("-1e999").error.path, "");
}

TEST(JsonParse, NanAndInfinityTokensAreSyntaxErrors) {
    for (const char* text : {"NaN", "nan", "Infinity", "-Infinity", "inf", R"({"k": NaN})",
                             R"({"k": -Infinity})", "[1e]", "01", "1.", "+1"}) {
        const JsonError e = expect_error(text);
        EXPECT_EQ(e.kind, JsonError::Kind::kSyntax) << text;
        EXPECT_EQ(e.error.path, "");
        EXPECT_EQ(e.error.message.rfind("parse error at line 1, column ", 0), 0u)
            << e.error.message;
    }
}

TEST(JsonParse, InvalidUtf8IsASyntaxErrorWithAValidUtf8Message) {
    const std::string bad[] = {
        "\xC0\x80",          // overlong NUL
        "\xC1\xBF",          // overlong
        "\xE0\x80\xAF",      // overlong '/'
        "\xF0\x80\x80\xAF",  // overlong '/'
        "\xED\xA0\x80",      // UTF-16 surrogate U+D800
        "\xED\xBF\xBF",      // UTF-16 surrogate U+DFFF
        "\xF4\x90\x80\x80",  // above U+10FFFF
        "\xF5\x80\x80\x80",  // no such lead byte
        "\xFF",              //
        "\x80",              // stray continuation
        "\xE4\xB8",          // truncated
        "\\ud800",           // lone high surrogate escape
        "\\udc00",           // lone low surrogate escape
        "\\ud800\\u0041",    // high surrogate not followed by a low one
    };
    for (const std::string& inside : bad) {
        const JsonError e = expect_error(job_with_title("\"ab" + inside + "cd\""));
        EXPECT_EQ(e.kind, JsonError::Kind::kSyntax) << escape_invalid_utf8(inside);
    }
    json out;
    EXPECT_FALSE(parse_json(job_with_title("\"\xE4\xB8\xAD\xF0\x9F\x98\x80\""), out).has_value());
    EXPECT_EQ(out["title"], "\xE4\xB8\xAD\xF0\x9F\x98\x80");
}

TEST(JsonParse, LongInputIsQuotedShortInMessages) {
    const JsonError e = expect_error("\"" + std::string(100000, 'x') + "\xFF\"");
    EXPECT_EQ(e.kind, JsonError::Kind::kSyntax);
    EXPECT_LT(e.error.message.size(), 400u);
    const JsonError n = expect_error("1" + std::string(100000, '0'));
    EXPECT_EQ(n.kind, JsonError::Kind::kOutOfRange);
    EXPECT_LT(n.error.message.size(), 120u);
}

TEST(Utf8, FindsTheFirstInvalidByte) {
    EXPECT_EQ(first_invalid_utf8(""), std::string_view::npos);
    EXPECT_EQ(first_invalid_utf8("plain ascii, longer than eight bytes"), std::string_view::npos);
    EXPECT_EQ(first_invalid_utf8("\xE4\xB8\xAD\xE6\x96\x87 \xF0\x9F\x98\x80 \xC3\xA9"),
              std::string_view::npos);
    EXPECT_EQ(first_invalid_utf8("\xEF\xBF\xBF\xF4\x8F\xBF\xBF"), std::string_view::npos);
    EXPECT_EQ(first_invalid_utf8("abcdefghij\xC0\x80"), 10u);
    EXPECT_EQ(first_invalid_utf8("ab\xED\xA0\x80"), 2u);
    EXPECT_EQ(first_invalid_utf8("\xE4\xB8\xAD\xE4\xB8"), 3u);
    EXPECT_EQ(first_invalid_utf8("\xF4\x90\x80\x80"), 0u);
    EXPECT_EQ(escape_invalid_utf8("a\xFF\xE4\xB8\xAD"), "a\\xFF\xE4\xB8\xAD");
    EXPECT_EQ(invalid_utf8_message("ab\xC0", 2),
              "must be valid UTF-8 (invalid byte 0xC0 at offset 2)");
}

}  // namespace
}  // namespace talentmatch
