// Progressive enhancement of a circuit page: a print button, and a map of the
// stops when Leaflet and the tile server answer. The list of stops is the
// content; without JavaScript nothing is missing but these two extras.
(function () {
  "use strict";

  var button = document.querySelector("[data-print]");
  if (button && typeof window.print === "function") {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  }

  var section = document.querySelector("[data-circuit-map]");
  var data = document.getElementById("circuit-map-data");
  if (!section || !data || typeof L === "undefined") return;
  var points = JSON.parse(data.textContent);
  if (points.length < 2) return;

  section.hidden = false;
  var map = L.map("circuit-map", { scrollWheelZoom: false });
  var layer = L.tileLayer(section.dataset.tiles, {
    attribution: section.dataset.attribution || "",
    maxZoom: 18,
  });
  var loaded = 0;
  var failed = 0;
  layer.on("tileload", function () { loaded += 1; });
  layer.on("tileerror", function () {
    failed += 1;
    // Nothing has loaded and several tiles failed: the tile server is out of
    // reach, so leave the list alone rather than show an empty box.
    if (loaded === 0 && failed >= 3) {
      map.remove();
      section.hidden = true;
      section.setAttribute("data-map-failed", "true");
    }
  });
  layer.addTo(map);

  var line = [];
  points.forEach(function (p) {
    var number = String(Number(p.n));
    var label = number + ". " + p.name;
    var badge = document.createElement("span");
    badge.textContent = number;
    var icon = L.divIcon({
      className: "circuit-marker",
      html: badge,
      iconSize: [30, 30],
      iconAnchor: [15, 15],
      popupAnchor: [0, -16],
    });
    var link = document.createElement("a");
    link.href = p.url;
    link.textContent = label;
    var popup = document.createElement("div");
    popup.appendChild(link);
    popup.appendChild(document.createTextNode(" — " + p.city));
    L.marker([p.lat, p.lon], { icon: icon, title: label, alt: label }).addTo(map).bindPopup(popup);
    line.push([p.lat, p.lon]);
  });
  L.polyline(line, { color: "#8a1c32", weight: 3, opacity: 0.8, dashArray: "6 8" }).addTo(map);
  map.fitBounds(line, { padding: [30, 30], maxZoom: 13 });
  section.setAttribute("data-map-ready", "true");
})();
