// The validate stage: what the form itself gets wrong, as warnings. Keep what is printed; never correct it.
import type { Report, Warning } from '@jixiao/contract';

export function validateReport(_report: Report): Warning[] {
  return [];
}
