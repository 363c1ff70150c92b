/**
 * Reads a password for the command line: the first line of stdin when it is not a terminal (a script, a
 * pipe, a secret manager), else typed at a prompt without echo, twice.
 */
import { stdin, stderr } from 'node:process';

async function firstLine(): Promise<string> {
  let text = '';
  for await (const chunk of stdin) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}

/** One line typed without echo (raw mode: the terminal shows nothing; Ctrl-C stops the command). */
function hidden(question: string): Promise<string> {
  stderr.write(question);
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  let value = '';
  return new Promise((resolve) => {
    const onData = (chunk: string) => {
      for (const character of chunk) {
        if (character === '\r' || character === '\n') {
          stdin.off('data', onData);
          stdin.setRawMode(false);
          stdin.pause();
          stderr.write('\n');
          return resolve(value);
        }
        if (character === '\u0003') {
          stdin.setRawMode(false);
          stderr.write('\n');
          process.exit(130);
        }
        value = character === '\u007f' || character === '\b' ? [...value].slice(0, -1).join('') : value + character;
      }
    };
    stdin.on('data', onData);
  });
}

export async function readPassword(): Promise<string> {
  if (!stdin.isTTY) return firstLine();
  const first = await hidden('Password: ');
  const again = await hidden('Again: ');
  if (first !== again) throw new Error('The two passwords differ.');
  return first;
}
