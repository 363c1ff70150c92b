// A stylesheet imported as its text (vite's `?inline`), for a shadow root's constructed style sheet: the
// console's Content-Security-Policy takes no inline `<style>`, and a document's stylesheet does not reach in.
declare module '*.css?inline' {
  const text: string;
  export default text;
}
