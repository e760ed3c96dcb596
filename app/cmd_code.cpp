// `dyad code`: text / JSONL / CoNLL-U in, one coded event per line out.
// Documents are read in order, coded on every core (--jobs) and printed in input order.
#include <algorithm>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <utility>

#include <nlohmann/json.hpp>

#include "coder/dates.h"
#include "common/ordered_pool.h"
#include "commands.h"
#include "input_files.h"
#include "progress.h"
#include "dyad/coder.h"
#include "dyad/conllu.h"
#include "dyad/error.h"
#include "dyad/pipeline.h"

namespace dyad::cli {
namespace {

struct CodeArgs {
  std::vector<std::string> files;
  std::string input = "text";
  std::string format = "jsonl";
  std::string date;
  std::string outlet;
  std::string outlet_country;
  std::vector<std::string> dicts;  // DIR (ours), "ours" or "petrarch:SPEC"
  std::string model_dir;
  bool explain = false;
  bool lenient = false;
  unsigned jobs = 0;  // 0 = one thread per core
};

// CoNLL-U input may come parsed (every word has a head) or only tokenized.
bool has_tree(const Sentence& s) {
  return std::all_of(s.words.begin(), s.words.end(), [](const Word& w) { return w.head >= 0; });
}

// One input document's outcome: its events, or the error record of a line
// that could not be coded (JSONL input).
struct CodedDoc {
  std::vector<Event> events;
  std::string error;
};

class Writer {
 public:
  Writer(std::ostream& out, std::string format) : out_(out), format_(std::move(format)) {
    if (format_ == "tsv") out_ << event_tsv_header() << '\n';
    if (format_ == "json") out_ << "[";
  }
  void write(const std::vector<Event>& events) {
    for (const Event& e : events) {
      if (format_ == "tsv") {
        out_ << event_to_tsv(e) << '\n';
      } else if (format_ == "json") {
        out_ << (count_ ? ",\n" : "\n") << event_to_json(e).dump();
      } else {
        out_ << event_to_json(e).dump() << '\n';
      }
      ++count_;
    }
    out_.flush();
  }
  void finish() {
    if (format_ == "json") out_ << (count_ ? "\n]\n" : "]\n");
    out_.flush();
  }

 private:
  std::ostream& out_;
  std::string format_;
  std::size_t count_ = 0;
};

class Runner {
 public:
  explicit Runner(const CodeArgs& args)
      : args_(args),
        writer_(std::cout, args.format),
        progress_("code", "documents", total_input_bytes(args.files)),
        pool_(args.jobs, [this](CodedDoc&& d) { sink(std::move(d)); }) {
    CoderOptions o;
    for (const std::string& d : args.dicts) {  // petrarch:SPEC alone replaces ours; with "ours" or a DIR it joins them
      if (d.starts_with("petrarch:")) o.petrarch_dicts.push_back(d.substr(9));
      else if (d != "ours") o.dict_dir = d;
    }
    o.petrarch_only = !args.dicts.empty() && std::all_of(args.dicts.begin(), args.dicts.end(),
                                  [](const std::string& d) { return d.starts_with("petrarch:"); });
    o.explain = args.explain;
    coder_.emplace(Coder::load(o));
  }

  void run() {
    for_each_input(args_.files, [this](std::istream& in, const std::string& name) {
      if (args_.input == "jsonl") run_jsonl(in, name);
      else if (args_.input == "conllu") run_conllu(in, name);
      else run_text(in, name);
    });
    pool_.finish();
    progress_.clear();
    writer_.finish();
    if (bad_lines_) throw Error(std::to_string(bad_lines_) + " input line(s) could not be coded (see the error records on stderr)");
  }

 private:
  // Written here, on the calling thread, in input order.
  void sink(CodedDoc&& d) {
    ++documents_;
    if (!d.error.empty()) {
      ++bad_lines_;
      progress_.clear();
      std::cerr << d.error << '\n';
    } else {
      writer_.write(d.events);
    }
    progress_.update(bytes_, documents_);
  }

  // Loaded on the calling thread before any job needs it (jobs only read it).
  const Pipeline& pipeline() {
    if (!pipeline_) {
      PipelineOptions p;
      p.model_dir = args_.model_dir;
      p.lenient_utf8 = args_.lenient;
      pipeline_.emplace(Pipeline::load(p).with_tag_corrector(coder_->tag_corrector()));
    }
    return *pipeline_;
  }

  ArticleInfo base_info(const std::string& id) const {
    ArticleInfo info;
    info.id = id;
    if (!args_.date.empty()) info.date = args_.date;
    info.outlet = args_.outlet;
    if (!args_.outlet_country.empty()) info.outlet_country = args_.outlet_country;
    return info;
  }

  void run_text(std::istream& in, const std::string& name) {
    std::ostringstream buf;
    buf << in.rdbuf();
    std::string text = buf.str();
    bytes_ += text.size();
    ArticleInfo info = base_info(name);
    if (!info.date) {
      // A dateline like "27 December 2023 15:28" at the top of the article.
      if (auto d = detail::find_dateline(text)) info.date = detail::format_date(*d);
    }
    const Pipeline& nlp = pipeline();
    pool_.submit([this, &nlp, text = std::move(text), name, info]() {
      return CodedDoc{coder_->code(nlp.process(text, name), info), {}};
    });
  }

