// The analyzer would write `"customElements": "custom-elements.json"` into package.json on every run, naming
// the working copy at the root, which is not packed; package.json names the one in dist/ itself.
export default { packagejson: false };
