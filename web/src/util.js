// Small helpers shared by the views. Article text only ever reaches the page
// through textContent (never innerHTML), so it cannot add markup or script.

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(key, String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function svgEl(tag, attrs = {}) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  return node;
}

export async function api(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') query.set(key, String(value));
  }
  const url = query.toString() ? `${path}?${query}` : path;
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  const body = await response.json();
  if (!response.ok) {
    const message = body && body.error ? `[${body.error.code}] ${body.error.message}` : response.statusText;
    throw new Error(message);
  }
  return body;
}

// Colours of the taxonomy's event types (colour-blind-safe where it matters:
// violence in warm hues, statements and developments in cool/grey ones).
const TYPE_COLOURS = {
  battle: '#d62728',
  remote_violence: '#ff7f0e',
  violence_against_civilians: '#8c2d04',
  protest: '#2ca02c',
  riot: '#bcbd22',
  strategic_development: '#7f7f7f',
  displacement: '#9467bd',
  surrender: '#17becf',
  release: '#1f77b4',
  return: '#aec7e8',
  humanitarian_access: '#e377c2',
  statement: '#c5b0d5',
};
const SPARE = ['#393b79', '#637939', '#8c6d31', '#843c39', '#7b4173', '#3182bd'];

export function typeColour(type) {
  if (TYPE_COLOURS[type]) return TYPE_COLOURS[type];
  let h = 0;
  for (const ch of String(type)) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return SPARE[h % SPARE.length];
}

export function label(value) {
  return value ? String(value).replace(/_/g, ' ') : '';
}

export function fmt(n) {
  return Number(n).toLocaleString('en');
}
