// The ideas page: lists ideas for review (GET {base}/admin/ideas) and saves a review of one (PATCH
// {base}/admin/ideas/{id}) with the token the person gives, kept in sessionStorage (this tab only, shared
// with the inbox). Everything from the collector is written as text (textContent, a control's value),
// never as HTML: titles, descriptions and answers hold what visitors and the ministry typed.
const $ = (id) => document.getElementById(id);
const admin = new URL('./', location.href); // {base}/admin/, whatever the page's own name
const list = $('list');
const PAGE_SIZE = 20;

const STATE_NAMES = { pending: 'Pending', published: 'Published', rejected: 'Rejected' };
/** The review choices: the state, what choosing it does, and its label when it is the state already. */
const REVIEW = [
  ['published', 'Publish', 'Keep published'],
  ['rejected', 'Reject', 'Keep rejected'],
  ['pending', 'Back to pending', 'Keep pending'],
];
const STATUS_NAMES = {
  new: 'New',
  'under-review': 'Under review',
  accepted: 'Accepted',
  'in-progress': 'In progress',
  implemented: 'Implemented',
  'not-adopted': 'Not adopted',
};

let next;
let shownState = 'pending';
let count = 0;

$('token').value = sessionStorage.getItem('ep-admin-token') ?? '';

const announce = (text) => {
  $('status').textContent = text;
};

/** An element with properties and children; strings become text nodes, never markup. */
function el(tag, properties = {}, ...children) {
  const node = document.createElement(tag);
  Object.assign(node, properties);
  node.append(...children);
  return node;
}

const dateText = (iso) => new Date(iso).toLocaleString();
const time = (iso) => el('time', { dateTime: iso }, dateText(iso));

class ApiError extends Error {
  constructor(status, body) {
    super(`${status}: ${body.message ?? 'The collector refused.'}`);
    this.status = status;
    this.fieldErrors = Array.isArray(body.fieldErrors) ? body.fieldErrors : [];
  }
}

