/* Behaviour that pages declare with data attributes, so that no page needs inline script: the
   Content-Security-Policy refuses it. Texts come from the template, already translated; as attribute
   values they need no JavaScript quoting, so an apostrophe in a translation is harmless. */
(function () {
  "use strict";

  function confirmed(element) {
    var text = element && element.getAttribute("data-confirm");
    return !text || window.confirm(text);
  }

  // <form data-confirm="..."> asks before it is sent, whichever button sends it.
  document.addEventListener("submit", function (event) {
    if (!confirmed(event.target)) { event.preventDefault(); }
  });

  // <button data-confirm="..."> asks before it acts (also on Enter: browsers click the default button).
  document.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-confirm], input[data-confirm]");
    if (button && !confirmed(button)) { event.preventDefault(); }
  });

  // <select data-autosubmit> sends its form as soon as another option is chosen.
  document.addEventListener("change", function (event) {
    var field = event.target;
    if (!field.matches("[data-autosubmit]") || !field.form) { return; }
    if (field.form.requestSubmit) { field.form.requestSubmit(); } else { field.form.submit(); }
  });
})();
