// talentmatch keys create|list|revoke: API keys in the store. Only the
// SHA-256 of a key is stored; `create` prints the key itself once.
#include <iostream>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/open_store.hpp"
#include "store/store.hpp"

namespace talentmatch::cli {
namespace {

struct KeysOptions {
    std::string db;
    std::string role;
    std::string org;
    std::string label;
    std::string id;
};

int create(const KeysOptions& o) {
    const auto role = store::parse_role(o.role);
    if (!role) {
        std::cerr << "talentmatch keys create: --role must be admin, association, career_office, "
                     "research_office or viewer, got \""
                  << o.role << "\"\n";
        return kExitUsage;
    }
    store::Store db(o.db, existing_store());
    if (const auto problem = missing_organisation(db, *role, o.org)) {
        std::cerr << "talentmatch keys create: --org: " << *problem << "\n";
        return kExitUsage;
    }
    store::NewApiKey key;
    try {
        key = db.create_api_key(*role, o.org, o.label);
    } catch (const ValidationError& e) {
        for (const auto& error : e.errors()) {
            std::cerr << "talentmatch keys create: --"
                      << (error.path == "org_id" ? "org" : error.path) << ": " << error.message
                      << "\n";
        }
        return kExitUsage;
    }
    std::cerr << "created key " << key.key.id << " (role " << store::to_string(key.key.role)
              << (key.key.org_id.empty() ? "" : ", org " + key.key.org_id)
              << "); it is shown only now:\n";
    std::cout << key.plaintext << "\n";
    return kExitOk;
}

int list(const KeysOptions& o) {
    store::Store db(o.db, existing_store());
    std::cout << "id\trole\torg\tlabel\tcreated_at\trevoked_at\n";
    for (const auto& key : db.list_api_keys()) {
        std::cout << key.id << "\t" << store::to_string(key.role) << "\t" << key.org_id << "\t"
                  << key.label << "\t" << key.created_at << "\t" << key.revoked_at.value_or("-")
                  << "\n";
    }
    return kExitOk;
}

int revoke(const KeysOptions& o) {
    store::Store db(o.db, existing_store());
    if (!db.revoke_api_key(o.id)) {
        std::cerr << "talentmatch keys revoke: no active key '" << o.id << "'\n";
        return kExitFailure;
    }
    std::cerr << "revoked key " << o.id << " (effective on the next request)\n";
    return kExitOk;
}

}  // namespace

void add_keys_command(CLI::App& app, int& exit_code) {
    auto o = std::make_shared<KeysOptions>();
    auto* keys = app.add_subcommand("keys", "Create, list and revoke API keys");
    keys->require_subcommand(1);

    auto* c = keys->add_subcommand("create", "Create a key and print it once");
    c->add_option("--db", o->db, "SQLite store file")->required();
    c->add_option("--role", o->role,
                  "admin | association | career_office | research_office | viewer")
        ->required();
    c->add_option("--org", o->org,
                  "association id (role association) or institution id (roles career_office, "
                  "research_office)");
    c->add_option("--label", o->label, "a note for `keys list`");
    c->callback([o, &exit_code] { exit_code = create(*o); });

    auto* l = keys->add_subcommand("list", "List keys (never the keys themselves)");
    l->add_option("--db", o->db, "SQLite store file")->required();
    l->callback([o, &exit_code] { exit_code = list(*o); });

    auto* r = keys->add_subcommand("revoke", "Revoke a key at once");
    r->add_option("--db", o->db, "SQLite store file")->required();
    r->add_option("id", o->id, "the key id shown by create / list")->required();
    r->callback([o, &exit_code] { exit_code = revoke(*o); });
}

}  // namespace talentmatch::cli
