// Names as a terminal should show them: a file called `\e[31m…` or one holding U+202E (right-to-left override)
// must not recolour the summary or turn `gpj.exe` around. Control and bidi-control characters are written as
// escapes; everything else (Chinese included) is printed as it is.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function printable(text: string): string {
  return text.replace(UNSAFE, (ch) => `\\u{${ch.codePointAt(0)!.toString(16)}}`).replace(LONE_SURROGATE, (ch) => `\\u{${ch.charCodeAt(0).toString(16)}}`);
}