async function call(path, init = {}) {
  const token = $('token').value.trim();
  sessionStorage.setItem('ep-admin-token', token);
  const headers = { authorization: `Bearer ${token}` };
  if (init.body) headers['content-type'] = 'application/json';
  const response = await fetch(new URL(path, admin), { ...init, headers });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

// ------------------------------------------------------------------------------------------ one idea

/** The facts of an idea as a description list: what the reviewer needs to decide. */
function facts(idea) {
  const rows = [
    ['Reference', idea.reference ?? 'None (seeded)'],
    ['Received', time(idea.receivedAt)],
    ['Topic', idea.topic?.label || idea.topic?.code || 'None'],
    ['Review state', STATE_NAMES[idea.state] ?? idea.state],
    ['Status', STATUS_NAMES[idea.status] ?? idea.status],
    ['Supporters', String(idea.supports)],
  ];
  if (idea.publishedAt) rows.push(['Published', time(idea.publishedAt)]);
  const answer = idea.answer
    ? el('div', {}, el('p', { className: 'text', dir: 'auto' }, idea.answer.text), answerNote(idea.answer))
    : 'No answer yet';
  rows.push(['Answer', answer]);
  return rows.flatMap(([name, value]) => [el('dt', {}, name), el('dd', {}, value)]);
}

function answerNote(answer) {
  const parts = [];
  if (answer.at) parts.push('Given ', time(answer.at));
  if (answer.from && answer.to)
    parts.push(
      `${parts.length ? ', with' : 'With'} the status from ${STATUS_NAMES[answer.from] ?? answer.from} to ${STATUS_NAMES[answer.to] ?? answer.to}`,
    );
  return parts.length ? el('p', { className: 'note' }, ...parts, '.') : '';
}

/** Shows `idea` as the collector has it now, and sets the form back to it. */
function fill(view, idea) {
  view.idea = idea;
  view.heading.textContent = idea.title;
  view.description.textContent = idea.description;
  view.facts.replaceChildren(...facts(idea));
  for (const [state, action, kept] of REVIEW) {
    view.radios[state].checked = idea.state === state;
    view.radioLabels[state].textContent = idea.state === state ? kept : action;
  }
  view.form.elements.status.value = idea.status;
  view.form.elements.answer.value = idea.answer?.text ?? '';
  view.saveName.textContent = ` the review of “${idea.title}”`;
  showErrors(view, []);
}

/** Field errors next to the form, as text; each control with an error points at its message. */
function showErrors(view, fieldErrors) {
  const controls = { state: view.fieldset, status: view.form.elements.status, answer: view.form.elements.answer };
  for (const control of Object.values(controls)) {
    control.removeAttribute('aria-invalid');
    control.removeAttribute('aria-describedby');
  }
  view.errors.replaceChildren(
    ...fieldErrors.map((error, index) => {
      const item = el(
        'li',
        { id: `idea-${view.n}-error-${index}` },
        String(error.message ?? error.field ?? 'Not valid.'),
      );
      const control = controls[error.field];
      if (control) {
        if (control !== view.fieldset) control.setAttribute('aria-invalid', 'true');
        control.setAttribute('aria-describedby', item.id);
      }
      return item;
    }),
  );
  view.errors.hidden = fieldErrors.length === 0;
}

function ideaView(idea) {
  const n = (count += 1);
  const view = { n, idea, radios: {}, radioLabels: {} };
  view.heading = el('h2', { id: `idea-${n}`, tabIndex: -1, dir: 'auto' });
  view.description = el('p', { className: 'text', dir: 'auto' });
  view.facts = el('dl', { className: 'facts' });

  const choices = REVIEW.map(([state]) => {
    view.radios[state] = el('input', { type: 'radio', name: 'state', value: state });
    view.radioLabels[state] = el('span');
    return el('label', { className: 'choice' }, view.radios[state], view.radioLabels[state]);
  });
  const statuses = Object.entries(STATUS_NAMES).map(([value, name]) => el('option', { value }, name));
  view.saveName = el('span', { className: 'visually-hidden' });
  view.fieldset = el('fieldset', {}, el('legend', {}, 'Review'), ...choices);
  view.errors = el('ul', { className: 'errors', id: `idea-${n}-errors`, hidden: true });
  view.form = el(
    'form',
    { className: 'review', noValidate: true },
    view.fieldset,
    el('label', {}, 'Status', el('select', { name: 'status' }, ...statuses)),
    el(
      'label',
      { className: 'wide' },
      'Answer (what was done)',
      el('textarea', { name: 'answer', rows: 4, maxLength: 5000, dir: 'auto' }),
    ),
    el('button', { type: 'submit' }, 'Save', view.saveName),
    view.errors,
  );
  view.form.addEventListener('submit', (event) => {
    event.preventDefault();
    void save(view);
  });

  const article = el('article', {}, view.heading, view.description, view.facts, view.form);
  article.setAttribute('aria-labelledby', view.heading.id);
  view.item = el('li', {}, article);
  fill(view, idea);
  return view;
}

/** What the form changes, as the PATCH body: only the fields that differ from the idea as it is. */
function changes(view) {
  const { idea, form } = view;
  const change = {};
  const state = form.elements.state.value;
  if (state && state !== idea.state) change.state = state;
  if (form.elements.status.value !== idea.status) change.status = form.elements.status.value;
  const answer = form.elements.answer.value;
  // Emptied: the answer is removed (null); the collector refuses a blank one.
  if (answer.trim() !== (idea.answer?.text ?? '')) change.answer = answer.trim() ? answer : null;
  return change;
}

function savedText(change, idea) {
  const parts = [];
  if (change.state) parts.push(STATE_NAMES[idea.state]?.toLowerCase() ?? idea.state);
  if (change.status) parts.push(`status ${STATUS_NAMES[idea.status] ?? idea.status}`);
  if (change.answer !== undefined) parts.push(change.answer === null ? 'answer removed' : 'answer saved');
  return `Saved “${idea.title}”: ${parts.join(', ')}.`;
}

async function save(view) {
  if (view.busy) return;
  const change = changes(view);
  if (Object.keys(change).length === 0) {
    showErrors(view, []);
    announce(`Nothing to save for “${view.idea.title}”: nothing was changed.`);
    return;
  }
  view.busy = true;
  view.form.setAttribute('aria-busy', 'true');
  announce(`Saving “${view.idea.title}”…`);
  try {
    const idea = await call(`ideas/${encodeURIComponent(view.idea.id)}`, {
      method: 'PATCH',
      body: JSON.stringify(change),
    });
    fill(view, idea);
    announce(savedText(change, idea));
  } catch (error) {
    const fieldErrors = error.fieldErrors ?? [];
    const reason =
      error.status === 404
        ? 'the collector no longer has this idea.'
        : fieldErrors.length
          ? 'see the errors next to its form.'
          : String(error.message);
    showErrors(view, fieldErrors.length ? fieldErrors : [{ field: '', message: String(error.message) }]);
    announce(`“${view.idea.title}” was not saved: ${reason}`);
  } finally {
    view.busy = false;
    view.form.removeAttribute('aria-busy');
  }
}

// ------------------------------------------------------------------------------------------ the list

async function load(more) {
  if (!more) shownState = $('state').value;
  const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (shownState) params.set('state', shownState);
  if (more && next) params.set('after', next);
  try {
    const page = await call(`ideas?${params}`);
    if (!more) list.replaceChildren();
    const views = page.items.map(ideaView);
    list.append(...views.map((view) => view.item));
    next = page.next;
    list.hidden = list.children.length === 0;
    $('more').hidden = !next;
    const which = shownState ? `${shownState} ideas` : 'ideas';
    announce(
      list.children.length
        ? `${list.children.length} ${which} shown${next ? ', more available' : ''}.`
        : `No ${which}.`,
    );
    // After "Show more", the first idea it added, so that the keyboard carries on from there.
    if (more && views.length) views[0].heading.focus();
  } catch (error) {
    announce(String(error.message));
  }
}

$('filters').addEventListener('submit', (event) => {
  event.preventDefault();
  void load(false);
});
$('more').addEventListener('click', () => void load(true));
// Come from the inbox in this tab: the token is known, the pending ideas are shown straight away.
if ($('token').value) void load(false);
