// A typical meeting agreement (two A4 pages: facts, participants, agreed actions, notes):
// cairo + pango rendering alone, the Ghostscript PDF/A-2b conversion alone, and both.
// Wall-clock time, since gs runs as a child process (its CPU time is not ours).
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <string>

#include "pdf/document.hpp"

namespace {

namespace pdf = samspil::pdf;

pdf::Document agreement() {
  pdf::Document d;
  d.issuer = "Ringsted Kommune – Børne- og Ungeforvaltningen";
  d.title = "Aftale fra Samarbejdsmøde";
  d.subtitle = "Mødet den 12. januar 2027 kl. 09.00";
  d.ascii_title = "Aftale fra Samarbejdsmoede";
  d.footer = "Fortroligt – indeholder personoplysninger";
  d.facts = {{"Mødedato", "12. januar 2027 kl. 09.00–10.30"},
             {"Sted", "Dagtilbuddet Solsikken, personalerummet"},
             {"Mødeleder", "Åse Ørnebæk, pædagogisk leder"},
             {"Referent", "Søren Kjær, PPR"}};
  pdf::Section participants;
  participants.heading = "Deltagere";
  participants.table.header = {"Navn", "Rolle", "Deltog"};
  const char* roles[] = {"Forælder", "Forælder", "Pædagog", "Psykolog, PPR", "Sundhedsplejerske", "Leder"};
  for (int i = 0; i < 6; ++i) participants.table.rows.push_back({"Deltager " + std::to_string(i + 1), roles[i], "Ja"});
  pdf::Section concern;
  concern.heading = "Bekymring og barnets perspektiv";
  for (int i = 0; i < 4; ++i)
    concern.paragraphs.push_back(
        "Forældrene fortæller, at søvnen er blevet bedre siden sidst, men at morgenerne stadig er svære. "
        "Pædagogerne oplever et barn, der søger de voksne og har brug for støtte i overgange mellem "
        "aktiviteter. Barnet har selv fortalt, at det bedst kan lide at lege i sandkassen med én ven.");
  pdf::Section actions;
  actions.heading = "Aftalte handlinger";
  actions.table.header = {"Handling", "Ansvarlig", "Frist"};
  for (int i = 0; i < 12; ++i)
    actions.table.rows.push_back({"Opfølgning på søvn, måltider og overgange; forældrene giver besked om ændringer (" +
                                      std::to_string(i + 1) + ")",
                                  i % 2 ? "Sundhedsplejerske" : "Pædagog", std::to_string(1 + i) + ". februar 2027"});
  pdf::Section next;
  next.heading = "Næste møde";
  next.fields = {{"Dato", "23. februar 2027 kl. 09.00"}, {"Indkaldes af", "Mødeleder"}};
  d.sections = {participants, concern, actions, next};
  return d;
}

void render_pdf(benchmark::State& state) {
  const pdf::Document d = agreement();
  for (auto _ : state) benchmark::DoNotOptimize(pdf::render_pdf(d));
}
BENCHMARK(render_pdf)->Unit(benchmark::kMillisecond)->UseRealTime();

// CPU seconds used by finished child processes (gs) so far.
double children_cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_CHILDREN, &usage);
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

void to_pdfa(benchmark::State& state) {
  const std::string plain = pdf::render_pdf(agreement());
  const double before = children_cpu_seconds();
  for (auto _ : state) benchmark::DoNotOptimize(pdf::to_pdfa(plain));
  // gs's own CPU time per conversion, in ms (the "CPU" column only counts this process).
  state.counters["gs_cpu_ms"] =
      benchmark::Counter((children_cpu_seconds() - before) * 1000.0 / static_cast<double>(state.iterations()));
}
BENCHMARK(to_pdfa)->Unit(benchmark::kMillisecond)->UseRealTime();

void render_pdfa(benchmark::State& state) {
  const pdf::Document d = agreement();
  for (auto _ : state) benchmark::DoNotOptimize(pdf::render_pdfa(d));
}
BENCHMARK(render_pdfa)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