  void run_jsonl(std::istream& in, const std::string& name) {
    const Pipeline& nlp = pipeline();
    std::string line;
    std::size_t line_no = 0;
    while (std::getline(in, line)) {
      ++line_no;
      bytes_ += line.size() + 1;
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      pool_.submit([this, &nlp, line = std::move(line), name, line_no]() {
        try {
          return CodedDoc{code_json_line(nlp, line, name, line_no), {}};
        } catch (const std::exception& e) {
          nlohmann::json err = {{"error", e.what()}, {"file", name}, {"line", line_no}};
          return CodedDoc{{}, err.dump()};
        }
      });
      line.clear();
    }
  }

  std::vector<Event> code_json_line(const Pipeline& nlp, const std::string& line, const std::string& name,
                                    std::size_t line_no) const {
    nlohmann::json j = nlohmann::json::parse(line);
    if (!j.is_object() || !j.contains("text") || !j["text"].is_string()) {
      throw Error("expected an object with a string \"text\" field");
    }
    auto str = [&](const char* key) -> std::string {
      return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
    };
    std::string id = str("id").empty() ? name + ":" + std::to_string(line_no) : str("id");
    ArticleInfo info = base_info(id);
    if (!str("date").empty()) info.date = str("date").substr(0, 10);
    info.url = str("url");
    info.title = str("title");
    if (!str("outlet").empty()) info.outlet = str("outlet");
    if (!str("outlet_country").empty()) info.outlet_country = str("outlet_country");
    return coder_->code(nlp.process(j["text"].get<std::string>(), id), info);
  }

  void flush_conllu(Document& doc, const std::string& name, int doc_no) {
    if (doc.sentences.empty()) return;
    std::size_t base = doc.sentences.front().span.start;
    bool parsed = true;
    for (Sentence& s : doc.sentences) {
      if (doc.text.size() < s.span.start - base) doc.text.resize(s.span.start - base, ' ');
      doc.text.replace(s.span.start - base, s.text.size(), s.text);
      parsed = parsed && has_tree(s);
    }
    if (doc.id.empty()) doc.id = name + "#" + std::to_string(doc_no);
    if (const auto at = conllu_in_->tellg(); at >= 0) bytes_ = conllu_bytes_before_ + static_cast<std::uintmax_t>(at);
    const Pipeline* nlp = parsed ? nullptr : &pipeline();
    pool_.submit([this, nlp, doc = std::exchange(doc, Document{})]() mutable {
      if (nlp)
        for (Sentence& s : doc.sentences)
          if (!has_tree(s)) nlp->annotate(s);
      return CodedDoc{coder_->code(doc, base_info(doc.id)), {}};
    });
  }

  // Offsets of CoNLL-U input are those of the reader (TokenRange, or the
  // sentences joined by spaces), so they slice the text dyad would reconstruct.
  void run_conllu(std::istream& in, const std::string& name) {
    conllu_in_ = &in;
    conllu_bytes_before_ = bytes_;
    ConlluReader reader(in, name);
    Sentence s;
    Document doc;
    int doc_no = 0;
    while (reader.next(s)) {
      if (s.new_document && !doc.sentences.empty()) flush_conllu(doc, name, ++doc_no);
      doc.sentences.push_back(s);
    }
    flush_conllu(doc, name, ++doc_no);
  }

  const CodeArgs& args_;
  Writer writer_;
  std::optional<Coder> coder_;
  std::optional<Pipeline> pipeline_;
  std::size_t bad_lines_ = 0;
  TerminalProgress progress_;
  std::uintmax_t bytes_ = 0, documents_ = 0;        // input consumed, documents printed
  std::istream* conllu_in_ = nullptr;               // CoNLL-U input: bytes from its position
  std::uintmax_t conllu_bytes_before_ = 0;
  detail::OrderedPool<CodedDoc> pool_;  // last: its threads stop before the members they use go
};

}  // namespace

void add_code_command(CLI::App& app) {
  auto args = std::make_shared<CodeArgs>();
  CLI::App* cmd = app.add_subcommand("code", "Code political events (CAMEO + PLOVER) with byte-offset provenance");
  cmd->add_option("files", args->files, "Input files; '-' or none reads stdin");
  cmd->add_option("--input", args->input, "text (one article per file, default), jsonl ({\"id\",\"text\",\"date\"?,"
                                          "\"url\"?,\"title\"?,\"outlet\"?} per line) or conllu (parsed sentences)")
      ->check(CLI::IsMember({"text", "jsonl", "conllu"}));
  cmd->add_option("--format", args->format, "jsonl (default), json (one array) or tsv")
      ->check(CLI::IsMember({"jsonl", "json", "tsv"}));
  cmd->add_option("--date", args->date, "Article date YYYY-MM-DD (text input: default is a dateline found at the top)");
  cmd->add_option("--outlet", args->outlet, "Outlet name, looked up in data/actors/outlets.txt");
  cmd->add_option("--outlet-country", args->outlet_country, "ISO3 country of the outlet (\"our country\", \"we\")");
  cmd->add_flag("--explain", args->explain, "Add an explanation per event (pattern, parse paths, modality, date)");
  cmd->add_option("--dict", args->dicts, "Dictionary directory (default: the bundled data/); petrarch:DIR loads "
                                       "PETRARCH2/TABARI dictionaries instead, or beside ours with --dict ours")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);  // one value per --dict, files stay positional
  cmd->add_option("--model-dir", args->model_dir, "Directory with tagger.dyadm and parser.dyadm");
  cmd->add_flag("--lenient", args->lenient, "Replace invalid UTF-8 with U+FFFD instead of failing");
  cmd->add_option("--jobs,-j", args->jobs,
                  "Coding threads (default 0: one per core); events come out in input order whatever the number");
  cmd->callback([args] {
    std::ios::sync_with_stdio(false);
    Runner(*args).run();
  });
}

}  // namespace dyad::cli
