// The one exception -> status mapping.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "api/problem.hpp"
#include "store/store_error.hpp"

namespace talentmatch::api {
namespace {

template <class E>
Response map(E error, std::string* internal = nullptr) {
    try {
        throw error;
    } catch (...) {
        return problem_from_exception(std::current_exception(), internal);
    }
}

TEST(Problem, ValidationErrorIs422WithFieldPaths) {
    const auto res = map(
        ValidationError(std::vector<FieldError>{{"requirements[2].level", "must be 1..5, got 7"}}));
    EXPECT_EQ(res.status, 422);
    EXPECT_EQ(res.content_type, "application/problem+json");
    const auto body = nlohmann::json::parse(res.body);
    EXPECT_EQ(body["status"], 422);
    EXPECT_EQ(body["title"], "Unprocessable Content");
    ASSERT_EQ(body["errors"].size(), 1u);
    EXPECT_EQ(body["errors"][0]["path"], "requirements[2].level");
    EXPECT_EQ(body["errors"][0]["message"], "must be 1..5, got 7");
}

TEST(Problem, TypedErrorsMapToTheirStatus) {
    EXPECT_EQ(map(NotFoundError("job", "j1")).status, 404);
    EXPECT_EQ(map(Unauthorized("x")).status, 401);
    EXPECT_EQ(map(Forbidden("x")).status, 403);
    EXPECT_EQ(map(Conflict("x")).status, 409);
    EXPECT_EQ(map(store::ConflictError("still referenced")).status, 409);
    EXPECT_EQ(map(UnsupportedMediaType("x")).status, 415);
    EXPECT_EQ(map(BadRequest("x")).status, 400);
}

TEST(Problem, StoreFaultIs500AndHidesTheMessage) {
    std::string internal;
    const auto res = map(store::StoreError("disk I/O error in /secret/path"), &internal);
    EXPECT_EQ(res.status, 500);
    EXPECT_EQ(res.body.find("/secret/path"), std::string::npos);
    EXPECT_NE(internal.find("/secret/path"), std::string::npos);
}

TEST(Problem, JsonParseErrorIs400) {
    try {
        const auto parsed = nlohmann::json::parse("{bad");
        FAIL() << parsed.dump();
    } catch (...) {
        EXPECT_EQ(problem_from_exception(std::current_exception(), nullptr).status, 400);
    }
}

}  // namespace
}  // namespace talentmatch::api
