#include "pdf/document.hpp"

#include <cairo-pdf.h>

#include "pdf/layout.hpp"

namespace samspil::pdf {

namespace {

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

cairo_status_t discard(void*, const unsigned char*, unsigned int) { return CAIRO_STATUS_SUCCESS; }

// gs drops non-ASCII document info, so the Title is kept ASCII (printable) here.
std::string ascii_only(const std::string& text) {
  std::string out;
  for (char c : text)
    if (c >= 0x20 && c < 0x7f) out += c;
  return out;
}

// One pass over a fresh PDF surface; returns the number of pages drawn.
int render_into(cairo_write_func_t write, void* closure, const Document& document, int total_pages) {
  cairo_surface_t* surface =
      cairo_pdf_surface_create_for_stream(write, closure, detail::k_page_width, detail::k_page_height);
  cairo_pdf_surface_restrict_to_version(surface, CAIRO_PDF_VERSION_1_5);
  const std::string title = ascii_only(document.ascii_title);
  if (!title.empty()) cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Samspil");
  cairo_t* cr = cairo_create(surface);
  int pages = 0;
  {
    detail::Renderer renderer(cr, document, total_pages);
    pages = renderer.run();
  }
  const cairo_status_t drawn = cairo_status(cr);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  const cairo_status_t finished = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (drawn != CAIRO_STATUS_SUCCESS) throw PdfError(std::string("pdf: drawing failed: ") + cairo_status_to_string(drawn));
  if (finished != CAIRO_STATUS_SUCCESS)
    throw PdfError(std::string("pdf: writing failed: ") + cairo_status_to_string(finished));
  return pages;
}

}  // namespace

// Two passes: the first only counts pages, so every footer can say "Side N af M".
// Thread-safe: each call has its own surface and context, and pango's default cairo font
// map is per thread.
std::string render_pdf(const Document& document) {
  const int pages = render_into(discard, nullptr, document, 0);
  std::string pdf;
  render_into(append, &pdf, document, pages);
  return pdf;
}

std::string render_pdfa(const Document& document) { return to_pdfa(render_pdf(document)); }

}  // namespace samspil::pdf

// Fontconfig keeps its font patterns for the life of the process (pango's per-thread font
// map holds them), which LeakSanitizer reports at exit in the asan build of every program
// that renders a PDF. This hook (read by the sanitizer runtime, unused otherwise) hides
// exactly those; it lives here so it is linked whenever the PDF layer is.
extern "C" const char* __lsan_default_suppressions();
extern "C" const char* __lsan_default_suppressions() { return "leak:libfontconfig.so\n"; }
// ...without a "Suppressions used" table on stderr at every exit (LSAN_OPTIONS still wins).
extern "C" const char* __lsan_default_options();
extern "C" const char* __lsan_default_options() { return "print_suppressions=0"; }
