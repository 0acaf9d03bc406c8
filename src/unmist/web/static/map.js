// The incident map: offline country outlines (world-atlas, vendored) and one circle per incident.
(function () {
  var element = document.getElementById("map");
  var map = L.map(element, { worldCopyJump: true }).setView([39, 68], 4);
  fetch("/static/vendor/countries-110m.json").then(function (r) { return r.json(); }).then(function (world) {
    var countries = topojson.feature(world, world.objects.countries);
    L.geoJSON(countries, { style: { color: "#888", weight: 1, fillColor: "#f4f1ea", fillOpacity: 1 } }).addTo(map).bringToBack();
  });
  var query = element.dataset.query ? "?" + element.dataset.query : "";
  fetch("/api/incidents.geojson" + query).then(function (r) { return r.json(); }).then(function (data) {
    data.features.forEach(function (feature) {
      var p = feature.properties, c = feature.geometry.coordinates;
      var radius = 4 + Math.sqrt(p.killed || 0) * 2;
      var marker = L.circleMarker([c[1], c[0]], { radius: radius, color: p.conflicted ? "#c0392b" : "#2e86c1", weight: 2, fillOpacity: 0.5 });
      var label = document.createElement("a");
      label.href = "/incidents/" + p.id;
      label.textContent = p.type.replace(/_/g, " ") + " · " + (p.place || "") + " · " + (p.date || "?") + " · killed " + (p.killed === null ? "?" : p.killed);
      marker.bindPopup(label).addTo(map);
      marker.getElement && marker.getElement() && marker.getElement().classList.add("incident-marker");
    });
    element.dataset.markers = String(data.features.length);
  });
})();
