/*
 * Text a user typed survives every error, every extra button and every expired form.
 *
 * A form marked data-draft-key="<name>" keeps a copy of its fields in this tab's sessionStorage on
 * every keystroke. When the page loads again (after the friendly CSRF page, a reload, or a button
 * elsewhere on the page) fields whose shown value differs from the copy get the copy back, and the
 * form's [data-draft-notice] says so. A page that shows exactly the copy means it was saved, and the
 * copy is dropped, unless the form was re-shown with errors (data-draft-keep): then the copy stays,
 * so a reload after a refused save still brings the text back.
 */
(function () {
  "use strict";

  var SKIPPED = ["hidden", "file", "submit", "button", "reset", "password"];

  function fields(form) {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name && el.name !== "csrfmiddlewaretoken" && SKIPPED.indexOf(el.type) === -1;
    });
  }

  function snapshot(form) {
    var values = {};
    fields(form).forEach(function (el) {
      if (el.type === "radio") {
        if (!(el.name in values)) values[el.name] = "";
        if (el.checked) values[el.name] = el.value;
      } else if (el.type === "checkbox") {
        values[el.name] = el.checked ? "on" : "";
      } else {
        values[el.name] = el.value;
      }
    });
    return values;
  }

  function apply(form, name, value) {
    fields(form).forEach(function (el) {
      if (el.name !== name) return;
      if (el.type === "radio") el.checked = el.value === value;
      else if (el.type === "checkbox") el.checked = value === "on";
      else el.value = value;
    });
  }

  function read(key) {
    try {
      return JSON.parse(window.sessionStorage.getItem(key) || "null");
    } catch (error) {
      return null;
    }
  }

  function restore(form, key) {
    var saved = read(key);
    if (!saved) return;
    var shown = snapshot(form);
    var differing = Object.keys(saved).filter(function (name) {
      return name in shown && shown[name] !== saved[name];
    });
    if (!differing.length) {
      if (!form.hasAttribute("data-draft-keep")) window.sessionStorage.removeItem(key);
      return;
    }
    differing.forEach(function (name) {
      apply(form, name, saved[name]);
    });
    var notice = form.querySelector("[data-draft-notice]");
    if (notice) notice.hidden = false;
  }

  function watch(form) {
    var key = "kinerja-draft:" + form.getAttribute("data-draft-key");
    restore(form, key);
    var keep = function () {
      try {
        window.sessionStorage.setItem(key, JSON.stringify(snapshot(form)));
      } catch (error) {
        /* storage full or disabled: the server-side re-render still keeps what was posted */
      }
    };
    form.addEventListener("input", keep);
    form.addEventListener("change", keep);
  }

  document.querySelectorAll("form[data-draft-key]").forEach(watch);
})();
