// The served OpenAPI document lists exactly the served routes, and lints
// clean with @redocly/cli (tests/api/tools, npm).
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <set>

#include "api_harness.hpp"

namespace talentmatch::api::testing {
namespace {

TEST(OpenApi, ListsExactlyTheServedRoutes) {
    Harness h;
    const auto r = h.get("/openapi.json", "");
    ASSERT_EQ(r.status, 200);
    const auto doc = r.json();
    std::set<std::string> documented;
    for (const auto& [path, operations] : doc["paths"].items()) {
        for (const auto& [method, op] : operations.items()) {
            std::string upper = method;
            for (auto& c : upper)
                c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            documented.insert(upper + " " + path);
        }
    }
    std::set<std::string> served;
    for (const auto& route : h.server().http().router().routes()) {
        served.insert(route.method + " " + route.pattern);
    }
    EXPECT_EQ(documented, served);
    EXPECT_EQ(doc["openapi"], "3.1.0");
}

TEST(OpenApi, LintsCleanWithRedocly) {
    const std::string tools = TALENTMATCH_API_TOOLS_DIR;
    if (std::system("command -v npx >/dev/null 2>&1") != 0) {
        GTEST_SKIP() << "npx is not installed: cannot run @redocly/cli (apt install npm)";
    }
    if (std::system(("test -x " + tools + "/node_modules/.bin/redocly").c_str()) != 0) {
        ASSERT_EQ(std::system(
                      ("cd " + tools + " && npm ci --no-audit --no-fund >/dev/null 2>&1").c_str()),
                  0)
            << "npm ci in " << tools << " failed (network?)";
    }
    Harness h;
    const auto r = h.get("/openapi.json", "");
    ASSERT_EQ(r.status, 200);
    TempDir dir;
    const auto file = dir.path() / "openapi.json";
    std::ofstream(file) << r.body;
    const auto log = dir.path() / "lint.log";
    const int rc =
        std::system(("cd " + tools + " && npx --no-install redocly lint --format=stylish " +
                     file.string() + " > " + log.string() + " 2>&1")
                        .c_str());
    std::ifstream in(log);
    const std::string output((std::istreambuf_iterator<char>(in)),
                             std::istreambuf_iterator<char>());
    EXPECT_EQ(rc, 0) << output;
    EXPECT_EQ(output.find("warning"), std::string::npos) << output;
}

}  // namespace
}  // namespace talentmatch::api::testing
