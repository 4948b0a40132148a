/* "Copy" buttons: <button data-copy="text" data-copied="label">. The text is also shown on the page. */
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-copy]");
    if (!button || !navigator.clipboard) { return; }
    navigator.clipboard.writeText(button.dataset.copy).then(function () {
      var label = button.innerHTML;
      button.textContent = button.dataset.copied || "OK";
      setTimeout(function () { button.innerHTML = label; }, 2000);
    });
  });
})();
