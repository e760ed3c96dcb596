// TEMPORARY stub so the tree links while the tagger is written; delete when implemented.
#include "dyad/error.h"
#include "dyad/tagger.h"
namespace dyad {
struct Tagger::Impl {};
Tagger::~Tagger() = default;
Tagger::Tagger(Tagger&&) noexcept = default;
Tagger& Tagger::operator=(Tagger&&) noexcept = default;
Tagger::Tagger(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Tagger Tagger::load(const std::string&) { throw Error("tagger not implemented"); }
Tagger Tagger::train(const std::vector<Sentence>&, const std::vector<Sentence>&, const TaggerTrainOptions&) { throw Error("not implemented"); }
void Tagger::save(const std::string&, const std::string&) const {}
void Tagger::tag(Sentence&) const {}
}  // namespace dyad
