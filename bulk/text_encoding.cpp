#include "bulk/text_encoding.hpp"

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <memory>

#include "models/utf8.hpp"

namespace talentmatch::bulk {
namespace {

std::size_t line_at(std::string_view bytes, std::size_t offset) {
    return 1 + static_cast<std::size_t>(std::count(bytes.begin(), bytes.begin() + offset, '\n'));
}

std::string hex_byte(unsigned char byte) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    return std::string("0x") + kHex[byte >> 4] + kHex[byte & 0xF];
}

struct IconvCloser {
    void operator()(void* cd) const { iconv_close(static_cast<iconv_t>(cd)); }
};

// The GB18030 decoding of `bytes`, or the offset of the first byte that is
// not GB18030 (returned in `bad`).
bool gb18030_to_utf8(std::string_view bytes, std::string& out, std::size_t& bad) {
    const iconv_t raw = iconv_open("UTF-8", "GB18030");
    if (raw == reinterpret_cast<iconv_t>(-1)) {
        throw std::runtime_error("this system's iconv cannot convert GB18030 to UTF-8");
    }
    const std::unique_ptr<void, IconvCloser> cd(raw);
    out.assign(bytes.size() * 3 / 2 + 16, '\0');
    char* in = const_cast<char*>(bytes.data());
    std::size_t in_left = bytes.size();
    std::size_t written = 0;
    while (in_left > 0) {
        char* dst = out.data() + written;
        std::size_t dst_left = out.size() - written;
        const std::size_t rc = iconv(raw, &in, &in_left, &dst, &dst_left);
        written = out.size() - dst_left;
        if (rc != static_cast<std::size_t>(-1)) break;
        if (errno == E2BIG) {
            out.resize(out.size() * 2);
            continue;
        }
        bad = static_cast<std::size_t>(in - bytes.data());  // EILSEQ or a truncated tail
        return false;
    }
    out.resize(written);
    return true;
}

// Well-formed multi-byte UTF-8 sequences, and bytes that start none.
struct Utf8Census {
    std::size_t multibyte = 0;
    std::size_t invalid = 0;
};

Utf8Census utf8_census(std::string_view bytes) {
    Utf8Census census;
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    const auto* end = p + bytes.size();
    while (p < end) {
        const std::size_t n = utf8_sequence_length(p, end);
        if (n == 0) {
            ++census.invalid;
            ++p;
            continue;
        }
        if (n > 1) ++census.multibyte;
        p += n;
    }
    return census;
}

}  // namespace

const char* to_string(TextEncoding encoding) {
    switch (encoding) {
        case TextEncoding::kUtf8Bom:
            return "UTF-8 with BOM";
        case TextEncoding::kGb18030:
            return "GB18030";
        default:
            return "UTF-8";
    }
}

bool starts_as_workbook(std::string_view head) {
    return head.starts_with("PK\x03\x04") ||                      // ZIP: .xlsx, .ods
           head.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");  // OLE2: .xls
}

DecodedText decode_csv_text(std::string bytes) {
    DecodedText result;
    if (bytes.starts_with("\xEF\xBB\xBF")) {
        bytes.erase(0, 3);
        result.encoding = TextEncoding::kUtf8Bom;
    } else if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
        throw EncodingError(1,
                            "the file is UTF-16 (Excel's \"Unicode text\"); save it as \"CSV "
                            "UTF-8\" or plain CSV and upload again");
    } else if (starts_as_workbook(bytes)) {
        throw EncodingError(1,
                            "the file is a spreadsheet workbook (Excel .xlsx or .xls, "
                            "OpenDocument .ods), not CSV text; in Excel choose File > Save As > "
                            "\"CSV UTF-8 (Comma delimited)\" and send that file; nothing was "
                            "stored");
    }
    const std::size_t bad_utf8 = first_invalid_utf8(bytes);
    // UTF-8, or UTF-8 with damaged cells (a byte-order mark, or more
    // well-formed multi-byte sequences than bad bytes): kept as is, so the
    // cell check refuses the damaged rows by row and column.
    if (bad_utf8 == std::string::npos || result.encoding == TextEncoding::kUtf8Bom) {
        result.text = std::move(bytes);
        return result;
    }
    const Utf8Census census = utf8_census(bytes);
    if (census.multibyte > census.invalid) {
        result.text = std::move(bytes);
        return result;
    }
    std::size_t bad_gb = 0;
    if (!gb18030_to_utf8(bytes, result.text, bad_gb)) {
        const std::size_t line = line_at(bytes, bad_gb);
        throw EncodingError(
            line, "the file is neither UTF-8 (byte " +
                      hex_byte(static_cast<unsigned char>(bytes[bad_utf8])) + " on line " +
                      std::to_string(line_at(bytes, bad_utf8)) + ") nor GBK/GB18030 (byte " +
                      hex_byte(static_cast<unsigned char>(bytes[bad_gb])) + " on line " +
                      std::to_string(line) +
                      "); save it as \"CSV UTF-8\" and send it again; nothing was stored");
    }
    result.encoding = TextEncoding::kGb18030;
    return result;
}

}  // namespace talentmatch::bulk
