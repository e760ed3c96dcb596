#include "dyad/engine.h"

namespace dyad {

Engine Engine::load(const PipelineOptions& nlp, const CoderOptions& coder) {
  return Engine(Pipeline::load(nlp), Coder::load(coder));
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
