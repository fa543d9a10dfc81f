#pragma once
// Internal to the pdf layer: draws a Document onto a cairo context page by page (A4),
// measuring every block with pango first so rows and paragraphs break cleanly between pages.
#include <cairo.h>
#include <pango/pangocairo.h>

#include <memory>
#include <string>
#include <vector>

#include "pdf/document.hpp"

namespace samspil::pdf::detail {

inline constexpr double k_page_width = 595.276;   // A4 in points
inline constexpr double k_page_height = 841.890;

struct LayoutDeleter {
  void operator()(PangoLayout* layout) const { g_object_unref(layout); }
};
using Layout = std::unique_ptr<PangoLayout, LayoutDeleter>;

class Renderer {
 public:
  // total_pages is printed as M in "Side N af M" (0 in the counting pass).
  Renderer(cairo_t* cr, const Document& document, int total_pages);
  // Draws everything; the caller finishes the surface. Returns the number of pages.
  int run();

 private:
  Layout text(const std::string& value, const char* font, double width) const;
  static double height(const Layout& layout);
  void new_page();
  void header();
  void footer();
  void ensure(double needed);
  void draw(const Layout& layout, double x);
  void draw_lines(const Layout& layout, double x);
  void fields(const std::vector<Field>& fields);
  void section(const Section& section);
  void table(const Table& table);
  std::vector<double> column_widths(const Table& table, std::size_t columns) const;
  void table_row(const std::vector<Layout>& cells, const std::vector<double>& widths, double row_height, bool shaded);

  cairo_t* cr_;
  const Document& document_;
  int total_pages_;
  int page_ = 0;
  double y_ = 0;
};

}  // namespace samspil::pdf::detail
