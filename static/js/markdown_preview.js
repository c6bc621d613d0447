// Adds a "Preview" button under each Markdown field in the disease admin. The HTML comes from the
// server's own renderer, so editors see exactly what readers will see, sanitised the same way.
(function () {
  "use strict";
  function csrfToken() {
    const input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }
  function setUp(textarea) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "button markdown-preview-toggle";
    button.textContent = "Preview";
    const output = document.createElement("div");
    output.className = "markdown-preview";
    output.hidden = true;
    output.setAttribute("aria-live", "polite");
    output.id = textarea.id + "-preview";
    button.setAttribute("aria-controls", output.id);
    button.setAttribute("aria-expanded", "false");
    button.addEventListener("click", async function () {
      if (!output.hidden) {
        output.hidden = true;
        button.textContent = "Preview";
        button.setAttribute("aria-expanded", "false");
        return;
      }
      const body = new URLSearchParams({ text: textarea.value });
      const response = await fetch(textarea.dataset.previewUrl, {
        method: "POST",
        headers: { "X-CSRFToken": csrfToken() },
        body: body,
        credentials: "same-origin",
      });
      const data = await response.json();
      output.innerHTML = data.html || "<p><em>Nothing to show yet.</em></p>";
      output.hidden = false;
      button.textContent = "Hide preview";
      button.setAttribute("aria-expanded", "true");
    });
    const tools = document.createElement("div");
    tools.className = "markdown-tools";
    tools.append(button, output);
    textarea.after(tools);
  }
  document.addEventListener("DOMContentLoaded", function () {
    const url = document.location.pathname.replace(/(\/admin\/diseases\/disease\/).*/, "$1markdown-preview/");
    document.querySelectorAll("textarea.markdown-source").forEach(function (textarea) {
      textarea.dataset.previewUrl = url;
      setUp(textarea);
    });
  });
})();
