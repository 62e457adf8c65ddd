// The demo's HTML report: one self-contained page (inline CSS and SVG, no
// external assets, no scripts) with every conversation that crossed channels
// as a timeline with its SLA clocks, the service level per channel as a
// chart, the routing assignments and the staffing plan.

#ifndef CXKIT_EXAMPLES_CPP_HTML_REPORT_H_
#define CXKIT_EXAMPLES_CPP_HTML_REPORT_H_

#include <string>

#include "pipeline.h"

namespace cxkit_demo {

// The page for `result`, UTF-8. It is also well-formed XML (every element
// closed, attributes quoted, only the XML entities), so tools can parse it.
std::string HtmlReport(const PipelineResult& result);

}  // namespace cxkit_demo

#endif  // CXKIT_EXAMPLES_CPP_HTML_REPORT_H_
