import { describe, expect, it } from 'vitest';
import { allFormWords, FIXED_FORM_WORDS, numericHeaderWords } from './form-vocabulary.ts';

describe('the form vocabulary', () => {
  it('snaps only to words it knows', () => {
    const known = allFormWords();
    expect(FIXED_FORM_WORDS.filter((w) => !known.has(w))).toEqual([]);
  });

  it('names the weight and score columns as numeric', () => {
    expect(numericHeaderWords()).toEqual(expect.arrayContaining(['分值', '权重', '得分', '指标得分', '权重占比']));
  });
});
