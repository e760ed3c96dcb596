#include "dyad/engine.h"

#include <future>

namespace dyad {

Engine Engine::load(const PipelineOptions& nlp, const CoderOptions& coder) {
  // The dictionaries are parsed on a second thread while the models
  // decompress: the two loads share no state.
  std::future<Coder> dictionaries = std::async(std::launch::async, [&coder] { return Coder::load(coder); });
  Pipeline pipeline = Pipeline::load(nlp);
  Coder c = dictionaries.get();
  Pipeline corrected = pipeline.with_tag_corrector(c.tag_corrector());  // before c is moved from
  return Engine(std::move(corrected), std::move(c));
}

CodedArticle Engine::code(const Article& article) const {
  CodedArticle out;
  out.document = pipeline_.process(article.text, article.id);
  ArticleInfo info;
  info.id = article.id;
  info.date = article.date;
  info.url = article.url;
  info.title = article.title;
  info.outlet = article.outlet;
  info.outlet_country = article.outlet_country;
  out.events = coder_.code(out.document, info);
  return out;
}

}  // namespace dyad
