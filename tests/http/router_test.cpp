// The router in-process: parameters, precedence, 404/405 with Allow, middleware order,
// deny-by-default (empty policy refused) and HEAD on GET routes.
#include <gtest/gtest.h>

#include <stdexcept>

#include "http/router.hpp"

namespace samspil::http {
namespace {

Handler text_handler(std::string body) {
  return [body](Request&) { return Response::text(200, body); };
}

Request make_request(std::string method, std::string path) {
  Request r;
  r.method = std::move(method);
  r.path = path;
  r.target = path;
  return r;
}

TEST(Router, BindsPathParameters) {
  Router router;
  router.add("GET", "/sager/{id}/moeder/{moede}",
             [](Request& r) { return Response::text(200, r.params["id"] + "|" + r.params["moede"]); },
             {"case.meeting", "staff", Execution::io_thread});
  Request req = make_request("GET", "/sager/abc/moeder/42");
  Response res = router.dispatch(req);
  EXPECT_EQ(res.status, 200);
  EXPECT_EQ(res.body, "abc|42");
  EXPECT_EQ(req.route_name, "case.meeting");
  EXPECT_EQ(req.route_policy, "staff");
}

TEST(Router, LiteralSegmentBeatsParameterWhateverTheOrder) {
  Router router;
  router.add("GET", "/sager/{id}", text_handler("show"), {"case.show", "staff"});
  router.add("GET", "/sager/ny", text_handler("new"), {"case.new", "staff"});
  Request a = make_request("GET", "/sager/ny");
  EXPECT_EQ(router.dispatch(a).body, "new");
  Request b = make_request("GET", "/sager/x1");
  EXPECT_EQ(router.dispatch(b).body, "show");
}

TEST(Router, ParameterDoesNotMatchEmptySegmentOrExtraSegments) {
  Router router;
  router.add("GET", "/sager/{id}", text_handler("show"), {"case.show", "staff"});
  for (const char* path : {"/sager/", "/sager", "/sager/a/b", "/", "sager/a"}) {
    Request r = make_request("GET", path);
    EXPECT_EQ(router.dispatch(r).status, 404) << path;
  }
}

TEST(Router, UnknownPathIs404ProblemInDanish) {
  Router router;
  router.add("GET", "/a", text_handler("a"), {"a", "public"});
  Request r = make_request("GET", "/b");
  Response res = router.dispatch(r);
  EXPECT_EQ(res.status, 404);
  EXPECT_EQ(res.header("Content-Type"), "application/problem+json");
  EXPECT_NE(res.body.find("\"status\":404"), std::string::npos);
  EXPECT_NE(res.body.find("findes"), std::string::npos);
}

TEST(Router, WrongMethodIs405WithAllow) {
  Router router;
  router.add("GET", "/sager/{id}", text_handler("show"), {"case.show", "staff"});
  router.add("POST", "/sager/{id}", text_handler("update"), {"case.update", "staff"});
  Request r = make_request("DELETE", "/sager/1");
  Response res = router.dispatch(r);
  EXPECT_EQ(res.status, 405);
  EXPECT_EQ(res.header("Allow"), "GET, HEAD, POST");
  Match m = router.match("DELETE", "/sager/1");
  EXPECT_TRUE(m.method_not_allowed);
  EXPECT_EQ(m.route, nullptr);
}

TEST(Router, MiddlewareRunsInOrderFirstAddedOutermost) {
  Router router;
  std::vector<std::string> trace;
  router.use([&](Request& r, const Next& next) {
    trace.push_back("outer-in");
    Response res = next(r);
    trace.push_back("outer-out");
    res.set_header("X-Outer", "1");
    return res;
  });
  router.use([&](Request& r, const Next& next) {
    trace.push_back("inner-in");
    Response res = next(r);
    trace.push_back("inner-out");
    return res;
  });
  router.add("GET", "/x", [&](Request&) {
    trace.push_back("handler");
    return Response::text(200, "x");
  }, {"x", "public"});
  Request r = make_request("GET", "/x");
  Response res = router.dispatch(r);
  EXPECT_EQ(res.header("x-outer"), "1");
  EXPECT_EQ(trace, (std::vector<std::string>{"outer-in", "inner-in", "handler", "inner-out", "outer-out"}));
}

TEST(Router, MiddlewareCanShortCircuitUsingPolicy) {
  Router router;
  router.use([](Request& r, const Next& next) {
    if (r.route_policy == "staff" && r.header("authorization").empty())
      return Response::problem(401, "Log ind", "Du skal logge ind.");
    return next(r);
  });
  router.add("GET", "/sager", text_handler("list"), {"case.list", "staff"});
  router.add("GET", "/om", text_handler("about"), {"about", "public"});
  Request a = make_request("GET", "/sager");
  EXPECT_EQ(router.dispatch(a).status, 401);
  Request b = make_request("GET", "/om");
  EXPECT_EQ(router.dispatch(b).status, 200);
}

TEST(Router, EmptyPolicyIsRefusedAtAddTime) {
  Router router;
  EXPECT_THROW(router.add("GET", "/x", text_handler("x"), {"x", ""}), std::invalid_argument);
  EXPECT_THROW(router.add("GET", "x", text_handler("x"), {"x", "public"}), std::invalid_argument);
  router.add("GET", "/x", text_handler("x"), {"x", "public"});
  EXPECT_THROW(router.add("GET", "/x", text_handler("y"), {"y", "public"}), std::invalid_argument);
}

TEST(Router, HeadOnGetRouteDropsBodyKeepsLength) {
  Router router;
  router.add("GET", "/x", text_handler("hello"), {"x", "public"});
  Request r = make_request("HEAD", "/x");
  Response res = router.dispatch(r);
  EXPECT_EQ(res.status, 200);
  EXPECT_TRUE(res.body.empty());
  EXPECT_EQ(res.header("Content-Length"), "5");
  EXPECT_EQ(res.header("Content-Type"), "text/plain; charset=utf-8");
}

TEST(Router, ExecutionFollowsTheRoute) {
  Router router;
  router.add("GET", "/healthz", text_handler("ok"), {"healthz", "public", Execution::io_thread});
  router.add("GET", "/sager", text_handler("list"), {"case.list", "staff"});
  EXPECT_EQ(router.execution_for("GET", "/healthz"), Execution::io_thread);
  EXPECT_EQ(router.execution_for("HEAD", "/healthz"), Execution::io_thread);
  EXPECT_EQ(router.execution_for("GET", "/sager"), Execution::worker_pool);
  EXPECT_EQ(router.execution_for("GET", "/nowhere"), Execution::io_thread);
}

TEST(Message, QueryParamsAndHeaders) {
  Request r;
  r.query = "side=2&q=b%C3%B8rn+og+familie&tom&x=%zz";
  r.headers["content-type"] = "text/html";
  EXPECT_EQ(r.query_param("side"), "2");
  EXPECT_EQ(r.query_param("q"), "børn og familie");
  EXPECT_EQ(r.query_param("tom"), "");
  EXPECT_EQ(r.query_param("x"), "");
  EXPECT_EQ(r.query_param("mangler"), "");
  EXPECT_EQ(r.header("Content-Type"), "text/html");
}

TEST(Message, PercentDecodeRefusesMalformedAndNul) {
  EXPECT_EQ(percent_decode("/a%20b", false), "/a b");
  EXPECT_EQ(percent_decode("/a+b", false), "/a+b");
  EXPECT_FALSE(percent_decode("/a%2", false));
  EXPECT_FALSE(percent_decode("/a%00", false));
  EXPECT_FALSE(percent_decode("/a%g0", false));
}

TEST(Message, ResponseFactories) {
  Response p = Response::problem(422, "Ugyldige oplysninger", "Feltet \"navn\" mangler.");
  EXPECT_EQ(p.header("content-type"), "application/problem+json");
  EXPECT_NE(p.body.find(R"("detail":"Feltet \"navn\" mangler.")"), std::string::npos);
  Response r = Response::redirect("/sager");
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(r.header("Location"), "/sager");
  Response h = Response::html(200, "<p>x</p>");
  h.set_header("content-type", "text/html");
  EXPECT_EQ(h.headers.size(), 1u);
  EXPECT_EQ(h.header("Content-Type"), "text/html");
}

}  // namespace
}  // namespace samspil::http
