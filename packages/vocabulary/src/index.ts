export * from './direction.ts';
export * from './form-vocabulary.ts';
export * from './header-words.ts';
export * from './level-words.ts';
