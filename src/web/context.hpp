#pragma once
// What the page handlers are given at start-up: the shared handler context (edge/) and the
// views that render the Danish pages.
#include "edge/context.hpp"
#include "web/views.hpp"

namespace samspil::web {

// The pages are written against the edge's names (state, actor, the service configurations,
// FormData …) as if they were their own; the edge is the pages' half of the shared layer.
using namespace samspil::edge;

using WebSettings = edge::Settings;

struct WebContext : edge::Context {
  const Views& views;
};

}  // namespace samspil::web
