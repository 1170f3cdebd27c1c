// HTML whitespace rules as a reader needs them: runs of white space collapse to one space, and a line break
// between two CJK characters disappears (CSS Text 3 segment-break rule; saved pages wrap long Chinese lines
// in the source, and a browser shows no space there).
const CJK = '\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef';
const CJK_BREAK = new RegExp(`([${CJK}])[ \\t\\f\\r]*\\n[\\s\\u00a0]*(?=[${CJK}])`, 'g');

/** Collapses white space (no-break spaces included) to single spaces; keeps leading/trailing space as one. */
export function collapseWhitespace(text: string): string {
  return text.replace(CJK_BREAK, '$1').replace(/[\s\u00a0\u200b\ufeff]+/g, ' ');
}

/** Accumulates inline text into lines; a block boundary or <br> ends the current line. */
export class LineBuilder {
  private lines: string[] = [];
  private current = '';

  add(text: string): void {
    if (text === '') return;
    if (text.startsWith(' ') && (this.current === '' || this.current.endsWith(' '))) text = text.slice(1);
    this.current += text;
  }

  /** Adds preformatted text: its own line breaks end lines. */
  addPreformatted(text: string): void {
    const parts = text.replace(/\r\n?/g, '\n').split('\n');
    parts.forEach((part, i) => {
      if (i > 0) this.breakLine();
      this.current += part.replace(/[\t\u00a0]/g, ' ');
    });
  }

  breakLine(): void {
    const line = this.current.trim();
    if (line !== '') this.lines.push(line);
    this.current = '';
  }

  /** The lines so far (non-empty, trimmed), and starts afresh. */
  take(): string[] {
    this.breakLine();
    const lines = this.lines;
    this.lines = [];
    return lines;
  }
}
