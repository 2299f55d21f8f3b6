#include "models/json_parse.hpp"

#include <string>
#include <utility>
#include <vector>

#include "models/limits.hpp"
#include "models/utf8.hpp"

namespace talentmatch {

namespace {

using nlohmann::json;

// Quoted input in messages is cut to this many bytes (then "...").
constexpr std::size_t kMaxQuoted = 60;
constexpr std::size_t kMaxMessage = 300;

// `text` made valid UTF-8 (\xNN escapes) and cut to `max` bytes on a
// character boundary.
std::string printable(std::string_view text, std::size_t max) {
    std::string out = escape_invalid_utf8(text.substr(0, max + 4));
    if (out.size() <= max && text.size() <= max) return out;
    std::size_t cut = std::min(max, out.size());
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out.resize(cut);
    return out + "...";
}

// Builds the DOM nlohmann::json::parse would build (duplicate keys: the last
// wins), keeping the open containers on an explicit stack, and stops at the
// first limit broken. Each open container's slot in its parent stays put
// while it is open (nothing else is added to the parent meanwhile), so the
// pointers on the stack stay valid.
class BoundedDomBuilder {
  public:
    explicit BoundedDomBuilder(json& root) : root_(root) {}

    const std::optional<JsonError>& error() const { return error_; }

    bool null() { return put(json(nullptr)) != nullptr; }
    bool boolean(bool value) { return put(json(value)) != nullptr; }
    bool number_integer(json::number_integer_t value) { return put(json(value)) != nullptr; }
    bool number_unsigned(json::number_unsigned_t value) { return put(json(value)) != nullptr; }
    bool number_float(json::number_float_t value, const json::string_t&) {
        return put(json(value)) != nullptr;
    }
    bool string(json::string_t& value) { return put(json(std::move(value))) != nullptr; }
    bool binary(json::binary_t&) { return false; }  // never produced by the JSON lexer
    bool start_object(std::size_t) { return open(json::value_t::object); }
    bool key(json::string_t& name) {
        keys_.back() = std::move(name);
        return true;
    }
    bool end_object() { return close(); }
    bool start_array(std::size_t) { return open(json::value_t::array); }
    bool end_array() { return close(); }

    bool parse_error(std::size_t, const std::string& last_token, const json::exception& ex) {
        if (ex.id == 406) {  // out_of_range.406: "number overflow parsing '1e999'"
            std::string message = "number out of range, got ";
            message += printable(last_token, kMaxQuoted);
            fail(JsonError::Kind::kOutOfRange, std::move(message));
            return false;
        }
        std::string text = ex.what();
        const std::size_t cut = text.find("] ");  // drop "[json.exception.parse_error.101] "
        if (text.starts_with("[json.exception.") && cut != std::string::npos)
            text.erase(0, cut + 2);
        error_ = JsonError{JsonError::Kind::kSyntax, {"", printable(text, kMaxMessage)}};
        return false;
    }

  private:
    // The path of the value about to be added to the innermost open container.
    std::string pending_path() const {
        std::string path;
        for (std::size_t level = 0; level < stack_.size(); ++level) {
            const json& container = *stack_[level];
            if (container.is_array()) {
                // Below the top, the child on the path is the last element.
                const std::size_t size = container.size();
                const std::size_t index = level + 1 < stack_.size() ? size - 1 : size;
                path += '[';
                path += std::to_string(index);
                path += ']';
            } else {
                if (!path.empty()) path += '.';
                path += printable(keys_[level], kMaxQuoted);
            }
        }
        return path;
    }

    void fail(JsonError::Kind kind, std::string message) {
        error_ = JsonError{kind, {pending_path(), std::move(message)}};
    }

    // Adds `value` where the parser is (root, array element or object member).
    json* put(json&& value) {
        if (stack_.empty()) {
            root_ = std::move(value);
            return &root_;
        }
        json& parent = *stack_.back();
        if (parent.is_array()) {
            parent.push_back(std::move(value));
            return &parent.back();
        }
        json& slot = parent[keys_.back()];
        slot = std::move(value);
        return &slot;
    }

    bool open(json::value_t type) {
        if (stack_.size() >= kMaxJsonDepth) {
            std::string message = "arrays and objects may be nested at most ";
            message += std::to_string(kMaxJsonDepth);
            message += " deep";
            fail(JsonError::Kind::kTooDeep, std::move(message));
            return false;
        }
        stack_.push_back(put(json(type)));
        keys_.emplace_back();
        return true;
    }

    bool close() {
        stack_.pop_back();
        keys_.pop_back();
        return true;
    }

    json& root_;
    std::vector<json*> stack_;       // open containers, outermost first
    std::vector<std::string> keys_;  // per open container: its current key (objects)
    std::optional<JsonError> error_;
};

}  // namespace

std::optional<JsonError> parse_json(std::string_view text, json& out) {
    BoundedDomBuilder builder(out);
    const bool ok = json::sax_parse(text.begin(), text.end(), &builder);
    if (ok) return std::nullopt;
    if (builder.error()) return builder.error();
    return JsonError{JsonError::Kind::kSyntax, {"", "not valid JSON"}};
}

FieldError json_record_error(const JsonError& error) {
    if (error.kind != JsonError::Kind::kSyntax) return error.error;
    std::string text = error.error.message;
    constexpr std::string_view kPrefix = "parse error at line 1, ";
    if (text.starts_with(kPrefix)) text.erase(0, kPrefix.size());
    return {"", "invalid JSON: " + text};
}

}  // namespace talentmatch
