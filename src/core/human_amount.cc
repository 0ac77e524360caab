#include "core/human_amount.h"

#include <cstdio>

namespace kg {

std::string HumanAmount(double amount) {
  struct Scale {
    double factor;
    const char* suffix;
  };
  static const Scale kScales[] = {{1e12, " tn"}, {1e9, " bn"}, {1e6, " m"}, {1e3, " k"}};
  char buffer[64];
  for (const Scale& scale : kScales) {
    if (amount >= scale.factor) {
      std::snprintf(buffer, sizeof(buffer), "%.4g%s", amount / scale.factor, scale.suffix);
      return buffer;
    }
  }
  std::snprintf(buffer, sizeof(buffer), "%.15g", amount);
  return buffer;
}

}  // namespace kg
