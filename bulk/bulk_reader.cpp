#include "bulk/bulk_reader.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>
#include <string_view>
#include <variant>
#include <vector>

#include "bulk/csv_formats.hpp"
#include "bulk/csv_reader.hpp"
#include "bulk/fast_graduate_parser.hpp"
#include "bulk/fast_job_parser.hpp"
#include "bulk/line_reader.hpp"
#include "bulk/text_encoding.hpp"
#include "models/json_codec.hpp"
#include "models/json_parse.hpp"
#include "models/utf8.hpp"

namespace talentmatch::bulk {

namespace {

std::optional<Entity> decode_entity(EntityKind kind, const nlohmann::json& in,
                                    std::vector<FieldError>& errors) {
    auto wrap = [](auto decoded) -> std::optional<Entity> {
        if (!decoded) return std::nullopt;
        return Entity(std::move(*decoded));
    };
    switch (kind) {
        case EntityKind::kSkills:
            return wrap(decode_skill(in, "", errors));
        case EntityKind::kCertificates:
            return wrap(decode_certificate(in, "", errors));
        case EntityKind::kInstitutions:
            return wrap(decode_institution(in, "", errors));
        case EntityKind::kPrograms:
            return wrap(decode_program(in, "", errors));
        case EntityKind::kEmployers:
            return wrap(decode_employer(in, "", errors));
        case EntityKind::kJobs:
            return wrap(decode_job(in, "", errors));
        case EntityKind::kGraduates:
            return wrap(decode_graduate(in, "", errors));
        case EntityKind::kPlacements:
            return wrap(decode_placement(in, "", errors));
        case EntityKind::kTeachers:
            return wrap(decode_teacher(in, "", errors));
        case EntityKind::kProjects:
            return wrap(decode_project(in, "", errors));
        case EntityKind::kInnovationDemands:
            return wrap(decode_innovation_demand(in, "", errors));
        case EntityKind::kResearchResults:
            return wrap(decode_research_result(in, "", errors));
        case EntityKind::kOccupationalStandards:
            return wrap(decode_occupational_standard(in, "", errors));
        case EntityKind::kCourses:
            return wrap(decode_course(in, "", errors));
        case EntityKind::kTrainingPrograms:
            return wrap(decode_training_program(in, "", errors));
    }
    return std::nullopt;
}

bool is_blank(std::string_view line) {
    return line.find_first_not_of(" \t") == std::string_view::npos;
}

template <class T>
bool parse_fast(std::string_view line, BulkItem& item, bool (*parse)(std::string_view, T&)) {
    if (!item.entity || !std::holds_alternative<T>(*item.entity)) {
        item.entity.emplace(std::in_place_type<T>);
    }
    return parse(line, std::get<T>(*item.entity));
}

std::string id_of(const Entity& entity) {
    return std::visit([](const auto& e) { return e.id; }, entity);
}

// One JSON Lines record (not blank) into `item`, then the callback.
void read_json_line(std::string_view line, std::size_t line_number, EntityKind kind, BulkItem& item,
                    const ItemCallback& callback) {
    item.line = line_number;
    item.errors.clear();
    item.id.clear();
    // Fast paths for the big kinds, parsing into the previous item's entity
    // to reuse its buffers (unless the callback moved it out). Anything they
    // do not accept takes the reference path below, which also produces the
    // exact error messages.
    if ((kind == EntityKind::kGraduates && parse_fast<Graduate>(line, item, parse_graduate_fast)) ||
        (kind == EntityKind::kJobs && parse_fast<Job>(line, item, parse_job_fast))) {
        item.id = id_of(*item.entity);
        callback(item);
        return;
    }
    item.entity.reset();
    nlohmann::json value;
    if (const auto error = parse_json(line, value)) {
        item.errors.push_back(json_record_error(*error));
        callback(item);
        return;
    }
    if (value.is_object()) {
        const auto id = value.find("id");
        if (id != value.end() && id->is_string()) item.id = id->get<std::string>();
    }
    item.entity = decode_entity(kind, value, item.errors);
    callback(item);
}

void read_json_lines(const std::filesystem::path& path, EntityKind kind,
                     const ItemCallback& callback) {
    LineReader lines(path);
    BulkItem item;
    item.source = &path;
    std::string_view line;
    while (lines.next(line)) {
        if (!is_blank(line)) read_json_line(line, lines.line_number(), kind, item, callback);
    }
}

// As LineReader splits a file: LF or CRLF, a UTF-8 byte-order mark skipped.
TextEncoding read_json_lines(std::string_view bytes, EntityKind kind,
                             const ItemCallback& callback) {
    TextEncoding encoding = TextEncoding::kUtf8;
    if (bytes.starts_with("\xEF\xBB\xBF")) {
        bytes.remove_prefix(3);
        encoding = TextEncoding::kUtf8Bom;
    }
    BulkItem item;
    std::size_t line_number = 0;
    while (!bytes.empty()) {
        const std::size_t end = std::min(bytes.find('\n'), bytes.size());
        std::string_view line = bytes.substr(0, end);
        bytes.remove_prefix(std::min(end + 1, bytes.size()));
        ++line_number;
        if (line.ends_with('\r')) line.remove_suffix(1);
        if (!is_blank(line)) read_json_line(line, line_number, kind, item, callback);
    }
    return encoding;
}

// True when the whole file is UTF-8 (with or without a byte-order mark),
// read in chunks so memory stays bounded.
bool file_is_utf8(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open " + path.string());
    std::string chunk;
    std::string carry;  // an incomplete sequence at a chunk's end
    std::vector<char> buffer(1 << 20);
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        const auto got = static_cast<std::size_t>(in.gcount());
        if (got == 0) break;
        chunk = carry;
        chunk.append(buffer.data(), got);
        std::size_t keep = 0;  // bytes of a sequence that may continue in the next chunk
        for (std::size_t k = 1; k <= 3 && k <= chunk.size(); ++k) {
            const auto c = static_cast<unsigned char>(chunk[chunk.size() - k]);
            if ((c & 0xC0) == 0xC0) {
                keep = k;
                break;
            }
            if ((c & 0xC0) != 0x80) break;
        }
        carry = chunk.substr(chunk.size() - keep);
        chunk.resize(chunk.size() - keep);
        if (!is_valid_utf8(chunk)) return false;
    }
    if (in.bad()) throw std::runtime_error("cannot read " + path.string());
    return carry.empty();
}

// Reads the records of an open CSV stream.
void read_csv_stream(std::istream& in, const std::filesystem::path* source, EntityKind kind,
                     const ItemCallback& callback);

// True when the file starts as a spreadsheet workbook (whose first bytes
// may well be ASCII, so the UTF-8 check alone would read it as text).
bool file_starts_as_workbook(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    char head[8] = {};
    in.read(head, sizeof head);
    return starts_as_workbook(std::string_view(head, static_cast<std::size_t>(in.gcount())));
}

void read_csv(const std::filesystem::path& path, EntityKind kind, const ItemCallback& callback) {
    if (!file_starts_as_workbook(path) && file_is_utf8(path)) {
        std::ifstream in(path, std::ios::binary);
        if (!in) throw std::runtime_error("cannot open " + path.string());
        read_csv_stream(in, &path, kind, callback);
        return;
    }
    // Not UTF-8: a spreadsheet's GBK / GB18030 (converted whole; such files
    // are small), or refused: a workbook, or with the line that is neither.
    std::ifstream file(path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    if (file.bad()) throw std::runtime_error("cannot read " + path.string());
    DecodedText decoded;
    try {
        decoded = decode_csv_text(std::move(bytes));
    } catch (const EncodingError& e) {
        BulkItem item;
        item.source = &path;
        item.line = e.line();
        item.errors.push_back({"", e.what()});
        item.whole_file = true;
        callback(item);
        return;
    }
    std::istringstream in(std::move(decoded.text));
    read_csv_stream(in, &path, kind, callback);
}

TextEncoding read_csv(std::string bytes, EntityKind kind, const ItemCallback& callback) {
    DecodedText decoded;
    try {
        decoded = decode_csv_text(std::move(bytes));
    } catch (const EncodingError& e) {
        BulkItem item;
        item.line = e.line();
        item.errors.push_back({"", e.what()});
        item.whole_file = true;
        callback(item);
        return TextEncoding::kUtf8;
    }
    std::istringstream in(std::move(decoded.text));
    read_csv_stream(in, nullptr, kind, callback);
    return decoded.encoding;
}

void read_csv_stream(std::istream& in, const std::filesystem::path* source, EntityKind kind,
                     const ItemCallback& callback) {
    CsvReader reader(in);
    CsvRecord record;
    BulkItem item;
    item.source = source;
    if (!reader.next(record)) return;  // empty file: no header, no rows
    const CsvDecoder decoder(kind, record.fields);
    if (!record.error.empty() || !decoder.header_errors().empty()) {
        item.line = record.line;
        item.errors = decoder.header_errors();
        if (!record.error.empty()) item.errors.insert(item.errors.begin(), {"", record.error});
        item.whole_file = true;
        callback(item);
        return;
    }
    // The id column (any position), so a row that fails to decode is still named.
    const auto id_column = static_cast<std::size_t>(
        std::find(record.fields.begin(), record.fields.end(), "id") - record.fields.begin());
    while (reader.next(record)) {
        item.line = record.line;
        item.errors.clear();
        item.entity.reset();
        item.id = id_column < record.fields.size() ? record.fields[id_column] : "";
        if (!record.error.empty()) {
            item.errors.push_back({"", record.error});
        } else {
            item.entity = decoder.decode(record.fields, item.errors);
            if (item.entity) item.id = id_of(*item.entity);
        }
        callback(item);
    }
}

}  // namespace

std::string describe(const BulkItem& item, const FieldError& error) {
    std::string text = item.source != nullptr ? item.source->filename().string() + " " : "";
    text += "line " + std::to_string(item.line) + ": ";
    return text + to_string(error);
}

void for_each_item(const std::filesystem::path& path, EntityKind kind, FileFormat format,
                   const ItemCallback& callback) {
    if (format == FileFormat::kCsv) {
        read_csv(path, kind, callback);
    } else {
        read_json_lines(path, kind, callback);
    }
}

void for_each_item(const BulkFile& file, const ItemCallback& callback) {
    for_each_item(file.path, file.kind, file.format, callback);
}

TextEncoding for_each_item_in_bytes(std::string bytes, EntityKind kind, FileFormat format,
                                    const ItemCallback& callback) {
    if (format == FileFormat::kCsv) return read_csv(std::move(bytes), kind, callback);
    return read_json_lines(std::string_view(bytes), kind, callback);
}

}  // namespace talentmatch::bulk
