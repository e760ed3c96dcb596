// TEMPORARY stub so the tree links while the parser is written; delete when implemented.
#include "dyad/error.h"
#include "dyad/parser.h"
namespace dyad {
struct Parser::Impl {};
Parser::~Parser() = default;
Parser::Parser(Parser&&) noexcept = default;
Parser& Parser::operator=(Parser&&) noexcept = default;
Parser::Parser(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Parser Parser::load(const std::string&) { throw Error("parser not implemented"); }
Parser Parser::train(const std::vector<Sentence>&, const std::vector<Sentence>&, const ParserTrainOptions&) { throw Error("not implemented"); }
void Parser::save(const std::string&, const std::string&) const {}
void Parser::parse(Sentence&) const {}
}  // namespace dyad
