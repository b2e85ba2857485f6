#include "harness/report/html.h"

#include <fmt/format.h>

#include <cmath>

namespace qgold::harness::report {

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
    case '&': out += "&amp;"; break;
    case '<': out += "&lt;"; break;
    case '>': out += "&gt;"; break;
    case '"': out += "&quot;"; break;
    case '\'': out += "&#39;"; break;
    default: {
      unsigned char byte = static_cast<unsigned char>(c);
      out += (byte < 0x20 && c != '\n' && c != '\t') || byte == 0x7f ? '?' : c;
    }
    }
  }
  return out;
}

std::string format_number(double value) {
  if (std::isnan(value))
    return "nan";
  if (std::isinf(value))
    return value > 0 ? "inf" : "-inf";
  if (value == std::floor(value) && std::fabs(value) < 1e15)
    return fmt::format("{}", static_cast<long long>(value));
  return fmt::format("{:.6g}", value);
}

namespace {

constexpr std::string_view kStyle = R"(
body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222;max-width:1400px}
h1{font-size:1.5em}h2{font-size:1.25em;margin-top:1.6em;border-bottom:1px solid #ccc}
h3{font-size:1.05em;margin:1.2em 0 .4em}
table{border-collapse:collapse;margin:.4em 0}
th,td{border:1px solid #ccc;padding:2px 7px;text-align:left;vertical-align:top}
th{background:#f2f2f2}
table.sortable th{cursor:pointer;user-select:none}
table.sortable th:after{content:" \2195";color:#999}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.cards{display:flex;gap:1em;flex-wrap:wrap}
.card{border:1px solid #ccc;border-radius:6px;padding:.5em 1em;min-width:7em}
.card b{display:block;font-size:1.6em}
.pass{background:#d9f2d9}.fail{background:#f8d0d0}.skip{background:#eee}.mixed{background:#fbe7b5}
.status-failed{color:#b00;font-weight:bold}.status-passed{color:#070}.status-skipped{color:#666}
.matrix td{text-align:center;min-width:4.5em}
.meta th{width:12em}
.plot{display:block;margin:.4em 0}
.note{color:#666}
input,select{margin:.3em .5em .3em 0}
details{margin:.3em 0}summary{cursor:pointer}
code{background:#f4f4f4;padding:0 3px}
)";

// Sorts a table by the clicked column (numbers numerically, text by text;
// a second click reverses) and hides rows that fail the filters.
constexpr std::string_view kScript = R"(
(function(){
function key(td){var v=td.getAttribute('data-sort');if(v===null)v=td.textContent;var n=parseFloat(v);return isNaN(n)||!/^\s*-?[0-9.]/.test(v)?v.toLowerCase():n;}
document.querySelectorAll('table.sortable').forEach(function(t){
  t.querySelectorAll('th').forEach(function(th,i){th.addEventListener('click',function(){
    var body=t.tBodies[0],rows=Array.prototype.slice.call(body.rows);
    var dir=th.getAttribute('data-dir')==='asc'?-1:1;th.setAttribute('data-dir',dir>0?'asc':'desc');
    rows.sort(function(a,b){var x=key(a.cells[i]),y=key(b.cells[i]);
      if(typeof x!==typeof y){x=String(x);y=String(y);}return x<y?-dir:x>y?dir:0;});
    rows.forEach(function(r){body.appendChild(r);});});});});
function apply(id){var t=document.getElementById(id);if(!t)return;
  var text=document.querySelector('input[data-filter="'+id+'"]'),status=document.querySelector('select[data-filter="'+id+'"]');
  var q=text?text.value.toLowerCase():'',s=status?status.value:'';
  Array.prototype.forEach.call(t.tBodies[0].rows,function(r){
    var ok=(!q||r.textContent.toLowerCase().indexOf(q)>=0)&&(!s||r.getAttribute('data-status')===s);
    r.style.display=ok?'':'none';});}
document.querySelectorAll('[data-filter]').forEach(function(e){
  e.addEventListener('input',function(){apply(e.getAttribute('data-filter'));});});
})();
)";

} // namespace

std::string html_page(std::string_view title, std::string_view body) {
  return fmt::format("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                     "<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n{}\n"
                     "<script>{}</script>\n</body>\n</html>\n",
                     html_escape(title), kStyle, body, kScript);
}

} // namespace qgold::harness::report
