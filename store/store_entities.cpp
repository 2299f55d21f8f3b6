// Store's operations on entities, once for every kind: each is the generic
// path of store_impl.hpp over the kind's own four functions (check,
// write_entity, read_entities, delete_stored in store_<kind>.cpp), and is
// instantiated here for every kind of TALENTMATCH_STORED_KINDS.
#include "store/store.hpp"
#include "store/store_impl.hpp"

namespace talentmatch::store {

namespace {
// The reader of kind T: the read_entities overload for T.
template <class T>
constexpr Reader<T> reader_of() {
    return read_entities;
}
}  // namespace

template <class T>
UpsertOutcome Store::upsert(const T& value) {
    return upsert_one(*impl_, reader_of<T>(), value);
}

template <class T>
BulkResult Store::upsert_many(std::span<const T> values, BulkMode mode) {
    return upsert_bulk(*impl_, reader_of<T>(), values, mode);
}

template <class T>
std::optional<T> Store::get(const std::string& id) {
    return get_one<T>(*impl_, reader_of<T>(), id);
}

template <class T>
Page<T> Store::list(const PageRequest& request) {
    return list_page<T>(*impl_, reader_of<T>(), request);
}

template <class T>
void Store::scan(const ScanOptions& options, const std::function<void(const T&)>& sink) {
    scan_all<T>(*impl_, reader_of<T>(), options, sink);
}

template <class T>
bool Store::remove(const std::string& id) {
    return delete_stored(*impl_, std::type_identity<T>{}, id);
}

#define TALENTMATCH_INSTANTIATE_STORED_KIND(T)                                              \
    template UpsertOutcome Store::upsert<T>(const T&);                                      \
    template BulkResult Store::upsert_many<T>(std::span<const T>, BulkMode);                \
    template std::optional<T> Store::get<T>(const std::string&);                            \
    template Page<T> Store::list<T>(const PageRequest&);                                    \
    template void Store::scan<T>(const ScanOptions&, const std::function<void(const T&)>&); \
    template bool Store::remove<T>(const std::string&);
TALENTMATCH_STORED_KINDS(TALENTMATCH_INSTANTIATE_STORED_KIND)
#undef TALENTMATCH_INSTANTIATE_STORED_KIND

}  // namespace talentmatch::store
