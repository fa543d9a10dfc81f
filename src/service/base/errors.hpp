#pragma once
// Typed outcomes of service calls (DESIGN.md style rule 4). Validation problems are values
// (field -> Danish message); NotFound, Forbidden and Conflict are exceptions that the web
// and API layers turn into 404/403/409 pages or problem documents. The Danish text is for
// the user; it never contains personal data of someone the user may not see.
#include <map>
#include <stdexcept>
#include <string>

namespace samspil::service {

// Field name -> Danish message, in form order where the caller cares (std::map sorts).
using FieldErrors = std::map<std::string, std::string>;

// The object does not exist in the actor's municipality, or the actor may not know that it
// exists (a professional outside the case gets NotFound, not Forbidden, so ids do not leak).
struct NotFound : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The actor may see the object but not do this.
struct Forbidden : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The change conflicts with the current state (e.g. a rule of the model, a used token).
struct Conflict : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Input that failed validation; nothing was changed.
struct Invalid : std::runtime_error {
  explicit Invalid(FieldErrors errors) : std::runtime_error("invalid input"), fields(std::move(errors)) {}
  FieldErrors fields;
};

}  // namespace samspil::service
