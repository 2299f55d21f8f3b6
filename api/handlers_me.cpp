// GET /v1/me: who the key is (role, organisation and its name), so a page
// can adapt to the key it was given without asking the person.
#include <nlohmann/json.hpp>

#include "api/handlers.hpp"
#include "api/request_parsing.hpp"
#include "store/store.hpp"

namespace talentmatch::api {

void add_me_route(std::vector<RouteSpec>& routes, ApiContext& ctx) {
    routes.push_back({"GET",
                      "/v1/me",
                      "The calling key: id, role, organisation and its name",
                      "system",
                      RoleSet::all(),
                      "",
                      {},
                      {},
                      [&ctx](Request&, const Principal& p) {
                          nlohmann::json org_name = nullptr;
                          if (p.role == Role::kCareerOffice) {
                              if (auto inst = ctx.store.get<Institution>(p.org)) {
                                  org_name = inst->name;
                              }
                          }
                          return json_response({{"key_id", p.key_id},
                                                {"role", to_string(p.role)},
                                                {"org", p.org.empty() ? nlohmann::json(nullptr)
                                                                      : nlohmann::json(p.org)},
                                                {"org_name", org_name}});
                      }});
}

}  // namespace talentmatch::api
