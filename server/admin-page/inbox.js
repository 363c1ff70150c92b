// The inbox page: reads the admin API with the token the person gives (kept in sessionStorage, this tab
// only). Everything from the collector is written with textContent, never as HTML: submissions hold what
// visitors typed.
const $ = (id) => document.getElementById(id);
const base = location.pathname.replace(/\/?$/, '/');
const tbody = $('list').querySelector('tbody');
let next;

$('token').value = sessionStorage.getItem('ep-admin-token') ?? '';

function query(extra = {}) {
  const params = new URLSearchParams();
  for (const name of ['kind', 'from', 'to']) if ($(name).value) params.set(name, $(name).value);
  for (const [name, value] of Object.entries(extra)) params.set(name, value);
  return params;
}

async function call(path, params) {
  const token = $('token').value.trim();
  sessionStorage.setItem('ep-admin-token', token);
  const response = await fetch(`${base}${path}?${params}`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    const fields = (body.fieldErrors ?? []).map((error) => error.message).join(' ');
    throw new Error(`${response.status}: ${body.message ?? response.statusText} ${fields}`.trim());
  }
  return response;
}

function cell(row, text, className) {
  const td = document.createElement('td');
  td.textContent = text ?? '';
  td.dir = 'auto';
  if (className) td.className = className;
  row.append(td);
  return td;
}

/** A line a person can read: the message, the comment or the answer, and who to contact. */
function summary(data) {
  const parts = [
    data.type?.label,
    data.message,
    data.answer,
    data.reasons?.map((reason) => reason.label).join('; '),
    data.comment,
  ];
  const contact = data.contact
    ? [data.contact.name, data.contact.email, data.contact.mobile].filter(Boolean).join(' · ')
    : '';
  return [...parts, contact].filter((part) => typeof part === 'string' && part !== '').join('\n');
}

function show(items) {
  for (const item of items) {
    const row = document.createElement('tr');
    cell(row, item.reference);
    cell(row, new Date(item.receivedAt).toLocaleString());
    cell(row, item.kind);
    cell(row, item.page.url);
    const content = cell(row, summary(item.data), 'content');
    const details = document.createElement('details');
    const label = document.createElement('summary');
    label.textContent = 'Everything';
    const pre = document.createElement('pre');
    pre.textContent = JSON.stringify(item, null, 2);
    details.append(label, pre);
    content.append(details);
    tbody.append(row);
  }
}

async function load(more) {
  try {
    if (!more) tbody.replaceChildren();
    const response = await call('submissions', query({ limit: '100', ...(more && next ? { after: next } : {}) }));
    const page = await response.json();
    show(page.items);
    next = page.next;
    $('list').hidden = tbody.children.length === 0;
    $('more').hidden = !next;
    $('status').textContent = tbody.children.length
      ? `${tbody.children.length} shown${next ? ', more available' : ''}.`
      : 'Nothing matches.';
  } catch (error) {
    $('status').textContent = String(error.message);
  }
}

async function download(format) {
  try {
    const response = await call('submissions/export', query({ format }));
    const name =
      /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `submissions.${format}`;
    const link = document.createElement('a');
    link.href = URL.createObjectURL(await response.blob());
    link.download = name;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    $('status').textContent = `${name} downloaded.`;
  } catch (error) {
    $('status').textContent = String(error.message);
  }
}

$('filters').addEventListener('submit', (event) => {
  event.preventDefault();
  void load(false);
});
$('more').addEventListener('click', () => void load(true));
$('csv').addEventListener('click', () => void download('csv'));
$('json').addEventListener('click', () => void download('json'));
