// Route table matching, without a socket.
#include <gtest/gtest.h>

#include "api/router.hpp"

namespace talentmatch::api {
namespace {

Handler named(const std::string& name) {
    return [name](Request&) {
        Response r;
        r.body = name;
        return r;
    };
}

TEST(Router, MatchesLiteralsAndParameters) {
    Router router;
    router.add("GET", "/v1/graduates/{id}/matches", named("matches"));
    router.add("GET", "/v1/graduates/{gid}/explain/{jid}", named("explain"));
    std::map<std::string, std::string> params;
    auto m = router.match("GET", "/v1/graduates/g-1/explain/j-9", params);
    ASSERT_NE(m.route, nullptr);
    EXPECT_EQ(m.route->pattern, "/v1/graduates/{gid}/explain/{jid}");
    EXPECT_EQ(params.at("gid"), "g-1");
    EXPECT_EQ(params.at("jid"), "j-9");
}

TEST(Router, PrefersLiteralSegmentsOverParameters) {
    Router router;
    router.add("GET", "/v1/jobs/{id}", named("one"));
    router.add("GET", "/v1/jobs/special", named("special"));
    std::map<std::string, std::string> params;
    EXPECT_EQ(router.match("GET", "/v1/jobs/special", params).route->pattern, "/v1/jobs/special");
    EXPECT_EQ(router.match("GET", "/v1/jobs/other", params).route->pattern, "/v1/jobs/{id}");
}

TEST(Router, CustomMethodSuffixIsALiteralSegment) {
    Router router;
    router.add("POST", "/v1/jobs:bulk", named("bulk"));
    router.add("PUT", "/v1/jobs/{id}", named("put"));
    std::map<std::string, std::string> params;
    EXPECT_NE(router.match("POST", "/v1/jobs:bulk", params).route, nullptr);
    EXPECT_EQ(router.match("POST", "/v1/jobs", params).route, nullptr);
    EXPECT_FALSE(router.match("POST", "/v1/jobs", params).path_known);
}

TEST(Router, ReportsAllowedMethodsForAKnownPath) {
    Router router;
    router.add("GET", "/v1/jobs/{id}", named("get"));
    router.add("PUT", "/v1/jobs/{id}", named("put"));
    std::map<std::string, std::string> params;
    const auto m = router.match("POST", "/v1/jobs/j1", params);
    EXPECT_EQ(m.route, nullptr);
    EXPECT_TRUE(m.path_known);
    EXPECT_EQ(m.allowed_methods, (std::vector<std::string>{"GET", "PUT"}));
}

TEST(Router, EmptySegmentDoesNotMatchAParameter) {
    Router router;
    router.add("GET", "/v1/jobs/{id}", named("get"));
    std::map<std::string, std::string> params;
    EXPECT_EQ(router.match("GET", "/v1/jobs/", params).route, nullptr);
}

TEST(Router, RejectsDuplicateRoutes) {
    Router router;
    router.add("GET", "/a", named("a"));
    EXPECT_THROW(router.add("GET", "/a", named("b")), std::invalid_argument);
}

}  // namespace
}  // namespace talentmatch::api
