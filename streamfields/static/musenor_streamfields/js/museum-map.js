// Maps of the "map of museums" block. The list of museums under each map is
// the content and always works; the map appears only when Leaflet loads and
// the tile server answers. Several blocks may include this script: the first
// run draws every map of the page, later runs find nothing left to do.
(function () {
  "use strict";
  var sections = Array.prototype.filter.call(
    document.querySelectorAll("[data-block-map]"),
    function (section) { return !section.hasAttribute("data-map-ready"); }
  );
  if (!sections.length) return;
  sections.forEach(function (section) { section.setAttribute("data-map-ready", "pending"); });

  // Draw once both Leaflet's script and its style sheet have loaded: Leaflet
  // finds its marker images through the style sheet, and asks for them at the
  // wrong address (404s) when it draws first.
  function withLeaflet(callback) {
    var first = sections[0].dataset;
    var waiting = 1;
    function loaded() {
      waiting -= 1;
      if (waiting === 0) callback();
    }
    var css = document.querySelector('link[href="' + first.leafletCss + '"]');
    if (!css) {
      css = document.createElement("link");
      css.rel = "stylesheet";
      css.href = first.leafletCss;
      waiting += 1;
      css.addEventListener("load", loaded);
      document.head.appendChild(css);
    } else if (!css.sheet) {
      waiting += 1;
      css.addEventListener("load", loaded);
    }
    if (typeof L === "undefined") {
      var script = document.querySelector('script[src="' + first.leafletJs + '"]');
      if (!script) {
        script = document.createElement("script");
        script.src = first.leafletJs;
        document.head.appendChild(script);
      }
      waiting += 1;
      script.addEventListener("load", loaded);
    }
    loaded();
  }

  function draw(section) {
    var data = section.querySelector('script[type="application/json"]');
    var points = data ? JSON.parse(data.textContent) : [];
    if (!points.length) return;
    section.hidden = false;
    var canvas = section.querySelector(".map-canvas");
    var map = L.map(canvas, { scrollWheelZoom: false });
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
      // reach, so leave the list alone rather than show an empty box.
      if (loaded === 0 && failed >= 3) {
        map.remove();
        section.hidden = true;
        section.setAttribute("data-map-ready", "failed");
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
  }

  withLeaflet(function () { sections.forEach(draw); });
})();
