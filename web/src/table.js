// The event table: one page of /api/events at a time.
import { api, el, fmt, label, typeColour } from './util.js';

const PAGE = 50;

export class EventTable {
  constructor(table, { info, prev, next, onOpen }) {
    this.body = table.querySelector('tbody');
    this.info = info;
    this.onOpen = onOpen;
    this.offset = 0;
    this.total = 0;
    this.filters = {};
    this.seq = 0;
    prev.addEventListener('click', () => this.page(-1));
    next.addEventListener('click', () => this.page(1));
    this.prev = prev;
    this.next = next;
  }

  setFilters(filters) {
    this.filters = filters;
    this.offset = 0;
    return this.load();
  }

  page(step) {
    const offset = this.offset + step * PAGE;
    if (offset < 0 || offset >= this.total) return;
    this.offset = offset;
    this.load();
  }

  async load() {
    const seq = ++this.seq;
    const page = await api('/api/events', { ...this.filters, limit: PAGE, offset: this.offset });
    if (seq !== this.seq) return page;
    this.total = page.total;
    this.body.replaceChildren(...page.items.map((e) => this.row(e)));
    const last = Math.min(page.offset + page.items.length, page.total);
    this.info.textContent = page.total ? `${fmt(page.offset + 1)}–${fmt(last)} of ${fmt(page.total)} events` : 'no events';
    this.prev.disabled = this.offset === 0;
    this.next.disabled = last >= page.total;
    return page;
  }

  row(e) {
    const swatch = el('span', { class: 'swatch' });
    swatch.style.background = typeColour(e.type);
    const actors = [e.actor1, e.actor2].filter(Boolean).join(' → ');
    const tr = el('tr', { tabindex: 0, dataset: { article: e.article_id, idx: e.idx, type: e.type },
      title: e.evidence || '' },
      el('td', { class: 'date', text: e.date_start || '' }),
      el('td', { class: 'type', title: label(e.type) }, swatch, label(e.subtype || e.type)),
      el('td', { text: actors }),
      el('td', { text: e.place || '' }),
      el('td', { text: e.country || '' }),
      el('td', { class: 'num', text: e.fatalities || '' }),
      el('td', { text: e.modality || '' }),
      el('td', { text: e.source || '' }),
    );
    const open = () => this.onOpen(e.article_id, e.idx);
    tr.addEventListener('click', open);
    tr.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') open(); });
    return tr;
  }
}
