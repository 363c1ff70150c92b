/** A port free on 127.0.0.1 now: the OS picks it, and it is released before being handed on. */
export function freePort(): Promise<number>;
