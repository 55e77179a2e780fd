// Small behaviours every page may use, kept out of the HTML so the Content-Security-Policy
// can forbid inline script: <form data-confirm="Säker?"> asks before it is sent, and
// <input data-select-on-click> selects its text when clicked (the address to copy).
"use strict";
document.addEventListener("submit", function (event) {
  var form = event.target;
  var question = form && form.getAttribute && form.getAttribute("data-confirm");
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});
document.addEventListener("click", function (event) {
  var field = event.target;
  if (field && field.hasAttribute && field.hasAttribute("data-select-on-click")) {
    field.select();
  }
});
