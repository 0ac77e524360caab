// Amounts as people read them in tables and diagrams: "1.9 bn", "450 m", "12.5 k", "980".
#ifndef KG_CORE_HUMAN_AMOUNT_H_
#define KG_CORE_HUMAN_AMOUNT_H_

#include <string>

namespace kg {

// Four significant digits at most, with a scale word (tn, bn, m, k) from a thousand up.
std::string HumanAmount(double amount);

}  // namespace kg

#endif  // KG_CORE_HUMAN_AMOUNT_H_
