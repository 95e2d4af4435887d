// Building the page without ever parsing data as HTML: text goes in as text nodes, so a model name such as
// "<img src=x onerror=alert(1)>" is shown, never run.

/** An element with attributes (strings, or `true` for a bare attribute) and children (nodes or text). */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.substring(2), value);
    } else if (value === true) {
      element.setAttribute(name, '');
    } else if (value !== false && value !== null && value !== undefined) {
      element.setAttribute(name, String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** A table with a caption, a header row and one row per item; cells are nodes or text. */
export function table(caption, headers, rows) {
  return h('table', {},
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, headers.map((header) => h('th', { scope: 'col' }, header)))),
    h('tbody', {}, rows.length === 0
      ? h('tr', {}, h('td', { colspan: headers.length }, 'none'))
      : rows.map((cells) => h('tr', {}, cells.map((cell) => h('td', {}, cell))))));
}

/** A two-column table of a JSON object's entries; nested values are shown as JSON text. */
export function facts(caption, object) {
  const rows = Object.entries(object ?? {}).map(([key, value]) => [key, display(value)]);
  return table(caption, ['name', 'value'], rows);
}

export function display(value) {
  if (value === null || value === undefined) {
    return '–';
  }
  if (typeof value === 'number') {
    return Number.isInteger(value) ? String(value) : value.toPrecision(4);
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Replaces the content of the main area. */
export function show(main, ...children) {
  main.replaceChildren();
  append(main, children);
}

/** A message for errors and notices, read out by screen readers. */
export function notice(text, kind = 'error') {
  return h('p', { class: kind, role: kind === 'error' ? 'alert' : 'status' }, text);
}

/** Asks before an action; resolves true only when confirmed. */
export function confirmAction(question) {
  const dialog = document.getElementById('confirm');
  document.getElementById('confirm-text').textContent = question;
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), { once: true });
    dialog.returnValue = 'cancel';
    dialog.showModal();
    document.getElementById('confirm-cancel').focus();
  });
}

/** A labelled form control. */
export function field(label, control) {
  const id = control.id || `f-${Math.random().toString(36).slice(2)}`;
  control.id = id;
  return h('p', { class: 'field' }, h('label', { for: id }, label), control);
}
