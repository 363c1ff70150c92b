export function checks(): {
  check(name: string, ok: boolean, detail?: string): void;
  finish(file: string): void;
};
