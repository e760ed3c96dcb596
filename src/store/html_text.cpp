// Main-text extraction from news HTML with gumbo.
//
// Design: parse the page (gumbo follows the HTML5 algorithm, so broken markup
// still yields a tree), pick the content root — the <article> with the most
// paragraph text, else <main>, else <body> — and collect the text of block
// elements (p, h1-h6, li, blockquote, pre) under it, skipping subtrees that are
// never article prose (script, style, nav, header, footer, aside, form,
// noscript, figure captions, menus, buttons). Metadata comes from <head>.
#include "store/html_text.h"

#include <gumbo.h>

#include <memory>
#include <vector>

#include "dyad/error.h"

namespace dyad::detail {
namespace {

bool skipped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NAV: case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FORM: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_MENU: case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG: case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_HEAD:
      return true;
    default:
      return false;
  }
}

bool block(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE:
      return true;
    default:
      return false;
  }
}

std::string attr(const GumboNode* n, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
  return a ? a->value : "";
}

// Inline text of a node, whitespace collapsed.
void inline_text(const GumboNode* n, std::string& out) {
  if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA) {
    for (const char* p = n->v.text.text; *p; ++p) {
      bool space = *p == ' ' || *p == '\n' || *p == '\t' || *p == '\r' || *p == '\f';
      if (space) {
        if (!out.empty() && out.back() != ' ') out += ' ';
      } else {
        out += *p;
      }
    }
    return;
  }
  if (n->type != GUMBO_NODE_ELEMENT || skipped(n->v.element.tag)) return;
  if (n->v.element.tag == GUMBO_TAG_BR && !out.empty() && out.back() != ' ') out += ' ';
  const GumboVector& kids = n->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i) inline_text(static_cast<const GumboNode*>(kids.data[i]), out);
}

std::string trim(std::string s) {
  auto b = s.find_first_not_of(' ');
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(' ') - b + 1);
}

void paragraphs(const GumboNode* n, std::string& out) {
  if (n->type != GUMBO_NODE_ELEMENT || skipped(n->v.element.tag)) return;
  if (block(n->v.element.tag)) {
    std::string t;
    inline_text(n, t);
    t = trim(t);
    if (!t.empty()) out += (out.empty() ? "" : "\n\n") + t;
    return;
  }
  const GumboVector& kids = n->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i) paragraphs(static_cast<const GumboNode*>(kids.data[i]), out);
}

struct Walk {
  const GumboNode* body = nullptr;
  const GumboNode* main = nullptr;
  std::vector<const GumboNode*> articles;
  const GumboNode* h1 = nullptr;
  std::string title_tag;
  HtmlArticle meta;
};

std::string date_part(const std::string& v) {
  // Accept "2023-12-27", "2023-12-27T15:28:00Z" and the like.
  if (v.size() >= 10 && v[4] == '-' && v[7] == '-') return v.substr(0, 10);
  return "";
}

void visit(const GumboNode* n, Walk& w) {
  if (n->type != GUMBO_NODE_ELEMENT) return;
  GumboTag tag = n->v.element.tag;
  if (tag == GUMBO_TAG_BODY && !w.body) w.body = n;
  if (tag == GUMBO_TAG_MAIN && !w.main) w.main = n;
  if (tag == GUMBO_TAG_ARTICLE) w.articles.push_back(n);
  if (tag == GUMBO_TAG_H1 && !w.h1) w.h1 = n;
  if (tag == GUMBO_TAG_TITLE && w.title_tag.empty()) inline_text(n, w.title_tag);
  if (tag == GUMBO_TAG_META) {
    std::string key = attr(n, "property");
    if (key.empty()) key = attr(n, "name");
    if (key.empty()) key = attr(n, "itemprop");
    std::string content = attr(n, "content");
    if (key == "og:title" && w.meta.title.empty()) w.meta.title = content;
    if (key == "og:url" && w.meta.url.empty()) w.meta.url = content;
    if (key == "og:site_name") w.meta.outlet = content;
    if ((key == "article:published_time" || key == "datePublished" || key == "date" || key == "pubdate" ||
         key == "publishdate" || key == "DC.date.issued" || key == "dc.date" || key == "sailthru.date") &&
        w.meta.date.empty()) {
      w.meta.date = date_part(content);
    }
  }
  if (tag == GUMBO_TAG_LINK && attr(n, "rel") == "canonical") w.meta.url = attr(n, "href");
  if (tag == GUMBO_TAG_TIME && w.meta.date.empty()) w.meta.date = date_part(attr(n, "datetime"));
  const GumboVector& kids = n->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i) visit(static_cast<const GumboNode*>(kids.data[i]), w);
}

}  // namespace

HtmlArticle extract_html(const std::string& html) {
  std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> out(
      gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size()),
      [](GumboOutput* o) { gumbo_destroy_output(&kGumboDefaultOptions, o); });
  Walk w;
  visit(out->root, w);
  std::string best;
  for (const GumboNode* a : w.articles) {
    std::string t;
    paragraphs(a, t);
    if (t.size() > best.size()) best = std::move(t);
  }
  if (best.empty() && w.main) paragraphs(w.main, best);
  if (best.empty() && w.body) paragraphs(w.body, best);
  if (best.empty() && w.body) best = trim([&] { std::string t; inline_text(w.body, t); return t; }());
  if (best.empty()) throw Error("HTML page has no body text (no <p>, <article> or <main> content)");
  HtmlArticle r = w.meta;
  r.text = std::move(best);
  if (r.title.empty()) r.title = trim(w.title_tag);
  if (r.title.empty() && w.h1) inline_text(w.h1, r.title);
  r.title = trim(r.title);
  return r;
}

}  // namespace dyad::detail
