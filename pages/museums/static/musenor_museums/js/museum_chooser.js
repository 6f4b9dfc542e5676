// The museum chooser's search box: hides the museums whose name or town does not
// contain what the editor types. Without JavaScript the box stays hidden and the
// whole list is shown.
(function () {
  function normalise(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function setUp(chooser) {
    if (chooser.dataset.museumChooserReady) return;
    chooser.dataset.museumChooserReady = "1";
    const label = chooser.querySelector(".museum-chooser-search");
    const input = chooser.querySelector("[data-museum-chooser-search]");
    label.hidden = false;
    input.addEventListener("input", function () {
      const wanted = normalise(input.value.trim());
      chooser.querySelectorAll("input[data-museum-search]").forEach(function (box) {
        const item = box.closest("div") || box.parentElement;
        const shown = !wanted || normalise(box.dataset.museumSearch).includes(wanted) || box.checked;
        item.hidden = !shown;
      });
    });
  }
  function setUpAll() {
    document.querySelectorAll("[data-museum-chooser]").forEach(setUp);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpAll);
  } else {
    setUpAll();
  }
})();
