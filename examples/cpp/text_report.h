// The demo's console report: what each of cxkit's functions found in the
// day, the classic stories first, in a few screens.

#ifndef CXKIT_EXAMPLES_CPP_TEXT_REPORT_H_
#define CXKIT_EXAMPLES_CPP_TEXT_REPORT_H_

#include <ostream>

#include "pipeline.h"

namespace cxkit_demo {

// Writes the report of `result` to `out`: customers resolved and why,
// conversations merged and why, SLA states with due times, service level per
// channel, routing assignments with their score breakdowns, staffing.
void PrintTextReport(const PipelineResult& result, std::ostream& out);

}  // namespace cxkit_demo

#endif  // CXKIT_EXAMPLES_CPP_TEXT_REPORT_H_
