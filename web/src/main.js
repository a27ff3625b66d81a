// eventwire's page: filters drive the map, the timeline and the table; the
// timeline's brush is the date filter; any event opens its article.
import { api, el, fmt, label, typeColour } from './util.js';
import { EventMap } from './map.js';
import { Timeline } from './timeline.js';
import { EventTable } from './table.js';
import { ArticleView } from './article.js';
import { OutletTable } from './outlets.js';

const form = document.getElementById('filters');
const status = document.getElementById('status');

function currentFilters() {
  const out = {};
  for (const [key, value] of new FormData(form)) if (String(value).trim()) out[key] = String(value).trim();
  return out;
}

function fail(err) {
  status.textContent = String(err.message || err);
  status.classList.add('error');
}

async function main() {
  const config = await api('/api/config');
  const article = new ArticleView(document.getElementById('article'), document.getElementById('article-body'),
    document.getElementById('kinds'), document.getElementById('close-article'));
  const open = (id, idx) => article.open(id, idx).catch(fail);
  const map = new EventMap('map', { onOpen: open, tiles: config.tiles });
  const table = new EventTable(document.getElementById('events'), {
    info: document.getElementById('page-info'), prev: document.getElementById('prev'),
    next: document.getElementById('next'), onOpen: open,
  });
  const outlets = new OutletTable(document.getElementById('outlets'), { info: document.getElementById('outlets-info') });

  async function refresh({ timeline = true } = {}) {
    const filters = currentFilters();
    status.classList.remove('error');
    status.textContent = 'loading…';
    document.body.dataset.loading = '1';
    try {
      const jobs = [map.setFilters(filters), table.setFilters(filters), outlets.setFilters(filters)];
      if (timeline) jobs.push(tl.load(filters));
      const [clusters, page] = await Promise.all(jobs);
      tl.setSelection(filters.since, filters.until);
      status.textContent = `${fmt(page.total)} events` + (clusters.unplaced ? ` · ${fmt(clusters.unplaced)} without a place` : '');
    } catch (err) {
      fail(err);
    } finally {
      delete document.body.dataset.loading;
    }
  }

  const tl = new Timeline(document.getElementById('timeline-svg'), {
    onBrush: (since, until) => {
      form.elements.since.value = since || '';
      form.elements.until.value = until || '';
      refresh({ timeline: false });
    },
  });

  // Tabs under the map: the event table or the outlets' framing profiles.
  const tabs = [...document.querySelectorAll('#tabs [role=tab]')];
  async function showTab(chosen) {
    for (const tab of tabs) {
      const on = tab === chosen;
      tab.setAttribute('aria-selected', String(on));
      document.getElementById(tab.getAttribute('aria-controls')).hidden = !on;
    }
    document.body.dataset.loading = '1';
    try {
      await outlets.show(chosen.id === 'tab-outlets');
    } catch (err) {
      fail(err);
    } finally {
      delete document.body.dataset.loading;
    }
  }
  for (const tab of tabs) tab.addEventListener('click', () => showTab(tab));

  const facets = await api('/api/facets');
  for (const select of form.querySelectorAll('select[data-facet]')) {
    for (const { value, n } of facets[select.dataset.facet]) {
      select.append(el('option', { value, text: `${label(value)} (${fmt(n)})` }));
    }
  }
  if (facets.dates.first) {
    for (const name of ['since', 'until']) {
      form.elements[name].min = facets.dates.first;
      form.elements[name].max = facets.dates.last;
    }
  }
  const legend = document.getElementById('legend');
  for (const { value } of facets.type) {
    const swatch = el('span', { class: 'swatch' });
    swatch.style.background = typeColour(value);
    legend.append(el('span', { class: 'key' }, swatch, label(value)));
  }

  // Text boxes filter as one types (after a pause); menus and dates on change.
  let typing;
  form.addEventListener('input', (ev) => {
    if (ev.target.type !== 'search') return;
    clearTimeout(typing);
    typing = setTimeout(() => refresh(), 300);
  });
  form.addEventListener('change', (ev) => {
    if (ev.target.type === 'search') return;
    const dates = ev.target.name === 'since' || ev.target.name === 'until';
    refresh({ timeline: !dates });
  });
  form.addEventListener('reset', () => setTimeout(() => refresh(), 0));
  form.addEventListener('submit', (ev) => ev.preventDefault());
  await refresh();
  document.body.dataset.ready = '1';
}

main().catch(fail);
