// The web app's files as `serve` sends them (compiled into the binary), over
// real HTTP on loopback, and its dictionary: both languages have every key,
// and every key the page uses is in it.
#include <gtest/gtest.h>

#include <cctype>
#include <set>

#include "api/embedded_files.hpp"
#include "api_harness.hpp"

namespace talentmatch::api::testing {
namespace {

TEST(WebPage, ThePageAndItsFilesAreServedFromTheBinaryWithoutAKey) {
    Harness h;
    const auto page = h.get("/", "");
    ASSERT_EQ(page.status, 200);
    EXPECT_EQ(page.content_type, "text/html; charset=utf-8");
    EXPECT_NE(page.body.find("<script type=\"module\" src=\"/app/app.js\">"), std::string::npos);
    EXPECT_NE(page.headers.at("Content-Security-Policy").find("default-src 'self'"),
              std::string::npos);
    for (const auto& file : embedded_files()) {
        if (!file.key.starts_with("web/")) continue;
        const std::string name(file.key.substr(4));
        const auto r = h.get("/app/" + name, "");
        EXPECT_EQ(r.status, 200) << name;
        EXPECT_EQ(r.body, file.bytes) << name;
    }
    EXPECT_EQ(h.get("/app/app.js", "").content_type, "text/javascript; charset=utf-8");
    EXPECT_EQ(h.get("/app/i18n.json", "").content_type, "application/json; charset=utf-8");
    EXPECT_EQ(h.get("/favicon.ico", "").content_type, "image/svg+xml");
    EXPECT_EQ(h.get("/app/no-such.js", "").status, 404);
    EXPECT_EQ(h.get("/app/..%2Fapi%2Fauth.cpp", "").status, 404);
}

std::set<std::string> keys_of(const nlohmann::json& language) {
    std::set<std::string> out;
    for (const auto& [key, text] : language.items()) {
        EXPECT_TRUE(text.is_string() && !text.get<std::string>().empty()) << key;
        out.insert(key);
    }
    return out;
}

TEST(WebPage, BothLanguagesHaveEveryKeyThePageUses) {
    const auto dictionary = nlohmann::json::parse(*embedded_file("web/i18n.json"));
    const auto en = keys_of(dictionary.at("en"));
    const auto zh = keys_of(dictionary.at("zh"));
    EXPECT_EQ(en, zh);
    EXPECT_GT(en.size(), 50u);

    // Keys written out in the scripts and the page: t("x.y"), key: "x.y", data-i18n="x.y".
    // (A plain scan, not <regex>: GCC 12 warns inside std::regex at -O2 with
    // sanitizers, and warnings are errors.)
    std::set<std::string> seen;
    auto is_key_char = [](char c) { return (c >= 'a' && c <= 'z') || c == '_' || c == '.'; };
    for (const auto& file : embedded_files()) {
        if (!file.key.starts_with("web/") || file.key.ends_with(".json")) continue;
        const std::string text(file.bytes);
        for (const std::string lead : {"t(\"", "key: \"", "data-i18n=\""}) {
            for (auto at = text.find(lead); at != std::string::npos; at = text.find(lead, at + 1)) {
                if (lead[0] == 't' && at > 0 &&
                    (std::isalnum(static_cast<unsigned char>(text[at - 1])) ||
                     text[at - 1] == '_')) {
                    continue;  // a name ending in t, not t(
                }
                std::size_t end = at + lead.size();
                while (end < text.size() && is_key_char(text[end])) ++end;
                const std::string key = text.substr(at + lead.size(), end - at - lead.size());
                if (end < text.size() && text[end] == '"' && key.find('.') != std::string::npos &&
                    key.back() != '.') {
                    seen.insert(key);
                }
            }
        }
    }
    // Keys the scripts build from a role, page or kind name.
    for (const char* role : {"admin", "career_office", "association", "viewer"}) {
        seen.insert(std::string("role.") + role);
    }
    for (const char* page : {"graduates", "jobs", "programs", "upload", "region", "runs"}) {
        seen.insert(std::string("nav.") + page);
    }
    for (const char* kind : {"jobs", "employers", "programs", "graduates"}) {
        seen.insert(std::string("kind.") + kind);
    }
    for (const char* status : {"created", "updated", "unchanged", "invalid", "not_applied",
                               "queued", "running", "succeeded", "failed"}) {
        seen.insert(std::string("status.") + status);
    }
    for (const char* step : {"openings", "eligible", "matched", "placed"}) {
        seen.insert(std::string("funnel.") + step);
    }
    EXPECT_GT(seen.size(), 60u);
    for (const auto& key : seen) EXPECT_TRUE(en.count(key)) << "missing in the dictionary: " << key;
}

}  // namespace
}  // namespace talentmatch::api::testing
