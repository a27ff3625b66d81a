// The map: an offline country-outline base map (Natural Earth via world-atlas)
// and one marker per grid cell computed by the server for the current zoom.
// A cell with one event is drawn as that event; a denser cell as a cluster.
import L from 'leaflet';
import { feature } from 'topojson-client';
import { api, el, fmt, label, typeColour } from './util.js';

// Natural Earth rings that cross the antimeridian jump from +180 to -180; on a
// flat map that jump draws a line across the world. Unwrapping the longitudes
// makes each ring continuous (it then runs past ±180, onto the next world copy).
function unwrap(geometry) {
  if (!geometry) return;
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates]
    : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
  for (const rings of polygons) {
    for (const ring of rings) {
      for (let i = 1; i < ring.length; i++) {
        const prev = ring[i - 1][0];
        while (ring[i][0] - prev > 180) ring[i][0] -= 360;
        while (ring[i][0] - prev < -180) ring[i][0] += 360;
      }
    }
  }
}

export class EventMap {
  constructor(container, { onOpen, tiles }) {
    this.onOpen = onOpen;
    this.filters = {};
    this.seq = 0;
    this.map = L.map(container, { minZoom: 1, maxZoom: 14, worldCopyJump: true, zoomSnap: 1 })
      .setView([25, 25], 2);
    this.map.createPane('base').style.zIndex = '250';
    if (tiles) {
      L.tileLayer(tiles.url, { attribution: tiles.attribution, maxZoom: 19 }).addTo(this.map);
    }
    this.map.attributionControl.setPrefix('Leaflet');
    this.map.attributionControl.addAttribution('Natural Earth');
    this.layer = L.layerGroup().addTo(this.map);
    this.map.on('moveend', () => this.refresh());
    this.loadBase(Boolean(tiles));
  }

  async loadBase(hasTiles) {
    const topo = await fetch('/static/countries-50m.json').then((r) => r.json());
    const countries = feature(topo, topo.objects.countries);
    for (const f of countries.features) unwrap(f.geometry);
    L.geoJSON(countries, {
      pane: 'base', interactive: false,
      style: { color: '#fff', weight: 0.6, fillColor: '#d9d4c7', fillOpacity: hasTiles ? 0 : 1 },
    }).addTo(this.map);
  }

  setFilters(filters) {
    this.filters = filters;
    return this.refresh();
  }

  viewBox() {
    const b = this.map.getBounds().pad(0.25);
    const west = b.getWest(), east = b.getEast();
    const lon = east - west >= 360 ? [-180, 180] : [Math.max(west, -180), Math.min(east, 180)];
    const lat = [Math.max(b.getSouth(), -90), Math.min(b.getNorth(), 90)];
    return `${lon[0]},${lat[0]},${lon[1]},${lat[1]}`;
  }

  async refresh() {
    const seq = ++this.seq;
    const zoom = this.map.getZoom();
    const page = await api('/api/clusters', { ...this.filters, zoom, bbox: this.viewBox() });
    if (seq !== this.seq) return page; // a newer view was asked for meanwhile
    this.layer.clearLayers();
    for (const cell of page.items) this.layer.addLayer(cell.event ? this.eventMarker(cell) : this.clusterMarker(cell));
    this.map.getContainer().dataset.markers = String(page.items.length);
    return page;
  }

  eventMarker(cell) {
    const e = cell.event;
    // An event placed only at a region or country centroid is drawn hollow and
    // dashed: its dot marks an area, not a spot.
    const vague = e.precision && e.precision !== 'point' && e.precision !== 'admin2';
    const marker = L.circleMarker([cell.lat, cell.lon], {
      radius: vague ? 9 : 7, color: vague ? typeColour(e.type) : '#222', weight: vague ? 2 : 1,
      dashArray: vague ? '3 3' : null, fillColor: typeColour(e.type), fillOpacity: vague ? 0.25 : 0.9,
      className: `ew-event ew-type-${e.type}${vague ? ' ew-vague' : ''}`,
    });
    marker.bindPopup(() => this.popup([{ ...e, fatalities: cell.fatalities }]));
    return marker;
  }

  clusterMarker(cell) {
    const size = Math.round(22 + 8 * Math.log10(cell.n));
    const dot = el('div', { class: 'ew-cluster', text: cell.n > 999 ? `${Math.round(cell.n / 100) / 10}k` : cell.n,
      title: `${fmt(cell.n)} events, mostly ${label(cell.type)}` });
    dot.style.background = typeColour(cell.type);
    dot.style.width = dot.style.height = dot.style.lineHeight = `${size}px`;
    const marker = L.marker([cell.lat, cell.lon], {
      icon: L.divIcon({ html: dot, className: 'ew-cluster-icon', iconSize: [size, size] }),
      title: `${cell.n} events`, riseOnHover: true,
    });
    marker.on('click', () => this.openCluster(cell, marker));
    return marker;
  }

  async openCluster(cell, marker) {
    const [south, west, north, east] = cell.bounds;
    const oneSite = north - south < 1e-6 && east - west < 1e-6;
    if (!oneSite && this.map.getZoom() < this.map.getMaxZoom()) {
      this.map.fitBounds([[south, west], [north, east]], { padding: [40, 40], maxZoom: this.map.getZoom() + 3 });
      return;
    }
    const eps = 1e-6;
    const events = await api('/api/events/at', {
      ...this.filters, bbox: `${west - eps},${south - eps},${east + eps},${north + eps}`, limit: 30,
    });
    marker.bindPopup(this.popup(events.map((e) => ({ ...e, date: e.date_start })), cell.n)).openPopup();
  }

  popup(events, total = events.length) {
    const box = el('div', { class: 'ew-popup' });
    for (const e of events) {
      box.append(el('div', { class: 'ew-popup-event' },
        el('span', { class: 'swatch', text: ' ' }),
        el('strong', { text: label(e.subtype || e.type) }),
        ` ${e.place || ''} ${e.date || ''} `,
        e.fatalities ? el('span', { class: 'killed', text: `${e.fatalities} killed ` }) : null,
        el('button', { type: 'button', class: 'link', text: 'article', onclick: () => this.onOpen(e.article_id, e.idx) }),
      ));
      box.lastChild.firstChild.style.background = typeColour(e.type);
    }
    if (total > events.length) box.append(el('div', { class: 'more', text: `and ${fmt(total - events.length)} more` }));
    return box;
  }
}
