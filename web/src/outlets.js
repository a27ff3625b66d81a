// The outlets view: how each outlet frames what it reports (/api/outlets):
// its own loaded spans per 1,000 words (with a bar), the tone's mean and its
// distribution over five bins, and the most used loaded terms. Outlet names
// and terms go in through textContent like every other piece of text.
import { api, el, fmt, label } from './util.js';

const BINS = ['-100..-60', '-60..-20', '-20..20', '20..60', '60..100'];
const BIN_COLOURS = ['#b2182b', '#ef8a62', '#bababa', '#67a9cf', '#2166ac'];
const TERMS = 6;

// Only these filters mean something for articles (the others select events).
function outletFilters({ since, until, source }) {
  return { since, until, source };
}

function toneHistogram(histogram) {
  const counts = BINS.map((b) => histogram[b] || 0);
  const most = Math.max(1, ...counts);
  const total = counts.reduce((a, b) => a + b, 0);
  const box = el('span', { class: 'tone-hist', role: 'img',
    'aria-label': `tone: ${BINS.map((b, i) => `${b}: ${counts[i]}`).join(', ')}` });
  BINS.forEach((bin, i) => {
    const bar = el('span', { class: 'tone-bar', title: `tone ${bin}: ${fmt(counts[i])} of ${fmt(total)} articles`,
      dataset: { bin, n: counts[i] } });
    bar.style.height = `${Math.round((100 * counts[i]) / most)}%`;
    bar.style.background = BIN_COLOURS[i];
    box.append(bar);
  });
  return box;
}

export class OutletTable {
  constructor(table, { info }) {
    this.body = table.querySelector('tbody');
    this.info = info;
    this.filters = {};
    this.loaded = null; // the filters of what is drawn
    this.active = false;
    this.seq = 0;
  }

  // Loads only when the view is shown: the first profile of a large store takes a while.
  setFilters(filters) {
    this.filters = outletFilters(filters);
    return this.active ? this.load() : Promise.resolve(null);
  }

  show(active) {
    this.active = active;
    if (active && JSON.stringify(this.loaded) !== JSON.stringify(this.filters)) return this.load();
    return Promise.resolve(null);
  }

  async load() {
    const seq = ++this.seq;
    const filters = this.filters;
    this.info.textContent = 'loading…';
    const data = await api('/api/outlets', filters);
    if (seq !== this.seq) return data;
    this.loaded = filters;
    const items = [...data.items].sort((a, b) => b.loaded_per_1000_words - a.loaded_per_1000_words
      || a.source.localeCompare(b.source));
    const densest = Math.max(0, ...items.map((o) => o.loaded_per_1000_words));
    this.body.replaceChildren(...items.map((o) => this.row(o, densest)));
    this.info.textContent = items.length
      ? `${fmt(items.length)} outlets · ${fmt(data.articles)} articles · loaded spans are the outlet's own words, not quotes`
      : 'no articles';
    return data;
  }

  row(o, densest) {
    const bar = el('span', { class: 'density-bar' });
    bar.style.width = `${densest ? Math.round((100 * o.loaded_per_1000_words) / densest) : 0}%`;
    const terms = o.top_terms.slice(0, TERMS).map((t) => `${t.term} ×${t.count}`).join(', ');
    const categories = Object.entries(o.by_category).map(([c, n]) => `${label(c)}: ${n}`).join(', ');
    const tone = o.tone.mean === null ? '' : o.tone.mean.toFixed(1);
    return el('tr', { dataset: { source: o.source, density: o.loaded_per_1000_words, tone } },
      el('td', { class: 'outlet', text: o.source }),
      el('td', { class: 'num', text: fmt(o.articles) }),
      el('td', { class: 'num', text: fmt(o.words) }),
      el('td', { class: 'density', title: `${fmt(o.loaded)} loaded spans in ${fmt(o.words)} words`
        + (o.speaker_loaded ? ` (and ${fmt(o.speaker_loaded)} in quotes, not counted)` : '') },
        el('span', { class: 'density-value', text: o.loaded_per_1000_words.toFixed(1) }), bar),
      el('td', { class: 'num tone-mean', title: `median ${o.tone.median}, from ${o.tone.min} to ${o.tone.max}`,
        text: tone }),
      el('td', {}, toneHistogram(o.tone.histogram)),
      el('td', { class: 'terms', title: categories, text: terms }),
    );
  }
}
