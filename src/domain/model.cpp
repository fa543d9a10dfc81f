// Placeholder until the model loader lands.
#include "domain/model.hpp"
