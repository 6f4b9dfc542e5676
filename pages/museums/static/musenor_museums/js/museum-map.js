// Progressive enhancement of the museum directory: the list below always
// works; the map appears only when Leaflet and the tile server answer.
(function () {
  "use strict";
  var section = document.querySelector("[data-map]");
  var data = document.getElementById("museum-map-data");
  if (!section || !data || typeof L === "undefined") return;
  var points = JSON.parse(data.textContent);
  if (!points.length) return;

  section.hidden = false;
  var map = L.map("museum-map", { scrollWheelZoom: false });
  var layer = L.tileLayer(section.dataset.tiles, {
    attribution: section.dataset.attribution || "",
    maxZoom: 18,
  });
  var loaded = 0;
  var failed = 0;
  layer.on("tileload", function () { loaded += 1; });
  layer.on("tileerror", function () {
    failed += 1;
    // No tile has loaded and several failed: the tile server is out of
    // reach, so fall back to the list rather than show an empty box.
    if (loaded === 0 && failed >= 3) {
      map.remove();
      section.hidden = true;
      section.setAttribute("data-map-failed", "true");
    }
  });
  layer.addTo(map);

  var bounds = [];
  points.forEach(function (p) {
    // Museums that share a spot (one building, one town hall) share a marker
    // whose popup names each of them.
    var museums = p.museums || [{ name: p.name, url: p.url }];
    var popup = document.createElement("div");
    var list = document.createElement("ul");
    list.className = "map-popup-list";
    museums.forEach(function (m) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = m.url;
      link.textContent = m.name;
      item.appendChild(link);
      list.appendChild(item);
    });
    popup.appendChild(list);
    popup.appendChild(document.createTextNode(p.city));
    var title = museums.map(function (m) { return m.name; }).join(" · ");
    L.marker([p.lat, p.lon], { title: title, alt: title }).addTo(map).bindPopup(popup);
    bounds.push([p.lat, p.lon]);
  });
  map.fitBounds(bounds, { padding: [20, 20], maxZoom: parseInt(section.dataset.zoom || "12", 10) });
  section.setAttribute("data-map-ready", "true");
})();
