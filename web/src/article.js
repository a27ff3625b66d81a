// The article view: the cleaned text with every span of the record marked
// (places, actors, counts, quotes and their speakers, sources cited, loaded
// language, each event's evidence sentence), then the record's lists and
// what cleaning removed. Text is cut into segments at every span boundary and
// each segment carries the classes of the spans covering it, so overlapping
// and nested spans all show; every piece of text goes in through textContent.
import { api, el, label, typeColour } from './util.js';

export const KINDS = [
  ['place', 'places'], ['actor', 'actors'], ['count', 'counts'], ['quote', 'quotes'],
  ['speaker', 'speakers'], ['source', 'sources'], ['loaded', 'loaded language'], ['evidence', 'event evidence'],
];

function spansOf(record) {
  const spans = [];
  const add = (kind, s, extra = {}) => {
    if (s && Number.isInteger(s.start) && s.end > s.start) {
      spans.push({ kind, start: s.start, end: s.end, field: s.field || 'text', ...extra });
    }
  };
  record.places.forEach((p, i) => p.mentions.forEach((m) => add('place', m, { tip: `place: ${p.name}${p.country ? ` (${p.country})` : ''}`, data: { place: i } })));
  record.actors.forEach((a, i) => a.mentions.forEach((m) => add('actor', m, { tip: `actor: ${a.name} (${label(a.type)})`, data: { actor: i } })));
  record.counts.forEach((c, i) => add('count', c, { tip: `count: ${c.kind} ${c.value} (${label(c.qualifier)})${c.claimed_by ? `, per ${c.claimed_by}` : ''}`, data: { count: i } }));
  record.quotes.forEach((q, i) => {
    add('quote', q, { tip: `${q.kind} quote${q.speaker ? `, speaker: ${q.speaker.text}` : ''}`, data: { quote: i } });
    if (q.speaker) add('speaker', q.speaker, { tip: `speaker of quote ${i + 1}: ${q.speaker.name || q.speaker.role || q.speaker.text}`, data: { speaker: i } });
  });
  record.sources_cited.forEach((s, i) => add('source', s, { tip: `source cited: ${s.name}`, data: { source: i } }));
  (record.framing.loaded || []).forEach((l, i) => add('loaded', l, { tip: `loaded language: ${label(l.category)}${l.neutral ? ` (neutral: ${l.neutral})` : ''}${l.speaker_framing ? ', in a quote' : ''}`, data: { loaded: i } }));
  record.events.forEach((e, i) => add('evidence', e.sentence, { tip: `event ${i + 1}: ${label(e.type)}${e.subtype ? ` / ${label(e.subtype)}` : ''}`, data: { event: i } }));
  return spans;
}

export function annotate(text, spans) {
  const frag = document.createDocumentFragment();
  const cuts = new Set([0, text.length]);
  for (const s of spans) {
    cuts.add(Math.min(Math.max(s.start, 0), text.length));
    cuts.add(Math.min(Math.max(s.end, 0), text.length));
  }
  const points = [...cuts].sort((a, b) => a - b);
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    const piece = text.slice(a, b);
    const cover = spans.filter((s) => s.start <= a && s.end >= b);
    if (!cover.length) { frag.append(document.createTextNode(piece)); continue; }
    const node = el('span', { class: cover.map((s) => `hl hl-${s.kind}`).join(' '), title: cover.map((s) => s.tip).join('\n') });
    for (const s of cover) Object.assign(node.dataset, s.data);
    node.textContent = piece;
    frag.append(node);
  }
  return frag;
}

function safeLink(url) {
  // Only web addresses become links: a javascript: or data: URL stays text.
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') {
      return el('a', { href: parsed.href, rel: 'noopener noreferrer', target: '_blank', text: url });
    }
  } catch { /* not a URL: show it as text */ }
  return el('span', { text: url });
}

export class ArticleView {
  constructor(panel, body, kinds, closeButton) {
    this.panel = panel;
    this.body = body;
    this.kinds = kinds;
    closeButton.addEventListener('click', () => this.close());
    document.addEventListener('keydown', (ev) => { if (ev.key === 'Escape') this.close(); });
    for (const [kind, name] of KINDS) {
      const box = el('input', { type: 'checkbox', checked: true, onchange: (ev) => body.classList.toggle(`hide-${kind}`, !ev.target.checked) });
      kinds.append(el('label', { class: `key hl-${kind}` }, box, name));
    }
    body.addEventListener('click', (ev) => {
      const hit = ev.target.closest('[data-quote], [data-speaker]');
      if (hit) this.focusQuote(hit.dataset.quote ?? hit.dataset.speaker);
    });
  }

  close() { this.panel.hidden = true; }

  focusQuote(i) {
    this.body.querySelectorAll('.active').forEach((n) => n.classList.remove('active'));
    this.body.querySelectorAll(`[data-quote="${i}"], [data-speaker="${i}"]`).forEach((n) => n.classList.add('active'));
  }

