// Upload form: offer only the chosen organization's bodies.
(function () {
  "use strict";
  const org = document.getElementById("upload-org");
  const body = document.querySelector('select[name="body_id"]');
  if (!org || !body) return;
  function filter() {
    for (const option of body.options) {
      const own = !option.dataset.org || option.dataset.org === org.value;
      option.hidden = !own;
      if (!own && option.selected) body.value = "";
    }
  }
  org.addEventListener("change", filter);
  filter();
})();
