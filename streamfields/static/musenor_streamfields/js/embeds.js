// Embedded media load on demand: the page shows a local thumbnail and a link;
// pressing the play button swaps in the provider's player, kept inert in a
// <template> until then. Several blocks may include this script: it sets
// itself up once.
(function () {
  "use strict";
  if (window.musenorEmbeds) return;
  window.musenorEmbeds = true;

  function load(figure) {
    var frame = figure.querySelector(".embed-frame");
    var template = frame.querySelector("template");
    if (!template) return;
    frame.replaceChildren(template.content.cloneNode(true));
    figure.classList.add("is-loaded");
    var iframe = frame.querySelector("iframe");
    if (iframe) {
      if (!iframe.title) iframe.title = figure.dataset.title || "";
      iframe.focus();
    }
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-embed-load]");
    if (button) load(button.closest("[data-embed]"));
  });

  function reveal() {
    // The media's proportions: set here, as the Content-Security-Policy allows
    // no style attribute in the page (without script the frame stays 16:9).
    document.querySelectorAll("[data-embed] .embed-frame[data-ratio]").forEach(function (frame) {
      frame.style.aspectRatio = frame.dataset.ratio;
    });
    document.querySelectorAll("[data-embed-load]").forEach(function (button) {
      button.hidden = false;
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", reveal);
  } else {
    reveal();
  }
})();
