// TEMPORARY stub so the tree links while the text layer is written; delete when implemented.
#include "dyad/error.h"
#include "dyad/text.h"
namespace dyad {
void validate_utf8(std::string_view, std::size_t) {}
std::string repair_utf8(std::string_view t) { return std::string(t); }
std::string normalize_nfc(std::string_view t) { return std::string(t); }
std::string case_fold(std::string_view t) { return std::string(t); }
Tokenizer::Tokenizer() = default;
std::vector<Sentence> Tokenizer::segment(std::string_view, std::size_t) const { throw Error("tokenizer not implemented"); }
BlockReader::BlockReader(std::istream& in, std::size_t max_block) : in_(in), max_block_(max_block) {}
bool BlockReader::next(std::string&, std::size_t&) { throw Error("not implemented"); }
}  // namespace dyad
