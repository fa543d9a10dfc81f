#pragma once
// Router with path parameters ("/sager/{id}") and a per-route policy, plus a middleware
// chain. Pure C++ (no Beast), so the router is tested in-process.
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "http/message.hpp"

namespace samspil::http {

using Handler = std::function<Response(Request&)>;
using Next = std::function<Response(Request&)>;
using Middleware = std::function<Response(Request&, const Next&)>;

// Where a handler runs: cheap handlers without I/O may answer on the I/O threads;
// anything that touches the database runs on the worker pool (DESIGN.md).
enum class Execution { io_thread, worker_pool };

struct RouteOptions {
  std::string name;         // stable route name for metrics, e.g. "healthz", "case.show"
  std::string policy;       // who may use it, e.g. "public", "staff", "guardian"; read by middleware
  Execution execution = Execution::worker_pool;
};

struct Route {
  std::string method;
  std::string pattern;
  Handler handler;
  RouteOptions options;
  // The pattern split at '/', computed once by add(); "{name}" marks a parameter.
  std::vector<std::string> segments;
};

struct Match {
  const Route* route = nullptr;
  std::map<std::string, std::string> params;
  bool method_not_allowed = false;  // a route matched the path, but not the method
  std::string allow;                // the Allow header for 405
};

class Router {
 public:
  // Adds a route. Pattern segments "{name}" bind one path segment. Every route must state
  // a policy; an empty policy is refused at start-up (deny by default).
  void add(std::string method, std::string pattern, Handler handler, RouteOptions options);
  // Appends middleware; the first added runs outermost.
  void use(Middleware middleware);
  // Answers requests that match no route (404) instead of the built-in problem document,
  // e.g. with an HTML page for browsers. Runs without middleware and must not do I/O.
  void set_not_found(Handler handler);
  // Finds the route for a method and path.
  Match match(std::string_view method, std::string_view path) const;
  // Runs the middleware chain and the handler for a request. Middleware wraps matched
  // routes only: 404/405 are answered directly (Danish problem+json, Allow on 405).
  Response dispatch(Request& request) const;
  // Same, for a match already found (the server matches once to pick the thread).
  Response dispatch(Request& request, const Match& match) const;
  // Returns the execution mode of the route that would serve this request.
  Execution execution_for(std::string_view method, std::string_view path) const;
  // Every route in the order added (`samspil routes`, the authorisation matrix test).
  const std::vector<Route>& routes() const { return m_routes; }

 private:
  Response run_chain(Request& request, const Route& route, std::size_t index) const;

  // Deque-like stability is not needed: routes are added at start-up, before serving.
  std::vector<Route> m_routes;
  std::vector<Middleware> m_middleware;
  Handler m_not_found;
};

}  // namespace samspil::http
