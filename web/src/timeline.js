// The timeline: events per day (stacked by type), drawn as SVG from the
// server's per-day bins. Dragging selects a period, which filters the map
// and the table; a click without a drag clears it.
import { api, svgEl, typeColour, fmt, label } from './util.js';

const DAY = 86400000;
const H = 110, PAD_L = 36, PAD_B = 18, PAD_T = 6;

function toDay(iso) { return Date.parse(`${iso}T00:00:00Z`) / DAY; }
function toIso(day) { return new Date(Math.round(day) * DAY).toISOString().slice(0, 10); }

export class Timeline {
  constructor(svg, { onBrush }) {
    this.svg = svg;
    this.onBrush = onBrush;
    this.range = null; // [firstDay, lastDay + 1)
    this.selection = null; // [since, until] as ISO dates
    this.seq = 0;
    this.drag = null;
    svg.addEventListener('pointerdown', (ev) => this.start(ev));
    svg.addEventListener('pointermove', (ev) => this.move(ev));
    svg.addEventListener('pointerup', (ev) => this.end(ev));
    window.addEventListener('resize', () => this.bins && this.draw());
  }

  async load(filters) {
    const seq = ++this.seq;
    const { since, until, ...rest } = filters; // the timeline shows every date: it is the date filter
    const data = await api('/api/timeline', rest);
    if (seq !== this.seq) return;
    this.bins = data.days;
    this.draw();
  }

  setSelection(since, until) {
    this.selection = since || until ? [since, until] : null;
    this.drawBrush();
  }

  width() { return Math.max(200, this.svg.clientWidth || this.svg.parentNode.clientWidth || 600); }

  x(day) {
    const [a, b] = this.range;
    return PAD_L + ((day - a) / (b - a)) * (this.width() - PAD_L - 8);
  }

  dayAt(px) {
    const [a, b] = this.range;
    const t = (px - PAD_L) / (this.width() - PAD_L - 8);
    return a + Math.min(1, Math.max(0, t)) * (b - a);
  }

  draw() {
    const svg = this.svg;
    svg.replaceChildren();
    const w = this.width();
    svg.setAttribute('viewBox', `0 0 ${w} ${H}`);
    svg.setAttribute('height', H);
    if (!this.bins.length) {
      const t = svgEl('text', { x: w / 2, y: H / 2, 'text-anchor': 'middle', class: 'empty' });
      t.textContent = 'no dated events';
      svg.append(t);
      this.range = null;
      return;
    }
    const days = this.bins.map((b) => toDay(b.day));
    // At least a fortnight, so that a few days of events do not fill the width.
    const first = days.reduce((a, b) => Math.min(a, b)), last = days.reduce((a, b) => Math.max(a, b)) + 1;
    const pad = Math.max(0, 14 - (last - first));
    this.range = [first - Math.floor(pad / 2), last + Math.ceil(pad / 2)];
    // Several days share a bar when there are more days than pixels to draw them.
    const span = this.range[1] - this.range[0];
    const per = Math.max(1, Math.ceil(span / ((w - PAD_L) / 2)));
    const stacks = new Map();
    this.bins.forEach((b, i) => {
      const key = this.range[0] + Math.floor((days[i] - this.range[0]) / per) * per;
      const stack = stacks.get(key) || new Map();
      for (const [type, n] of Object.entries(b.types)) stack.set(type, (stack.get(type) || 0) + n);
      stacks.set(key, stack);
    });
    let max = 1;
    for (const stack of stacks.values()) max = Math.max(max, [...stack.values()].reduce((s, n) => s + n, 0));
    const y = (n) => ((H - PAD_B - PAD_T) * n) / max;
    const bars = svgEl('g', { class: 'bars' });
    for (const [day, stack] of stacks) {
      const x0 = this.x(day), x1 = this.x(day + per);
      let top = H - PAD_B;
      for (const [type, n] of stack) {
        const h = y(n);
        top -= h;
        const r = svgEl('rect', { x: x0, y: top, width: Math.max(1, x1 - x0 - 0.5), height: h, fill: typeColour(type) });
        const tip = svgEl('title');
        tip.textContent = `${toIso(day)}${per > 1 ? ` (+${per - 1} days)` : ''}: ${fmt(n)} ${label(type)}`;
        r.append(tip);
        bars.append(r);
      }
    }
    svg.append(bars);
    const axis = svgEl('g', { class: 'axis' });
    const maxLabel = svgEl('text', { x: PAD_L - 4, y: PAD_T + 8, 'text-anchor': 'end' });
    maxLabel.textContent = fmt(max);
    axis.append(maxLabel, svgEl('line', { x1: PAD_L, x2: w - 8, y1: H - PAD_B, y2: H - PAD_B }));
    const ticks = Math.max(2, Math.min(8, Math.floor(w / 110), span));
    for (let i = 0; i < ticks; i++) {
      const day = this.range[0] + (i * (span - 1)) / (ticks - 1);
      const t = svgEl('text', { x: this.x(day), y: H - 4, 'text-anchor': i === 0 ? 'start' : i === ticks - 1 ? 'end' : 'middle' });
      t.textContent = toIso(day);
      axis.append(t);
    }
    svg.append(axis);
    this.brush = svgEl('rect', { class: 'brush', y: PAD_T, height: H - PAD_B - PAD_T, x: 0, width: 0 });
    svg.append(this.brush);
    this.drawBrush();
  }

  drawBrush() {
    if (!this.brush || !this.range) return;
    if (!this.selection) { this.brush.setAttribute('width', 0); return; }
    const [since, until] = this.selection;
    const a = since ? this.x(toDay(since)) : this.x(this.range[0]);
    const b = until ? this.x(toDay(until) + 1) : this.x(this.range[1]);
    this.brush.setAttribute('x', Math.min(a, b));
    this.brush.setAttribute('width', Math.max(0, Math.abs(b - a)));
  }

  local(ev) {
    const box = this.svg.getBoundingClientRect();
    return ((ev.clientX - box.left) / box.width) * this.width();
  }

  start(ev) {
    if (!this.range) return;
    this.svg.setPointerCapture(ev.pointerId);
    this.drag = { from: this.local(ev), to: this.local(ev) };
  }

  move(ev) {
    if (!this.drag) return;
    this.drag.to = this.local(ev);
    const a = Math.min(this.drag.from, this.drag.to), b = Math.max(this.drag.from, this.drag.to);
    this.brush.setAttribute('x', a);
    this.brush.setAttribute('width', b - a);
  }

  end(ev) {
    if (!this.drag) return;
    const { from } = this.drag;
    const to = this.local(ev);
    this.drag = null;
    if (Math.abs(to - from) < 3) { // a click: clear the period
      this.setSelection(null, null);
      this.onBrush(null, null);
      return;
    }
    const since = toIso(Math.floor(this.dayAt(Math.min(from, to))));
    const until = toIso(Math.ceil(this.dayAt(Math.max(from, to))) - 1);
    this.setSelection(since, until);
    this.onBrush(since, until);
  }
}
