// The incident map: offline country outlines (world-atlas, vendored), one circle per place (the
// incidents at one spot share it, and its popup lists them all), fitted to the data, with a
// legend and a year slider over what the list's filters selected.
(function () {
  var element = document.getElementById("map");
  var map = L.map(element, { worldCopyJump: true }).setView([30, 20], 2);
  var layer = L.layerGroup().addTo(map);
  var slider = document.getElementById("year"), shown = document.getElementById("year-shown");
  fetch("/static/vendor/countries-110m.json").then(function (r) { return r.json(); }).then(function (world) {
    var countries = topojson.feature(world, world.objects.countries);
    L.geoJSON(countries, { style: { color: "#888", weight: 1, fillColor: "#f4f1ea", fillOpacity: 1 } }).addTo(map).bringToBack();
  });
  addLegend();
  var query = element.dataset.query ? "?" + element.dataset.query : "";
  fetch("/api/incidents.geojson" + query).then(function (r) { return r.json(); }).then(function (data) {
    var features = data.features;
    var years = features.map(function (f) { return parseInt((f.properties.date || "").slice(0, 4), 10); })
      .filter(function (y) { return !isNaN(y); });
    if (years.length) {
      // the slider's last stop (max + 1) shows every year
      slider.min = Math.min.apply(null, years); slider.max = Math.max.apply(null, years) + 1;
      slider.value = slider.max; slider.disabled = false;
      slider.addEventListener("input", function () { draw(features, parseInt(slider.value, 10)); });
    }
    var drawn = draw(features, years.length ? parseInt(slider.value, 10) : null);
    if (drawn.length) map.fitBounds(L.latLngBounds(drawn).pad(0.3), { maxZoom: 8, animate: false });
    element.dataset.zoom = String(map.getZoom());
    element.dataset.markers = String(features.length);
  });

  function draw(features, year) {
    var all = year === null || year > parseInt(slider.max, 10) - 1;
    shown.textContent = all ? "all" : String(year);
    layer.clearLayers();
    var places = {};
    features.forEach(function (feature) {
      var date = feature.properties.date || "";
      if (!all && date.slice(0, 4) !== String(year)) return;
      var c = feature.geometry.coordinates, key = c[1].toFixed(3) + "," + c[0].toFixed(3);
      (places[key] = places[key] || { at: [c[1], c[0]], incidents: [] }).incidents.push(feature.properties);
    });
    return Object.keys(places).map(function (key) {
      var place = places[key], killed = 0, conflicted = false;
      place.incidents.forEach(function (p) { killed += p.killed || 0; conflicted = conflicted || p.conflicted; });
      var marker = L.circleMarker(place.at, { radius: 4 + Math.sqrt(killed) * 2, color: conflicted ? "#c0392b" : "#2e86c1",
                                              weight: place.incidents.length > 1 ? 4 : 2, fillOpacity: 0.5 });
      marker.bindPopup(popup(place.incidents)).addTo(layer);
      if (place.incidents.length > 1) marker.bindTooltip(String(place.incidents.length), { permanent: true, direction: "center", className: "count" });
      return place.at;
    });
  }

  function popup(incidents) {
    var list = document.createElement("ul");
    incidents.forEach(function (p) {
      var item = document.createElement("li"), link = document.createElement("a");
      link.href = "/incidents/" + p.id;
      link.textContent = p.type.replace(/_/g, " ") + " · " + (p.place || "") + " · " + (p.date || "?") + " · killed " + (p.killed === null ? "?" : p.killed);
      item.appendChild(link); list.appendChild(item);
    });
    return list;
  }

  function addLegend() {
    var legend = L.control({ position: "bottomright" });
    legend.onAdd = function () {
      var box = L.DomUtil.create("div", "legend");
      box.innerHTML = "<strong>Incidents</strong><br>" +
        "<svg width='120' height='60'><circle cx='12' cy='14' r='5' fill='#2e86c1' fill-opacity='.5' stroke='#2e86c1'/>" +
        "<text x='30' y='18'>few or no dead</text><circle cx='12' cy='42' r='10' fill='#2e86c1' fill-opacity='.5' stroke='#2e86c1'/>" +
        "<text x='30' y='46'>more dead</text></svg><br>" +
        "<span class='swatch conflicted'></span> reports disagree<br><span class='swatch'>n</span> incidents at one place";
      return box;
    };
    legend.addTo(map);
  }
})();
