// Tagger: POS (tagger_pos), features (tagger_morph) and lemmas (lemmatizer)
// behind the public dyad::Tagger API, plus the model file format.
//
// Payload (ModelKind::kTagger): PosModel, MorphModel, Lemmatizer, each
// validated on read; the reader must consume every byte. Version 2 stores the
// weight lookup tables in their in-memory layout (used in place, no rebuild at
// load); version 1 files are still read (their tables are rebuilt).
#include "dyad/tagger.h"

#include <chrono>
#include <iostream>
#include <optional>

#include "common/model_file.h"
#include "common/parallel.h"
#include "dyad/error.h"
#include "nlp/lemmatizer.h"
#include "nlp/tagger_morph.h"
#include "nlp/tagger_pos.h"

namespace dyad {

namespace {
// 1: weights as key/row arrays (rebuilt on load); 2: the lookup tables used in
// place; 3: long rows stored dense; 4: 8-byte slots, 4-byte cells, int16 dense
// rows (formats 1-3 are converted on load).
constexpr std::uint32_t kPayloadVersion = 4;

struct Scratch {
  detail::PosScratch pos;
  detail::MorphScratch morph;
};
}  // namespace

struct Tagger::Impl {
  detail::PosModel pos;
  detail::MorphModel morph;
  detail::Lemmatizer lemmatizer;
  std::vector<std::string> upos, xpos;  // per label

  void split_labels() {
    upos.clear();
    xpos.clear();
    for (const std::string& l : pos.labels()) {
      std::size_t tab = l.find('\t');
      upos.push_back(l.substr(0, tab));
      xpos.push_back(l.substr(tab + 1));
    }
  }
};

Tagger::~Tagger() = default;
Tagger::Tagger(Tagger&&) noexcept = default;
Tagger& Tagger::operator=(Tagger&&) noexcept = default;
Tagger::Tagger(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

void Tagger::tag(Sentence& sentence) const {
  if (sentence.words.empty()) return;
  // One scratch per thread: tag() stays const and allocation-light.
  thread_local Scratch sc;
  const std::vector<int>& labels = impl_->pos.predict(sentence, sc.pos);
  const auto& tokens = sc.pos.tokens;
  for (std::size_t i = 0; i < sentence.words.size(); ++i) {
    Word& w = sentence.words[i];
    const int l = labels[i];
    w.upos = impl_->upos[l];
    w.xpos = impl_->xpos[l];
    w.feats = impl_->morph.predict(tokens, labels.data(), i, sc.morph);
    impl_->lemmatizer.lemmatize(w.form, tokens[i].lower, l, w.lemma);
  }
}

namespace {

void report_dev(const Tagger& tagger, const std::vector<Sentence>& dev) {
  std::size_t n = 0, upos = 0, xpos = 0, feats = 0, lemma = 0;
  for (const Sentence& gold : dev) {
    Sentence s = gold;
    tagger.tag(s);
    for (std::size_t i = 0; i < s.words.size(); ++i) {
      const Word& g = gold.words[i];
      const Word& p = s.words[i];
      ++n;
      upos += g.upos == p.upos;
      xpos += g.xpos == p.xpos;
      feats += g.feats == p.feats;
      lemma += g.lemma == p.lemma;
    }
  }
  auto pct = [&](std::size_t k) { return n ? 100.0 * k / n : 0.0; };
  std::cerr << "tagger: dev UPOS " << pct(upos) << " XPOS " << pct(xpos) << " UFeats "
            << pct(feats) << " Lemmas " << pct(lemma) << " (" << n << " words)\n";
}

}  // namespace

Tagger Tagger::average(const std::vector<const Tagger*>& members) {
  if (members.empty()) throw Error("Tagger::average: no taggers");
  std::vector<const detail::PosModel*> pos;
  std::vector<const detail::MorphModel*> morph;
  for (const Tagger* t : members) {
    pos.push_back(&t->impl_->pos);
    morph.push_back(&t->impl_->morph);
  }
  auto impl = std::make_unique<Impl>();
  impl->pos = detail::PosModel::average(pos);
  impl->morph = detail::MorphModel::average(morph);
  impl->lemmatizer = members[0]->impl_->lemmatizer;  // counted from the data, seed-independent
  impl->split_labels();
  return Tagger(std::move(impl));
}

namespace {

std::unique_ptr<Tagger::Impl> train_one(const std::vector<Sentence>& train,
                                        const std::vector<Sentence>& dev,
                                        const TaggerTrainOptions& options) {
  auto p = std::make_unique<Tagger::Impl>();
  Tagger::Impl& impl = *p;
  impl.pos = detail::PosModel::train(train, dev, options);
  impl.split_labels();
  std::vector<std::vector<int>> gold(train.size());
  for (std::size_t s = 0; s < train.size(); ++s)
    for (const Word& w : train[s].words) gold[s].push_back(impl.pos.label_id(w.upos, w.xpos));
  impl.morph.train(train, gold, impl.pos.labels(), impl.pos.dict(), 5, options.seed,
                   options.verbose);
  impl.lemmatizer.train(train, gold);
  return p;
}

}  // namespace

Tagger Tagger::train(const std::vector<Sentence>& train, const std::vector<Sentence>& dev,
                     const TaggerTrainOptions& options) {
  if (options.ensemble < 1 || options.ensemble > 16)
    throw Error("tagger training: ensemble size must be 1 to 16, got " + std::to_string(options.ensemble));
  std::optional<Tagger> result;
  if (options.ensemble == 1) {
    result = Tagger(train_one(train, dev, options));
  } else {
    // Members differ only in their seed; the first reports progress.
    const auto n = static_cast<std::size_t>(options.ensemble);
    std::vector<std::optional<Tagger>> members(n);
    detail::run_in_threads(n, [&](std::size_t k) {
      TaggerTrainOptions o = options;
      o.seed = options.seed + k;
      o.verbose = options.verbose && k == 0;
      members[k] = Tagger(train_one(train, dev, o));
    });
    std::vector<const Tagger*> ptrs;
    for (const auto& m : members) ptrs.push_back(&*m);
    result = average(ptrs);
  }
  if (options.verbose && !dev.empty()) report_dev(*result, dev);
  return std::move(*result);
}

void Tagger::save(const std::string& path, const std::string& description) const {
  detail::BinaryWriter w;
  impl_->pos.write(w);
  impl_->morph.write(w);
  impl_->lemmatizer.write(w);
  detail::write_model_file(path, {detail::ModelKind::kTagger, kPayloadVersion, description},
                           w.bytes());
}

Tagger Tagger::load(const std::string& path) {
  detail::ModelFileInfo info;
  std::shared_ptr<const detail::Payload> payload =
      detail::read_model_payload(path, detail::ModelKind::kTagger, kPayloadVersion, &info);
  detail::BinaryReader r(payload->bytes(), path);
  auto impl = std::make_unique<Impl>();
  impl->pos = detail::PosModel::read(r, payload, info.version);
  impl->morph = detail::MorphModel::read(r, impl->pos.labels(), payload, info.version);
  impl->lemmatizer = detail::Lemmatizer::read(r);
  r.expect_end();
  impl->split_labels();
  return Tagger(std::move(impl));
}

}  // namespace dyad
