/*
 * Autocomplete for any <input data-autocomplete="URL">, following the WAI-ARIA 1.2 combobox
 * pattern with a listbox popup. No dependencies; without JavaScript the input is a plain field.
 *
 * The URL answers GET ?q=... with {"results": [{"type", "label", "slug" or "hpo_id", "url",
 * "matched"}]}; it may already carry parameters, such as /search/suggest/?type=disease.
 *
 * Options, as data attributes on the input:
 *   data-autocomplete-action="navigate"  go to the chosen result's page (the default inside a
 *                                        role="search" form);
 *   data-autocomplete-action="fill"      put the chosen label in the input (the default elsewhere);
 *   data-autocomplete-target="#css-id"   with "fill": also put the slug or HPO id in that input;
 *   data-autocomplete-submit             with "fill": submit the form afterwards.
 * A chosen result also fires a bubbling "autocomplete:select" event whose detail is the result.
 *
 * Keys: Down/Up move through suggestions (Alt+Down opens without moving), Enter picks the
 * highlighted one, Escape closes the list (or clears the input when it is closed), Tab leaves.
 */
(function () {
  "use strict";

  var MIN_LENGTH = 2;
  var DELAY_MS = 150;
  var TYPE_LABELS = { disease: "Disease", symptom: "Symptom" };
  var counter = 0;

  function Combobox(input) {
    counter += 1;
    this.input = input;
    this.id = input.id || "autocomplete-" + counter;
    input.id = this.id;
    this.endpoint = input.getAttribute("data-autocomplete");
    var form = input.form;
    var action = input.getAttribute("data-autocomplete-action");
    this.action = action || (form && form.getAttribute("role") === "search" ? "navigate" : "fill");
    this.results = [];
    this.active = -1;
    this.cache = {};
    this.timer = null;
    this.controller = null;
    this.lastQuery = null;
    this.build();
    this.bind();
  }

  Combobox.prototype.build = function () {
    var input = this.input;
    this.listbox = document.createElement("ul");
    this.listbox.id = this.id + "-listbox";
    this.listbox.className = "combobox-listbox";
    this.listbox.setAttribute("role", "listbox");
    this.listbox.hidden = true;
    var label = input.labels && input.labels[0];
    if (label) {
      label.id = label.id || this.id + "-label";
      this.listbox.setAttribute("aria-labelledby", label.id);
    } else {
      this.listbox.setAttribute("aria-label", "Suggestions");
    }
    this.status = document.createElement("div");
    this.status.className = "visually-hidden";
    this.status.setAttribute("role", "status");
    this.status.setAttribute("aria-live", "polite");

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", this.listbox.id);
    input.setAttribute("autocomplete", "off");
    input.parentNode.classList.add("combobox-host");
    input.insertAdjacentElement("afterend", this.listbox);
    this.listbox.insertAdjacentElement("afterend", this.status);
  };

  Combobox.prototype.bind = function () {
    var self = this;
    this.input.addEventListener("input", function () {
      self.schedule();
    });
    this.input.addEventListener("keydown", function (event) {
      self.onKeydown(event);
    });
    this.input.addEventListener("blur", function () {
      // Let a click on an option land before the list goes away.
      window.setTimeout(function () {
        self.close();
      }, 150);
    });
    // Keep focus in the input while an option is pressed, so the blur above does not fire first.
    this.listbox.addEventListener("mousedown", function (event) {
      event.preventDefault();
    });
    this.listbox.addEventListener("click", function (event) {
      var option = event.target.closest("[role=option]");
      if (option) {
        self.choose(Number(option.getAttribute("data-index")));
      }
    });
  };

  Combobox.prototype.schedule = function () {
    var self = this;
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(function () {
      self.fetch(self.input.value.trim());
    }, DELAY_MS);
  };

  Combobox.prototype.url = function (query) {
    var url = new URL(this.endpoint, window.location.href);
    url.searchParams.set("q", query);
    return url.toString();
  };

  Combobox.prototype.fetch = function (query) {
    var self = this;
    if (query.length < MIN_LENGTH) {
      this.lastQuery = null;
      this.render([]);
      this.close();
      return;
    }
    if (query === this.lastQuery) {
      return;
    }
    this.lastQuery = query;
    if (this.cache[query]) {
      this.show(this.cache[query]);
      return;
    }
    if (this.controller) {
      this.controller.abort();
    }
    this.controller = window.AbortController ? new AbortController() : null;
    window
      .fetch(this.url(query), {
        headers: { Accept: "application/json" },
        signal: this.controller ? this.controller.signal : undefined,
      })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("HTTP " + response.status);
        }
        return response.json();
      })
      .then(function (data) {
        var results = (data && data.results) || [];
        self.cache[query] = results;
        // An older, slower answer must not replace the list for what is typed now.
        if (query === self.input.value.trim()) {
          self.show(results);
        }
      })
      .catch(function (error) {
        if (error.name !== "AbortError") {
          self.lastQuery = null;
          self.close();
        }
      });
  };

  Combobox.prototype.show = function (results) {
    this.render(results);
    if (results.length) {
      this.open();
      this.announce(
        results.length +
          (results.length === 1 ? " suggestion" : " suggestions") +
          ". Use the up and down arrow keys to choose, then Enter."
      );
    } else {
      this.close();
      this.announce("No suggestions.");
    }
  };

  Combobox.prototype.render = function (results) {
    var listbox = this.listbox;
    var id = this.id;
    this.results = results;
    this.active = -1;
    this.input.removeAttribute("aria-activedescendant");
    listbox.textContent = "";
    results.forEach(function (result, index) {
      var option = document.createElement("li");
      option.id = id + "-option-" + index;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.setAttribute("data-index", String(index));
      var text = document.createElement("span");
      text.className = "combobox-text";
      var label = document.createElement("span");
      label.className = "combobox-label";
      label.textContent = result.label;
      text.appendChild(label);
      if (result.matched && result.matched !== result.label) {
        var matched = document.createElement("span");
        matched.className = "combobox-matched";
        matched.textContent = " (" + result.matched + ")";
        text.appendChild(matched);
      }
      option.appendChild(text);
      if (TYPE_LABELS[result.type]) {
        var type = document.createElement("span");
        type.className = "combobox-type";
        type.textContent = " " + TYPE_LABELS[result.type];
        option.appendChild(type);
      }
      listbox.appendChild(option);
    });
  };

  Combobox.prototype.isOpen = function () {
    return !this.listbox.hidden;
  };

  Combobox.prototype.open = function () {
    if (!this.results.length) {
      return;
    }
    var input = this.input;
    this.listbox.style.top = input.offsetTop + input.offsetHeight + "px";
    this.listbox.style.left = input.offsetLeft + "px";
    this.listbox.style.minWidth = input.offsetWidth + "px";
    this.listbox.hidden = false;
    input.setAttribute("aria-expanded", "true");
  };

  Combobox.prototype.close = function () {
    this.listbox.hidden = true;
    this.input.setAttribute("aria-expanded", "false");
    this.highlight(-1);
  };

  Combobox.prototype.highlight = function (index) {
    var options = this.listbox.querySelectorAll("[role=option]");
    for (var i = 0; i < options.length; i += 1) {
      options[i].setAttribute("aria-selected", i === index ? "true" : "false");
    }
    this.active = index;
    if (index >= 0 && options[index]) {
      this.input.setAttribute("aria-activedescendant", options[index].id);
      options[index].scrollIntoView({ block: "nearest" });
    } else {
      this.input.removeAttribute("aria-activedescendant");
    }
  };

  Combobox.prototype.move = function (step) {
    var count = this.results.length;
    if (!count) {
      return;
    }
    if (!this.isOpen()) {
      this.open();
    }
    var next = this.active + step;
    if (this.active === -1 && step < 0) {
      next = count - 1;
    }
    this.highlight((next + count) % count);
  };

  Combobox.prototype.onKeydown = function (event) {
    switch (event.key) {
      case "ArrowDown":
      case "Down":
        event.preventDefault();
        if (event.altKey) {
          this.open();
        } else {
          this.move(1);
        }
        break;
      case "ArrowUp":
      case "Up":
        if (this.isOpen()) {
          event.preventDefault();
          this.move(-1);
        }
        break;
      case "Enter":
        if (this.isOpen() && this.active >= 0) {
          event.preventDefault();
          this.choose(this.active);
        }
        break;
      case "Escape":
      case "Esc":
        if (this.isOpen()) {
          event.preventDefault();
          this.close();
        } else if (this.input.value) {
          event.preventDefault();
          this.input.value = "";
          this.lastQuery = null;
        }
        break;
      case "Tab":
        this.close();
        break;
      default:
        break;
    }
  };

  Combobox.prototype.announce = function (message) {
    this.status.textContent = message;
  };

  Combobox.prototype.choose = function (index) {
    var result = this.results[index];
    if (!result) {
      return;
    }
    this.close();
    var event = new CustomEvent("autocomplete:select", { bubbles: true, cancelable: true, detail: result });
    if (!this.input.dispatchEvent(event)) {
      return;
    }
    if (this.action === "navigate") {
      window.location.assign(result.url);
      return;
    }
    this.input.value = result.label;
    this.lastQuery = result.label;
    var targetSelector = this.input.getAttribute("data-autocomplete-target");
    var target = targetSelector ? document.querySelector(targetSelector) : null;
    if (target) {
      target.value = result.slug || result.hpo_id || "";
      target.dispatchEvent(new Event("change", { bubbles: true }));
    }
    if (this.input.hasAttribute("data-autocomplete-submit") && this.input.form) {
      if (this.input.form.requestSubmit) {
        this.input.form.requestSubmit();
      } else {
        this.input.form.submit();
      }
    }
  };

  function enhance(root) {
    var inputs = (root || document).querySelectorAll("input[data-autocomplete]");
    for (var i = 0; i < inputs.length; i += 1) {
      if (!inputs[i].hasAttribute("data-autocomplete-ready")) {
        inputs[i].setAttribute("data-autocomplete-ready", "");
        new Combobox(inputs[i]);
      }
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () {
      enhance(document);
    });
  } else {
    enhance(document);
  }
  window.enhanceAutocomplete = enhance;
})();