  async open(articleId, eventIdx) {
    const record = await api(`/api/articles/${encodeURIComponent(articleId)}`);
    this.render(record);
    this.panel.hidden = false;
    this.panel.scrollTop = 0;
    if (eventIdx !== undefined && eventIdx !== null) {
      const first = this.body.querySelector(`.article-text [data-event="${eventIdx}"]`);
      this.body.querySelectorAll(`.article-text [data-event="${eventIdx}"]`).forEach((n) => n.classList.add('focus'));
      if (first) first.scrollIntoView({ block: 'center' });
    }
  }

  render(record) {
    const art = record.article;
    const spans = spansOf(record);
    const titleSpans = spans.filter((s) => s.field === 'title');
    const textSpans = spans.filter((s) => s.field !== 'title');
    const meta = el('div', { class: 'meta' },
      art.source ? el('span', { class: 'source', text: art.source }) : null,
      art.published ? el('span', { text: art.published }) : null,
      art.url ? safeLink(art.url) : null,
      el('span', { class: 'tone', text: `tone ${record.framing.tone}` }),
    );
    const parts = [
      el('h2', { class: 'article-title' }, annotate(art.title || '(no title)', titleSpans)),
      meta,
      el('div', { class: 'article-text' }, annotate(art.text, textSpans)),
      this.events(record), this.quotes(record), this.counts(record), this.loaded(record), this.removed(art),
    ];
    this.body.replaceChildren(...parts.filter(Boolean));
    this.body.dataset.article = art.id;
  }

  section(title, items) {
    if (!items.length) return el('section', { class: 'list' }, el('h3', { text: title }), el('p', { class: 'none', text: 'none' }));
    return el('section', { class: 'list' }, el('h3', { text: title }), el('ul', {}, ...items));
  }

  events(record) {
    return this.section('Events', record.events.map((e, i) => {
      const swatch = el('span', { class: 'swatch' });
      swatch.style.background = typeColour(e.type);
      const counts = Object.entries(e.counts || {}).map(([k, v]) => `${k} ${v}`).join(', ');
      const where = [e.place, e.date && (e.date.start || e.date.end) ? `${e.date.start || ''}${e.date.end && e.date.end !== e.date.start ? `–${e.date.end}` : ''}` : null].filter(Boolean).join(', ');
      const item = el('li', { class: 'event', dataset: { eventItem: i } },
        swatch, el('strong', { text: label(e.subtype ? `${e.type}: ${e.subtype}` : e.type) }),
        ` ${where}`, e.modality !== 'asserted' ? el('em', { text: ` (${e.modality})` }) : null,
        counts ? ` · ${counts}` : '', e.attributed_to ? ` · per ${e.attributed_to}` : '',
        [e.actor1, e.actor2].some(Boolean) ? el('div', { class: 'actors', text: [e.actor1, e.actor2].filter(Boolean).join(' → ') }) : null,
      );
      item.addEventListener('click', () => {
        this.body.querySelectorAll('.focus').forEach((n) => n.classList.remove('focus'));
        const hits = this.body.querySelectorAll(`.article-text [data-event="${i}"]`);
        hits.forEach((n) => n.classList.add('focus'));
        if (hits[0]) hits[0].scrollIntoView({ block: 'center', behavior: 'smooth' });
      });
      return item;
    }));
  }

  quotes(record) {
    return this.section('Quotes', record.quotes.map((q, i) => {
      const s = q.speaker;
      const who = s ? [s.name, s.role, s.organization].filter(Boolean).join(', ') || s.text : 'unattributed';
      const item = el('li', { class: `quote ${q.kind}` }, el('span', { class: 'who', text: who }),
        q.cue ? el('span', { class: 'cue', text: ` ${q.cue}: ` }) : ': ', el('q', { text: q.text }));
      item.addEventListener('click', () => this.focusQuote(String(i)));
      return item;
    }));
  }

  counts(record) {
    return this.section('Counts', record.counts.map((c) => el('li', {},
      el('strong', { text: `${c.kind} ${c.value}` }), ` ${c.what} (“${c.text}”)`,
      c.status !== 'asserted' ? el('em', { text: ` ${c.status}` }) : null,
      c.scope === 'background' ? el('em', { text: ' background' }) : null,
      c.hedged ? el('em', { text: ' hedged' }) : null,
      c.claimed_by ? ` per ${c.claimed_by}` : '')));
  }

  loaded(record) {
    return this.section('Loaded language', (record.framing.loaded || []).map((l) => el('li', {},
      el('span', { class: 'hl hl-loaded', text: l.text }), ` ${label(l.category)}`,
      l.neutral ? ` (neutral: ${l.neutral})` : '', l.speaker_framing ? el('em', { text: ' in a quote' }) : null)));
  }

  removed(art) {
    return this.section('Removed by cleaning', (art.removed || []).map((r) => el('li', {},
      el('span', { class: 'removed', text: r.text }), el('em', { text: ` ${label(r.reason)}` }))));
  }
}
