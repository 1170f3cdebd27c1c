// Files in an inbox that are not reports: hidden files, office lock files, and downloads or copies in progress.
import { basename } from 'node:path';

const IGNORED: RegExp[] = [
  /^\./, // hidden, including LibreOffice's .~lock.x.docx# and macOS ._x.pdf
  /^~\$/, // Microsoft Office owner files: ~$report.docx
  /^~.*\.tmp$/i, // Word's ~WRL0001.tmp
  /\.(tmp|temp|part|partial|crdownload|download|swp|filepart)$/i,
  /~$/, // editor backups: report.txt~
  /^(Thumbs\.db|desktop\.ini)$/i,
];

export function isIgnoredName(path: string): boolean {
  const name = basename(path);
  return IGNORED.some((re) => re.test(name));
}
