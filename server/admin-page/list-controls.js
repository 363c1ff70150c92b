// What both admin pages do the same way around their list: the filter form loads it afresh and "Show more"
// adds the next page. A module of its own, served beside the pages' scripts (their CSP allows 'self').
const $ = (id) => document.getElementById(id);

/** Wires the page's `#filters` form and `#more` button to its `load(more)`. */
export function wireListControls(load) {
  $('filters').addEventListener('submit', (event) => {
    event.preventDefault();
    void load(false);
  });
  $('more').addEventListener('click', () => void load(true));
}
