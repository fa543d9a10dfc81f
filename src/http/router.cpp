// Route table and middleware chain. Routes are few (tens to a hundred) and fixed at start-up,
// so a linear scan over pre-split patterns is fast and keeps precedence easy to explain:
// among routes that match, a literal segment beats a parameter at the first place they
// differ ("/sager/ny" wins over "/sager/{id}"), whatever the order they were added in.
#include "http/router.hpp"

#include <array>
#include <stdexcept>

#include <fmt/format.h>

namespace samspil::http {
namespace {

constexpr std::size_t max_segments = 32;

struct Segments {
  std::array<std::string_view, max_segments> items;
  std::size_t count = 0;
  bool overflow = false;
};

// Splits "/a/b" into {"a", "b"}; "/" into {}; "/a/" into {"a", ""}.
Segments split_path(std::string_view path) {
  Segments out;
  if (path.empty() || path.front() != '/') {
    out.overflow = true;
    return out;
  }
  if (path == "/") return out;
  std::string_view rest = path.substr(1);
  for (;;) {
    if (out.count == max_segments) {
      out.overflow = true;
      return out;
    }
    std::size_t slash = rest.find('/');
    out.items[out.count++] = rest.substr(0, slash);
    if (slash == std::string_view::npos) break;
    rest = rest.substr(slash + 1);
  }
  return out;
}

bool is_param(const std::string& segment) {
  return segment.size() >= 3 && segment.front() == '{' && segment.back() == '}';
}

bool path_matches(const Route& route, const Segments& path) {
  if (route.segments.size() != path.count) return false;
  for (std::size_t i = 0; i < path.count; ++i) {
    const std::string& seg = route.segments[i];
    if (is_param(seg)) {
      if (path.items[i].empty()) return false;  // a parameter binds a non-empty segment
    } else if (seg != path.items[i]) {
      return false;
    }
  }
  return true;
}

// True when a is more specific than b (both matched the same path).
bool more_specific(const Route& a, const Route& b) {
  for (std::size_t i = 0; i < a.segments.size(); ++i) {
    bool pa = is_param(a.segments[i]);
    bool pb = is_param(b.segments[i]);
    if (pa != pb) return !pa;
  }
  return false;
}

void add_allowed(std::vector<std::string_view>& allowed, std::string_view method) {
  for (auto m : allowed)
    if (m == method) return;
  allowed.push_back(method);
}

}  // namespace

void Router::add(std::string method, std::string pattern, Handler handler, RouteOptions options) {
  if (options.policy.empty())
    throw std::invalid_argument(
        fmt::format("route {} {} has no policy; every route must state who may use it", method,
                    pattern));
  if (method.empty() || pattern.empty() || pattern.front() != '/')
    throw std::invalid_argument(fmt::format("route {} {}: bad method or pattern", method, pattern));
  if (!handler) throw std::invalid_argument(fmt::format("route {} {}: no handler", method, pattern));
  // The pattern holds no personal data, so it is a safe fallback name for metrics and logs.
  if (options.name.empty()) options.name = pattern;

  Route route{std::move(method), std::move(pattern), std::move(handler), std::move(options), {}};
  Segments segs = split_path(route.pattern);
  if (segs.overflow) throw std::invalid_argument("route pattern too long: " + route.pattern);
  for (std::size_t i = 0; i < segs.count; ++i) route.segments.emplace_back(segs.items[i]);
  for (const auto& existing : m_routes) {
    if (existing.method == route.method && existing.segments == route.segments)
      throw std::invalid_argument(
          fmt::format("route {} {} is added twice", route.method, route.pattern));
  }
  m_routes.push_back(std::move(route));
}

void Router::use(Middleware middleware) { m_middleware.push_back(std::move(middleware)); }

Match Router::match(std::string_view method, std::string_view path) const {
  Match result;
  Segments segs = split_path(path);
  if (segs.overflow) return result;

  const Route* best = nullptr;
  const Route* best_get = nullptr;  // a GET route also answers HEAD
  bool any_path = false;
  for (const auto& route : m_routes) {
    if (!path_matches(route, segs)) continue;
    any_path = true;
    if (route.method == method) {
      if (!best || more_specific(route, *best)) best = &route;
    } else if (method == "HEAD" && route.method == "GET") {
      if (!best_get || more_specific(route, *best_get)) best_get = &route;
    }
  }
  if (!best) best = best_get;
  if (best) {
    result.route = best;
    for (std::size_t i = 0; i < segs.count; ++i) {
      const std::string& seg = best->segments[i];
      if (is_param(seg))
        result.params.emplace(seg.substr(1, seg.size() - 2), std::string(segs.items[i]));
    }
    return result;
  }
  if (any_path) {
    std::vector<std::string_view> allowed;
    for (const auto& route : m_routes) {
      if (!path_matches(route, segs)) continue;
      add_allowed(allowed, route.method);
      if (route.method == "GET") add_allowed(allowed, "HEAD");
    }
    result.method_not_allowed = true;
    for (std::size_t i = 0; i < allowed.size(); ++i) {
      if (i) result.allow += ", ";
      result.allow += allowed[i];
    }
  }
  return result;
}

void Router::set_not_found(Handler handler) { m_not_found = std::move(handler); }

Response Router::dispatch(Request& request) const {
  return dispatch(request, match(request.method, request.path));
}

Response Router::dispatch(Request& request, const Match& match) const {
  if (!match.route) {
    if (match.method_not_allowed) {
      Response r = Response::problem(
          405, "Metoden er ikke tilladt",
          fmt::format("Metoden {} kan ikke bruges på denne adresse.", request.method));
      r.set_header("Allow", match.allow);
      return r;
    }
    if (m_not_found) return m_not_found(request);
    return Response::problem(404, "Siden findes ikke",
                             "Der findes ingen side eller ressource på denne adresse.");
  }
  const Route& route = *match.route;
  request.params = match.params;
  request.route_name = route.options.name;
  request.route_policy = route.options.policy;
  Response response = run_chain(request, route, 0);
  if (request.method == "HEAD" && route.method != "HEAD") {
    // HEAD answers with the GET response's headers, including the length it would have had.
    if (!response.has_header("Content-Length"))
      response.set_header("Content-Length", std::to_string(response.body_view().size()));
    response.body.clear();
    response.shared_body.reset();
  }
  return response;
}

Response Router::run_chain(Request& request, const Route& route, std::size_t index) const {
  if (index == m_middleware.size()) return route.handler(request);
  // The continuation captures one pointer, so std::function keeps it inline (no allocation).
  struct Step {
    const Router* router;
    const Route* route;
    std::size_t next;
  } step{this, &route, index + 1};
  Next next = [s = &step](Request& r) { return s->router->run_chain(r, *s->route, s->next); };
  return m_middleware[index](request, next);
}

Execution Router::execution_for(std::string_view method, std::string_view path) const {
  Match m = match(method, path);
  return m.route ? m.route->options.execution : Execution::io_thread;
}

}  // namespace samspil::http
