// Fuzz target: the upload encoding detector and converter
// (bulk/text_encoding.hpp). Input: the bytes of one uploaded CSV text.
// Properties: never crashes; it either refuses the text (EncodingError) or
// gives the same text for the same bytes; UTF-8 input is kept byte for byte
// (minus one leading byte-order mark); text converted from GB18030 is valid
// UTF-8 and converts back to exactly the bytes that came in (nothing garbled).
#include <iconv.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "bulk/text_encoding.hpp"
#include "fuzz/fuzz_check.hpp"
#include "models/utf8.hpp"

namespace {

using namespace talentmatch;

// UTF-8 -> GB18030 with glibc's iconv; nullopt-like "" + false on failure.
bool to_gb18030(const std::string& utf8, std::string& out) {
    iconv_t cd = iconv_open("GB18030", "UTF-8");
    if (cd == reinterpret_cast<iconv_t>(-1)) return false;
    out.assign(utf8.size() * 4 + 16, '\0');
    char* in = const_cast<char*>(utf8.data());
    std::size_t in_left = utf8.size();
    char* dst = out.data();
    std::size_t out_left = out.size();
    const bool ok = iconv(cd, &in, &in_left, &dst, &out_left) != static_cast<std::size_t>(-1);
    iconv_close(cd);
    out.resize(out.size() - out_left);
    return ok && in_left == 0;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    bulk::DecodedText decoded;
    try {
        decoded = bulk::decode_csv_text(bytes);
    } catch (const bulk::EncodingError& e) {
        FUZZ_CHECK(e.line() >= 1, "a refusal names a line");
        return 0;
    }
    FUZZ_CHECK(bulk::decode_csv_text(bytes).text == decoded.text, "deterministic");
    switch (decoded.encoding) {
        case bulk::TextEncoding::kUtf8:
            FUZZ_CHECK(decoded.text == bytes, "UTF-8 kept byte for byte");
            break;
        case bulk::TextEncoding::kUtf8Bom:
            FUZZ_CHECK(decoded.text == bytes.substr(3), "UTF-8 kept, the mark dropped");
            break;
        case bulk::TextEncoding::kGb18030: {
            FUZZ_CHECK(is_valid_utf8(decoded.text), "converted text is valid UTF-8");
            std::string back;
            FUZZ_CHECK(to_gb18030(decoded.text, back), "converted text converts back");
            FUZZ_CHECK(back == bytes, "GB18030 round trip gives the bytes that came in");
            break;
        }
    }
    return 0;
}
