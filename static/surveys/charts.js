/* Survey result charts. The same figures are in the tables, so the page works without this script. */
(function () {
  "use strict";
  if (typeof Chart === "undefined") { return; }
  var teal = "#0b4f6c", warn = "#d68910", green = "#1f8a5b";

  function read(id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }

  function bar(canvasId, labels, values, options) {
    var canvas = document.getElementById(canvasId);
    if (!canvas) { return; }
    new Chart(canvas, {
      type: options.type || "bar",
      data: { labels: labels, datasets: [{ data: values, backgroundColor: options.colors || teal, borderColor: teal, spanGaps: true }] },
      options: {
        indexAxis: options.horizontal ? "y" : "x",
        maintainAspectRatio: false,
        plugins: { legend: { display: false } },
        scales: options.horizontal
          ? { x: { min: options.min, max: options.max } }
          : { y: { min: options.min, max: options.max } }
      }
    });
  }

  var units = read("units-data");
  if (units) {
    bar("units-chart", units.labels, units.values, { horizontal: true, min: 25, max: 100 });
  }
  var report = read("report-data");
  if (report) {
    var e = report.elements;
    var colors = e.labels.map(function (label) {
      return e.priorities.indexOf(label.split(" ")[0]) >= 0 ? warn : green;
    });
    bar("elements-chart", e.labels.map(function (l) { return l.split(" ")[0]; }), e.values, { horizontal: true, min: 1, max: 4, colors: colors });
    bar("months-chart", report.months.labels, report.months.values, { type: "line", min: 25, max: 100 });
  }
})();
